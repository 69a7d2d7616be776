package dev.quaver.bench.olap;

import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One engine under test: how to connect, the few dialect differences (table options, the timestamp
 * literal and binding), how it loads best through standard JDBC, and what runs after the load.
 * Embedded engines (DuckDB, H2, SQLite) and Quaver keep their files in a temporary directory deleted
 * on close; PostgreSQL is an already running server whose tables are dropped first.
 *
 * <p>Thread safety: {@link #connect} from any thread; the rest from the runner's thread.
 */
abstract class Engine implements AutoCloseable {
  /**
   * Prepared-statement batches, multi-row VALUES statements with literals, or DuckDB's Appender (its
   * JDBC driver's bulk path: batches and VALUES both load only 2-3K rows/s into DuckDB here).
   */
  enum LoadMode { BATCH, VALUES, APPENDER }

  final String name;
  private final Path directory;

  Engine(String name, Path directory) {
    this.name = name;
    this.directory = directory;
  }

  abstract Connection connect() throws SQLException;

  /** The load path: {@code -Dolap.load.<engine>=batch|values} overrides the engine's default. */
  final LoadMode loadMode() {
    String forced = System.getProperty("olap.load." + name, "");
    return forced.isEmpty() ? defaultLoadMode() : LoadMode.valueOf(forced.toUpperCase(java.util.Locale.ROOT));
  }

  LoadMode defaultLoadMode() {
    return LoadMode.BATCH;
  }

  /** Extra table options after {@code CREATE TABLE t (...)}. */
  String tableSuffix(String table) {
    return "";
  }

  String timestampLiteral(String text) {
    return "TIMESTAMP '" + text + "'";
  }

  void bindTimestamp(PreparedStatement statement, int index, LocalDateTime value) throws SQLException {
    statement.setTimestamp(index, Timestamp.valueOf(value));
  }

  /** Runs after all tables are loaded (statistics, compaction). */
  void afterLoad(Connection connection, List<Table> tables) throws SQLException {}

  @Override
  public void close() {
    if (directory != null) {
      deleteTree(directory);
    }
  }

  static Engine create(String name, Path base, String pgUrl, String pgUser) throws IOException, SQLException {
    return switch (name) {
      case "quaver" -> quaver(Files.createTempDirectory(base, "olap-quaver"));
      case "duckdb" -> duckdb(Files.createTempDirectory(base, "olap-duckdb"));
      case "h2" -> h2(Files.createTempDirectory(base, "olap-h2"));
      case "sqlite" -> sqlite(Files.createTempDirectory(base, "olap-sqlite"));
      case "postgres" -> postgres(pgUrl, pgUser);
      default -> throw new IllegalArgumentException("unknown engine " + name
          + " (quaver, duckdb, h2, sqlite, postgres)");
    };
  }

  /**
   * Quaver as a server in this JVM, reached through its JDBC driver. {@code plays} is distributed by
   * user_id and sorted by ts (WORKLOADS.md); lineorder is sorted by its order date. After the load
   * every table is compacted into columnar segments with {@code OPTIMIZE TABLE}.
   */
  static Engine quaver(Path directory) throws IOException {
    QuaverServer server = QuaverServer.start(ServerConfig.defaults(directory).withPort(0));
    return new Engine("quaver", directory) {
      @Override
      Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
      }

      @Override
      String tableSuffix(String table) {
        return switch (table) {
          case "plays" -> " DISTRIBUTED BY HASH (user_id) ORDER BY (ts)";
          case "lineorder" -> " ORDER BY (lo_orderdate)";
          default -> "";
        };
      }

      @Override
      void afterLoad(Connection connection, List<Table> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
          for (Table table : tables) {
            statement.execute("OPTIMIZE TABLE " + table.name());
          }
        }
      }

      @Override
      public void close() {
        server.close();
        super.close();
      }
    };
  }

  /** DuckDB on a database file; loads through its Appender (its JDBC batches run row by row). */
  static Engine duckdb(Path directory) {
    String url = "jdbc:duckdb:" + directory.resolve("bench.duckdb");
    return new Engine("duckdb", directory) {
      @Override
      Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
      }

      @Override
      LoadMode defaultLoadMode() {
        return LoadMode.APPENDER;
      }
    };
  }

  static Engine h2(Path directory) {
    // H2 would otherwise answer a repeated query from its result cache while the tables are unchanged.
    String url = "jdbc:h2:file:" + directory.resolve("bench") + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE";
    return new Engine("h2", directory) {
      @Override
      Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
      }

      @Override
      void afterLoad(Connection connection, List<Table> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
          statement.execute("ANALYZE");
        }
      }

      @Override
      public void close() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
          // already closed
        }
        super.close();
      }
    };
  }

  /**
   * SQLite has no TIMESTAMP type: {@code ts} is stored as epoch milliseconds (UTC) and the dashboard
   * compares it with the same number.
   */
  static Engine sqlite(Path directory) {
    String url = "jdbc:sqlite:" + directory.resolve("bench.sqlite");
    return new Engine("sqlite", directory) {
      @Override
      Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
      }

      @Override
      String timestampLiteral(String text) {
        return Long.toString(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli());
      }

      @Override
      void bindTimestamp(PreparedStatement statement, int index, LocalDateTime value) throws SQLException {
        statement.setLong(index, value.toInstant(ZoneOffset.UTC).toEpochMilli());
      }

      @Override
      void afterLoad(Connection connection, List<Table> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
          statement.execute("ANALYZE");
        }
      }
    };
  }

  /** A running PostgreSQL (bench/run-olap.sh starts one); reWriteBatchedInserts on for the load. */
  static Engine postgres(String url, String user) throws SQLException {
    if (url == null || url.isEmpty()) {
      throw new SQLException("postgres needs -Dpg.url (bench/run-olap.sh starts a server)");
    }
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("reWriteBatchedInserts", "true");
    Engine engine = new Engine("postgres", null) {
      @Override
      Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
      }

      @Override
      void afterLoad(Connection connection, List<Table> tables) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("VACUUM ANALYZE");
        } finally {
          connection.setAutoCommit(auto);
        }
      }
    };
    try (Connection c = engine.connect(); Statement s = c.createStatement()) {
      for (String t : List.of("lineorder", "dwdate", "customer", "supplier", "part", "plays", "dim_artists")) {
        s.execute("DROP TABLE IF EXISTS " + t);
      }
    }
    return engine;
  }

  static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
