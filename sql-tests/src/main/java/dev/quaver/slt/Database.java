package dev.quaver.slt;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One fresh database that one test file runs in. The runner connects once, and again when a
 * statement overran the client-side guard (the old connection is then abandoned).
 *
 * <p>Thread safety: {@link #connect} may be called from the runner's thread only.
 */
public interface Database extends AutoCloseable {
  Connection connect() throws SQLException;

  /** Drops the database (stops its server, deletes its directory). */
  @Override
  void close() throws Exception;
}
