package dev.quaver.bench.jdbc;

import dev.quaver.executor.Executor;
import dev.quaver.planner.Planner;
import dev.quaver.server.QuaverServer;
import dev.quaver.server.query.LocalQueryEngine;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One engine under test with a fresh, empty {@code plays} table: Quaver as a server started in this
 * JVM on a new data directory (default sync mode COMMIT), or an already running PostgreSQL whose
 * table is dropped and created again.
 *
 * <p>Thread safety: {@link #connect} may be called from any thread; open and close from one.
 */
interface Target extends AutoCloseable {
  String CREATE_PLAYS = "CREATE TABLE plays (user_id INTEGER, song_id INTEGER, artist_id INTEGER,"
      + " country VARCHAR(2), ts TIMESTAMP, ms_played INTEGER)";

  Connection connect() throws SQLException;

  @Override
  void close();

  /** A Quaver server on a new directory under {@code base}, deleted again on close. */
  static Target quaver(Path base) throws IOException, SQLException {
    return quaver(base, StorageConfig.SyncMode.COMMIT);
  }

  /**
   * As {@link #quaver(Path)} with the WAL's sync mode {@code mode} (OFF: the commit path without
   * the fdatasync, for the floor measurements of {@link SingleRowFloor}).
   */
  static Target quaver(Path base, StorageConfig.SyncMode mode) throws IOException, SQLException {
    Path directory = Files.createTempDirectory(base, "quaver-jdbc-bench");
    ServerConfig config = ServerConfig.defaults(directory).withPort(0);
    QuaverServer server;
    if (mode == StorageConfig.SyncMode.COMMIT) {
      server = QuaverServer.start(config);
    } else {
      StorageEngine storage = Storage.open(new StorageConfig(directory, mode, StorageConfig.defaults(directory).syncIntervalMillis()));
      server = QuaverServer.start(config, new LocalQueryEngine(storage, new Planner(storage.catalog()),
          new Executor(storage, config.executorConfig())));
    }
    Target target = new Target() {
      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
      }

      @Override
      public void close() {
        server.close();
        deleteTree(directory);
      }
    };
    createPlays(target, false);
    return target;
  }

  /** PostgreSQL at {@code url}; {@code rewriteBatches} sets the driver's reWriteBatchedInserts. */
  static Target postgres(String url, String user, boolean rewriteBatches) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("reWriteBatchedInserts", Boolean.toString(rewriteBatches));
    Target target = new Target() {
      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
      }

      @Override
      public void close() {}
    };
    createPlays(target, true);
    return target;
  }

  private static void createPlays(Target target, boolean dropFirst) throws SQLException {
    try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
      if (dropFirst) {
        statement.execute("DROP TABLE IF EXISTS plays");
      }
      statement.execute(CREATE_PLAYS);
      if (dropFirst) {
        statement.execute("CHECKPOINT"); // start each cell from the same WAL state
      }
    }
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
