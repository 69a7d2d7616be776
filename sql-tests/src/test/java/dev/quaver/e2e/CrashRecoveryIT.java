package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 durability: a server in its own JVM takes acknowledged inserts from a few threads
 * and is killed at a random moment; after a restart on the same data directory every
 * acknowledged row must be there with its value (unacknowledged rows may or may not be).
 * Cycles: {@code -Dquaver.crash.cycles} (default 5); the seed is printed for replay with
 * {@code -Dquaver.crash.seed}.
 */
class CrashRecoveryIT {
  private static final int WRITER_THREADS = 3;
  private static final long START_TIMEOUT_MILLIS = 120_000;

  @Test
  void acknowledgedRowsSurviveKillMinus9() throws Exception {
    int cycles = Integer.getInteger("quaver.crash.cycles", 5);
    long seed = Long.getLong("quaver.crash.seed", System.nanoTime());
    System.out.println("CrashRecoveryIT: " + cycles + " cycles, seed " + seed);
    Random random = new Random(seed);
    Path data = Files.createTempDirectory("quaver-crash-");
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    try {
      for (int cycle = 0; cycle < cycles; cycle++) {
        int port = freePort();
        Process process = startServer(data, port, cycle);
        try {
          String url = TestServer.url(port);
          awaitReady(process, url, data, cycle);
          verify(url, acknowledged, cycle, seed);
          if (cycle == 0) {
            try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
              statement.execute(
                  "CREATE TABLE acked (id BIGINT PRIMARY KEY, v VARCHAR(40), writer INTEGER)");
            }
          }
          long killAfterMillis = 200 + random.nextInt(1500);
          writeUntilKilled(url, process, cycle, killAfterMillis, acknowledged);
        } finally {
          process.destroyForcibly();
          process.waitFor(30, TimeUnit.SECONDS);
        }
      }
      int port = freePort();
      Process last = startServer(data, port, cycles);
      try {
        awaitReady(last, TestServer.url(port), data, cycles);
        verify(TestServer.url(port), acknowledged, cycles, seed);
      } finally {
        last.destroyForcibly();
        last.waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(acknowledged).as("rows acknowledged over all cycles").isNotEmpty();
    } finally {
      TestServer.deleteRecursively(data);
    }
  }

  private static void writeUntilKilled(
      String url, Process process, int cycle, long killAfterMillis, Map<Long, String> acknowledged)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicLong cycleAcks = new java.util.concurrent.atomic.AtomicLong();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITER_THREADS; w++) {
      int writer = w;
      Thread thread = new Thread(() -> {
        long next = (cycle * (long) WRITER_THREADS + writer) * 1_000_000_000L;
        try (Connection connection = connect(url);
            PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO acked (id, v, writer) VALUES (?, ?, ?)")) {
          while (!stop.get()) {
            long id = next++;
            insert.setLong(1, id);
            insert.setString(2, valueOf(id));
            insert.setInt(3, writer);
            insert.executeUpdate();
            acknowledged.put(id, valueOf(id)); // only after the server said yes
            cycleAcks.incrementAndGet();
          }
        } catch (SQLException e) {
          // Expected once the server is killed.
        }
      }, "crash-writer-" + w);
      thread.start();
      writers.add(thread);
    }
    // The clock starts at the first acknowledgement, so every kill lands among acked writes
    // (the first statements of a fresh JVM take a while).
    long firstAckDeadline = System.currentTimeMillis() + 60_000;
    while (cycleAcks.get() == 0 && System.currentTimeMillis() < firstAckDeadline
        && process.isAlive()) {
      Thread.sleep(10);
    }
    Thread.sleep(killAfterMillis);
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
    stop.set(true);
    for (Thread thread : writers) {
      thread.join(30_000);
    }
  }

  private static void verify(String url, Map<Long, String> acknowledged, int cycle, long seed)
      throws SQLException {
    if (cycle == 0) {
      return;
    }
    Map<Long, String> found = new HashMap<>();
    try (Connection connection = connect(url); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id, v FROM acked")) {
      while (rs.next()) {
        found.put(rs.getLong(1), rs.getString(2));
      }
    }
    List<Long> missing = new ArrayList<>();
    for (Map.Entry<Long, String> row : acknowledged.entrySet()) {
      if (!row.getValue().equals(found.get(row.getKey()))) {
        missing.add(row.getKey());
      }
    }
    assertThat(missing).as("acknowledged rows lost or changed after restart %d (seed %d)",
        cycle, seed).isEmpty();
    for (Map.Entry<Long, String> row : found.entrySet()) {
      assertThat(row.getValue()).as("value of row %d", row.getKey())
          .isEqualTo(valueOf(row.getKey()));
    }
    System.out.println("CrashRecoveryIT: restart " + cycle + ": " + acknowledged.size()
        + " acknowledged rows present, " + found.size() + " rows in total");
  }

  private static Process startServer(Path data, int port, int cycle) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File log = data.resolveSibling(data.getFileName() + "-server-" + cycle + ".log").toFile();
    log.deleteOnExit();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
        "dev.quaver.server.cli.QuaverMain", "server", "--port", Integer.toString(port),
        "--data", data.toString())
        .redirectErrorStream(true)
        .redirectOutput(log)
        .start();
  }

  /** Polls until a JDBC session opens; fails with the server's log if the process dies. */
  private static void awaitReady(Process process, String url, Path data, int cycle)
      throws Exception {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    SQLException last = null;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("server exited with " + process.exitValue() + ":\n"
            + serverLog(data, cycle));
      }
      try (Connection connection = connect(url)) {
        return;
      } catch (SQLException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new AssertionError("server not ready within " + START_TIMEOUT_MILLIS + " ms:\n"
        + serverLog(data, cycle), last);
  }

  private static String serverLog(Path data, int cycle) throws IOException {
    Path log = data.resolveSibling(data.getFileName() + "-server-" + cycle + ".log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
  }

  private static Connection connect(String url) throws SQLException {
    TestServer.loadDriver();
    return DriverManager.getConnection(url, TestServer.USER, TestServer.PASSWORD);
  }

  private static String valueOf(long id) {
    return "v-" + Long.toHexString(id * 0x9E3779B97F4A7C15L);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
