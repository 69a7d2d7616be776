package dev.quaver.bench.jdbc;

import dev.quaver.executor.Executor;
import dev.quaver.planner.Planner;
import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import dev.quaver.server.query.LocalQueryEngine;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Where the time of one single-row autocommit INSERT at 1 connection goes (issue #4 item 8), by
 * difference of steps measured in the same JVM, the steps taking turns op by op so the disk's and
 * the machine's load hit every step alike:
 * <ol>
 *   <li>{@code fdatasync}: a 128-byte write into a preallocated file + {@code force(false)} on the
 *       same disk: the durability floor (PostgreSQL pays it too);
 *   <li>{@code ping}: a PING/PONG round trip through the driver ({@code isValid}): client encode,
 *       loopback, Netty decode, the server's request hand-off, reply, client decode;
 *   <li>{@code insert off}: the prepared INSERT against a server with sync mode OFF: the round
 *       trip plus execution and the WAL append;
 *   <li>{@code insert commit}: the same with sync mode COMMIT (the default): plus the group-commit
 *       wait and the fdatasync.
 * </ol>
 * With {@code bench.compare} (default true) steps 2-4 run against three pairs of servers, all in
 * one JVM so that all meet the same load: "before" (every request handed to a worker, the general
 * executor path, 4 event loops), "worker" (the one-commit path for a single-row INSERT, on a
 * worker: the server's default) and "inline" (that path on the connection's event loop, 64 event
 * loops: the opt-in {@code quaver.server.inlineExecute}).
 * Run: {@code java -cp bench/target/benchmarks.jar dev.quaver.bench.jdbc.SingleRowLatency [dir]}
 * ({@code -Dbench.ops=2000 -Dbench.rounds=5}). Prints p50/p90/p99 per step and round, then the
 * medians over rounds.
 */
public final class SingleRowLatency {
  private SingleRowLatency() {}

  /** The request path before this stop (a worker per request, the general executor path). */
  private static final String[][] BEFORE = {{"quaver.server.inlineExecute", "false"},
      {"quaver.server.oneCommitExecute", "false"}, {"quaver.server.ioThreads", "4"}};

  private static final String DEFAULT_VARIANT = "default";
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    Path base = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    int ops = Integer.getInteger("bench.ops", 2000);
    int rounds = Integer.getInteger("bench.rounds", 5);
    boolean compare = Boolean.parseBoolean(System.getProperty("bench.compare", "true"));
    Path dir = Files.createTempDirectory(base, "quaver-single-row");
    System.out.printf("load at start %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    List<String> names = new ArrayList<>(List.of("fdatasync"));
    List<AutoCloseable> resources = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    try {
      RandomAccessFile file = new RandomAccessFile(dir.resolve("fsync-probe").toFile(), "rw");
      resources.add(file);
      FileChannel channel = FileChannel.open(dir.resolve("fsync-probe"), StandardOpenOption.WRITE);
      resources.add(channel);
      file.write(new byte[16 << 20]);
      file.getFD().sync();
      byte[] record = new byte[128];
      long[] offset = {0};
      steps.add(() -> {
        file.seek(offset[0]);
        file.write(record);
        channel.force(false);
        offset[0] = (offset[0] + record.length) % (16 << 20);
      });
      Random random = new Random(42);
      for (String variant : compare ? List.of("before", "worker", "inline") : List.of(DEFAULT_VARIANT)) {
        for (String[] property : BEFORE) {
          System.clearProperty(property[0]);
          if (variant.equals("before")) {
            System.setProperty(property[0], property[1]);
          }
        }
        if (variant.equals("worker")) {
          System.setProperty("quaver.server.inlineExecute", "false");
        } else if (variant.equals("inline")) {
          System.setProperty("quaver.server.inlineExecute", "true");
          System.setProperty("quaver.server.ioThreads", "64");
        }
        QuaverServer durable = server(dir.resolve(variant + "-commit"), StorageConfig.SyncMode.COMMIT);
        resources.add(durable);
        QuaverServer unsynced = server(dir.resolve(variant + "-off"), StorageConfig.SyncMode.OFF);
        resources.add(unsynced);
        Connection commitConnection = connect(durable);
        resources.add(commitConnection);
        Connection offConnection = connect(unsynced);
        resources.add(offConnection);
        PreparedStatement commitInsert = commitConnection.prepareStatement(INSERT);
        PreparedStatement offInsert = offConnection.prepareStatement(INSERT);
        names.addAll(List.of("ping " + variant, "insert off " + variant, "insert commit " + variant));
        steps.add(() -> commitConnection.isValid(0));
        steps.add(() -> insert(offInsert, random));
        steps.add(() -> insert(commitInsert, random));
      }
      // warm-up: JIT of driver, server and storage paths
      for (int i = 0; i < Math.max(ops, 3000); i++) {
        for (int step = 1; step < steps.size(); step++) {
          steps.get(step).run();
        }
      }
      long[][] p50s = new long[steps.size()][rounds];
      long[][] cpus = new long[steps.size()][rounds];
      for (int round = 0; round < rounds; round++) {
        // Steps take turns op by op, so the disk's and the scheduler's moods hit each alike.
        long[][] samples = new long[steps.size()][ops];
        long[] cpu = new long[steps.size()];
        for (int i = 0; i < ops; i++) {
          for (int step = 0; step < steps.size(); step++) {
            long cpuBefore = OS.getProcessCpuTime();
            long start = System.nanoTime();
            steps.get(step).run();
            samples[step][i] = System.nanoTime() - start;
            cpu[step] += OS.getProcessCpuTime() - cpuBefore;
          }
        }
        for (int step = 0; step < steps.size(); step++) {
          cpus[step][round] = cpu[step] / ops;
          Arrays.sort(samples[step]);
          p50s[step][round] = Latencies.percentile(samples[step], 50);
          System.out.printf("round %d %-22s p50 %6d us  p90 %6d  p99 %6d  cpu %5d us/op%n", round + 1,
              names.get(step), p50s[step][round] / 1000, Latencies.percentile(samples[step], 90) / 1000,
              Latencies.percentile(samples[step], 99) / 1000, cpus[step][round] / 1000);
        }
      }
      System.out.println("medians over rounds: p50 latency (us), JVM CPU per op (us: client, server, background; coarse: process CPU read around each op)");
      for (int step = 0; step < steps.size(); step++) {
        Arrays.sort(p50s[step]);
        Arrays.sort(cpus[step]);
        System.out.printf("  %-22s %6d %6d%n", names.get(step), p50s[step][rounds / 2] / 1000,
            cpus[step][rounds / 2] / 1000);
      }
      System.out.printf("load at end %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    } finally {
      for (int i = resources.size() - 1; i >= 0; i--) {
        resources.get(i).close();
      }
    }
  }

  /** One measured operation. */
  private interface Step {
    void run() throws Exception;
  }

  private static final String INSERT = "INSERT INTO plays VALUES (?, ?, ?, ?, ?, ?)";

  private static void insert(PreparedStatement insert, Random random) throws java.sql.SQLException {
    insert.setInt(1, random.nextInt(1_000_000));
    insert.setInt(2, random.nextInt(200_000));
    insert.setInt(3, random.nextInt(10_000));
    insert.setString(4, "DE");
    insert.setTimestamp(5, new Timestamp(1_704_067_200_000L + random.nextInt(1_000_000_000)));
    insert.setInt(6, random.nextInt(300_000));
    insert.executeUpdate();
  }

  private static QuaverServer server(Path directory, StorageConfig.SyncMode mode) throws Exception {
    Files.createDirectories(directory);
    ServerConfig config = ServerConfig.defaults(directory).withPort(0);
    StorageEngine storage = Storage.open(new StorageConfig(directory, mode, 10));
    Planner planner = new Planner(storage.catalog());
    Executor executor = new Executor(storage, config.executorConfig());
    QuaverServer server = QuaverServer.start(config, new LocalQueryEngine(storage, planner, executor));
    try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
      statement.execute(Target.CREATE_PLAYS);
    }
    return server;
  }

  private static Connection connect(QuaverServer server) throws java.sql.SQLException {
    return DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
  }
}
