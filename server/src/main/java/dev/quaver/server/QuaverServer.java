package dev.quaver.server;

import dev.quaver.executor.Executor;
import dev.quaver.planner.Planner;
import dev.quaver.protocol.ProtocolFormat;
import dev.quaver.server.config.ServerConfig;
import dev.quaver.server.net.NettyServer;
import dev.quaver.server.query.LocalQueryEngine;
import dev.quaver.server.query.QueryEngine;
import dev.quaver.server.query.RequestProcessor;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Quaver server: storage opened, planner warmed up, Netty listening. Start with
 * {@link #start}, stop with {@link #close} (idempotent; closes connections, then storage).
 *
 * <p>Thread safety: safe to close from any thread.
 */
public final class QuaverServer implements AutoCloseable {
  /** Reported to clients in AUTH_OK and by DatabaseMetaData. */
  public static final String VERSION = "0.1.0";
  private static final Logger LOG = LoggerFactory.getLogger(QuaverServer.class);

  private final ServerConfig config;
  private final QueryEngine engine;
  private final NettyServer network;
  private boolean isClosed;

  private QuaverServer(ServerConfig config, QueryEngine engine, NettyServer network) {
    this.config = config;
    this.engine = engine;
    this.network = network;
  }

  /**
   * Opens the data directory, warms the planner up and starts listening. Storage is closed again
   * if anything after opening it fails.
   */
  public static QuaverServer start(ServerConfig config) {
    Objects.requireNonNull(config, "config is null");
    StorageEngine storage = Storage.open(StorageConfig.defaults(config.dataDirectory()));
    QueryEngine engine;
    try {
      Planner planner = new Planner(storage.catalog());
      Executor executor = new Executor(storage, config.executorConfig());
      engine = new LocalQueryEngine(storage, planner, executor);
      planner.warmUp();
    } catch (RuntimeException | Error e) {
      storage.close();
      throw e;
    }
    return start(config, engine);
  }

  /**
   * Serves {@code engine} instead of a data directory (tests plug in a fake engine). The server
   * owns the engine from here on and closes it on {@link #close}.
   */
  public static QuaverServer start(ServerConfig config, QueryEngine engine) {
    Objects.requireNonNull(config, "config is null");
    Objects.requireNonNull(engine, "engine is null");
    try {
      NettyServer network = NettyServer.start(config, new RequestProcessor(engine),
          ProtocolFormat.DEFAULT_MAX_FRAME_BYTES, VERSION);
      LOG.info("Quaver {} listening on {}:{}, data directory {}", VERSION, config.host(),
          network.port(), config.dataDirectory().toAbsolutePath());
      return new QuaverServer(config, engine, network);
    } catch (RuntimeException | Error e) {
      engine.close();
      throw e;
    }
  }

  /** The port actually bound (useful when the config asked for port 0). */
  public int port() {
    return network.port();
  }

  /** The host the server listens on. */
  public String host() {
    return config.host();
  }

  /** A JDBC URL that reaches this server. */
  public String jdbcUrl() {
    return "jdbc:quaver://" + config.host() + ":" + port() + "/quaver";
  }

  @Override
  public void close() {
    synchronized (this) {
      if (isClosed) {
        return;
      }
      isClosed = true;
    }
    try {
      network.close();
    } finally {
      engine.close();
      LOG.info("Quaver server stopped");
    }
  }
}
