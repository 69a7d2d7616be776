package dev.quaver.server.query;

import dev.quaver.planner.SessionSettings;
import dev.quaver.protocol.CatalogInfo;
import java.util.function.Supplier;

/**
 * What the network layer needs from the database: prepare SQL, describe the catalog. The real
 * implementation wires storage, planner and executor ({@link LocalQueryEngine}); tests use small
 * fakes. Errors are QuaverExceptions carrying the SQLSTATE the client should see.
 *
 * <p>Thread safety: implementations are safe for concurrent use by many sessions.
 */
public interface QueryEngine extends AutoCloseable {
  /** Parses, validates and plans one statement (cached by the planner when it can). */
  EngineStatement prepare(String sql);

  /**
   * Plans one statement for a session: {@code settings} gives the session's settings at the
   * moment (read when planning and again at each execution, so a SET between PREPARE and
   * EXECUTE is seen). Engines without settings ignore them.
   */
  default EngineStatement prepare(String sql, Supplier<SessionSettings> settings) {
    return prepare(sql);
  }

  /** The tables and views of the database right now, ordered by name. */
  CatalogInfo catalog();

  /** Closes executor and storage; idempotent. */
  @Override
  void close();
}
