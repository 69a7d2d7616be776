package dev.quaver.bench;

import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * "The click": one durable single-row INSERT per statement through the JDBC driver into a
 * server in the same JVM, the OLTP half of WORKLOADS.md. Run with
 * {@code java -jar bench/target/benchmarks.jar SingleRowInsert} after {@code mvn -pl bench -am package}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class SingleRowInsertBenchmark {
  private final AtomicInteger nextId = new AtomicInteger();
  private Path dataDirectory;
  private QuaverServer server;

  @Setup(Level.Trial)
  public void startServer() throws Exception {
    dataDirectory = Files.createTempDirectory("quaver-bench");
    server = QuaverServer.start(ServerConfig.defaults(dataDirectory).withPort(0));
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE plays (user_id INTEGER, song_id INTEGER, artist_id INTEGER,"
          + " country VARCHAR(2), ts TIMESTAMP, ms_played INTEGER)");
    }
  }

  @TearDown(Level.Trial)
  public void stopServer() {
    server.close();
  }

  /** One connection per benchmark thread, as an application's pool would give it. */
  @State(Scope.Thread)
  public static class Client {
    Connection connection;
    PreparedStatement insert;

    @Setup(Level.Trial)
    public void open(SingleRowInsertBenchmark benchmark) throws SQLException {
      connection = benchmark.connect();
      insert = connection.prepareStatement("INSERT INTO plays VALUES (?, ?, ?, ?, ?, ?)");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      connection.close();
    }
  }

  @Benchmark
  @Threads(8)
  public int insertOneRow(Client client) throws SQLException {
    int id = nextId.incrementAndGet();
    PreparedStatement insert = client.insert;
    insert.setInt(1, id % 1_000_000);
    insert.setInt(2, id % 200_000);
    insert.setInt(3, id % 10_000);
    insert.setString(4, "SE");
    insert.setTimestamp(5, new java.sql.Timestamp(1_704_067_200_000L + id * 1000L));
    insert.setInt(6, 30_000);
    return insert.executeUpdate();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:quaver://127.0.0.1:" + server.port() + "/quaver", "quaver", "quaver");
  }
}
