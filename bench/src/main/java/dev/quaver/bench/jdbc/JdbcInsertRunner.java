package dev.quaver.bench.jdbc;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures Quaver and PostgreSQL through JDBC in one run (issue #4, item 8): single-row
 * {@code INSERT INTO plays VALUES (?, ?, ?, ?, ?, ?)} with autocommit at 1, 8 and 64 connections,
 * then PreparedStatement batches of 1000 rows committed per batch (PostgreSQL also with
 * reWriteBatchedInserts; Quaver has no transactions yet, so its batches run with auto-commit). Each
 * cell gets a fresh table, a warm-up whose operations are not counted, then a measured interval
 * recording every statement's (or batch's) latency. Usage:
 *
 * <pre>
 *   java -Dpg.url=jdbc:postgresql://127.0.0.1:PORT/postgres -Dpg.user=postgres \
 *     -cp bench/target/benchmarks.jar dev.quaver.bench.jdbc.JdbcInsertRunner
 * </pre>
 *
 * Properties: {@code bench.warmup} / {@code bench.seconds} (single-row cells, default 3 / 10),
 * {@code bench.batchWarmup} / {@code bench.batchSeconds} (default 2 / 5), {@code bench.dir} (Quaver
 * data), {@code bench.dump} (file for thread-stack samples of Quaver's 64-connection cell),
 * {@code bench.only} (Quaver alone, e.g. {@code batch/1,single/1}: for profiling),
 * {@code bench.jitWarmup} (seconds of unreported Quaver inserts before the first cell, default 5),
 * {@code bench.cells} ({@code single}, {@code batch} or both, comma-separated; default both).
 */
public final class JdbcInsertRunner {
  static final String INSERT = "INSERT INTO plays VALUES (?, ?, ?, ?, ?, ?)";
  static final int BATCH_ROWS = 1000;
  /** {@code batchRows} of {@link #measure} for a cell of PING round trips instead of inserts. */
  static final int PING = 0;
  private static final long TS_2024 = 1_704_067_200_000L;
  private static final String[] COUNTRIES = {"SE", "US", "DE", "GB", "FR", "BR", "JP", "IN"};

  private JdbcInsertRunner() {}

  /**
   * One measured cell: rows per second and per-operation latency percentiles in nanoseconds;
   * {@code cpuMicrosPerRow} is this JVM's CPU time (clients, and for Quaver also the server) per
   * row over the measured interval — on a shared machine a steadier figure than rows/s.
   */
  record Result(double rowsPerSecond, long operations, long p50, long p99, long p999, double loadAverage,
      double cpuMicrosPerRow, java.util.Map<String, Double> threadMicrosPerRow, String allocation) {}

  public static void main(String[] args) throws Exception {
    String pgUrl = System.getProperty("pg.url");
    String pgUser = System.getProperty("pg.user", "postgres");
    double warmup = Double.parseDouble(System.getProperty("bench.warmup", "3"));
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    double batchWarmup = Double.parseDouble(System.getProperty("bench.batchWarmup", "2"));
    double batchSeconds = Double.parseDouble(System.getProperty("bench.batchSeconds", "5"));
    Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
    String dump = System.getProperty("bench.dump", "");
    String only = System.getProperty("bench.only", "");
    if (!only.isEmpty()) {
      quaverOnly(only, base, warmup, seconds, batchWarmup, batchSeconds);
      return;
    }
    System.out.printf("JDK %s, %d CPUs, load average at start %.2f%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), loadAverage());

    // JIT warm-up of Quaver's whole stack (driver, server, executor, storage), not reported: on a
    // loaded machine the first cell's own warm-up is too short and it measured the compiler.
    double jitWarmup = Double.parseDouble(System.getProperty("bench.jitWarmup", "5"));
    if (jitWarmup > 0) {
      measure(Target.quaver(base), 1, 1, jitWarmup / 2, 0.1, null);
      measure(Target.quaver(base), 1, BATCH_ROWS, jitWarmup / 2, 0.1, null);
    }
    String cells = System.getProperty("bench.cells", "single,batch");
    if (cells.contains("single")) {
      singleRowCells(pgUrl, pgUser, base, warmup, seconds, dump);
    }
    if (cells.contains("batch")) {
      batchCells(pgUrl, pgUser, base, batchWarmup, batchSeconds);
    }
    System.out.printf("%nload average at end %.2f%n", loadAverage());
  }

  private static void singleRowCells(String pgUrl, String pgUser, Path base, double warmup, double seconds,
      String dump) throws Exception {
    System.out.println();
    System.out.println("Single-row INSERT, autocommit, durable commit (latency per statement, us)");
    System.out.printf("%4s | %10s %8s %8s %8s | %10s %8s %8s %8s | %6s | %5s%n", "conn", "quaver r/s",
        "p50", "p99", "p99.9", "pg r/s", "p50", "p99", "p99.9", "ratio", "load");
    for (int connections : new int[] {1, 8, 64}) {
      Path dumpFile = connections == 64 && !dump.isEmpty() ? Path.of(dump) : null;
      Result quaver;
      Result pg;
      if (connections == 8) { // alternate which engine runs first
        pg = measure(Target.postgres(pgUrl, pgUser, false), connections, 1, warmup, seconds, null);
        quaver = measure(Target.quaver(base), connections, 1, warmup, seconds, dumpFile);
      } else {
        quaver = measure(Target.quaver(base), connections, 1, warmup, seconds, dumpFile);
        pg = measure(Target.postgres(pgUrl, pgUser, false), connections, 1, warmup, seconds, null);
      }
      System.out.printf("%4d | %10.0f %8.0f %8.0f %8.0f | %10.0f %8.0f %8.0f %8.0f | %6.2f | %5.2f%n",
          connections, quaver.rowsPerSecond(), us(quaver.p50()), us(quaver.p99()), us(quaver.p999()),
          pg.rowsPerSecond(), us(pg.p50()), us(pg.p99()), us(pg.p999()),
          quaver.rowsPerSecond() / pg.rowsPerSecond(), (quaver.loadAverage() + pg.loadAverage()) / 2);
    }
  }

  private static void batchCells(String pgUrl, String pgUser, Path base, double batchWarmup,
      double batchSeconds) throws Exception {

    System.out.println();
    System.out.printf("PreparedStatement batches of %d rows, one commit per batch (latency per batch, ms)%n",
        BATCH_ROWS);
    System.out.printf("%-22s %4s | %12s %8s %8s %8s | %8s | %5s%n", "engine", "conn", "rows/s", "p50", "p99",
        "p99.9", "cpu us/r", "load");
    for (int connections : new int[] {1, 4}) {
      Map<String, Result> results = new HashMap<>();
      results.put("quaver", measure(Target.quaver(base), connections, BATCH_ROWS, batchWarmup, batchSeconds, null));
      results.put("postgresql", measure(Target.postgres(pgUrl, pgUser, false), connections, BATCH_ROWS,
          batchWarmup, batchSeconds, null));
      results.put("postgresql rewrite", measure(Target.postgres(pgUrl, pgUser, true), connections,
          BATCH_ROWS, batchWarmup, batchSeconds, null));
      for (String engine : List.of("quaver", "postgresql", "postgresql rewrite")) {
        Result r = results.get(engine);
        System.out.printf("%-22s %4d | %12.0f %8.2f %8.2f %8.2f | %8.2f | %5.2f%n", engine, connections,
            r.rowsPerSecond(), r.p50() / 1e6, r.p99() / 1e6, r.p999() / 1e6, r.cpuMicrosPerRow(),
            r.loadAverage());
      }
      System.out.println("    quaver threads: " + ThreadCpu.describe(results.get("quaver").threadMicrosPerRow())
          + "; " + results.get("quaver").allocation());
      System.out.printf("ratio quaver / postgresql %.2f, quaver / postgresql rewrite %.2f%n",
          results.get("quaver").rowsPerSecond() / results.get("postgresql").rowsPerSecond(),
          results.get("quaver").rowsPerSecond() / results.get("postgresql rewrite").rowsPerSecond());
    }
  }

  /**
   * Quaver alone (no PostgreSQL needed), for profiling: {@code only} is a comma list of cells
   * {@code single/N} (single-row inserts at N connections) and {@code batch/N} (batches at N).
   */
  private static void quaverOnly(String only, Path base, double warmup, double seconds,
      double batchWarmup, double batchSeconds) throws Exception {
    for (String cell : only.split(",")) {
      String[] parts = cell.trim().split("/");
      boolean batch = parts[0].equals("batch");
      int connections = Integer.parseInt(parts[1]);
      Result r = batch
          ? measure(Target.quaver(base), connections, BATCH_ROWS, batchWarmup, batchSeconds, null)
          : measure(Target.quaver(base), connections, 1, warmup, seconds, null);
      System.out.printf("quaver %-6s %3d conn | %10.0f rows/s | p50 %8.0f us p99 %8.0f us p99.9 %8.0f us"
          + " | cpu %6.2f us/row | load %5.2f%n", parts[0], connections, r.rowsPerSecond(), us(r.p50()),
          us(r.p99()), us(r.p999()), r.cpuMicrosPerRow(), r.loadAverage());
      System.out.println("    " + ThreadCpu.describe(r.threadMicrosPerRow()) + "; " + r.allocation());
    }
  }

  /**
   * Runs {@code connections} threads, each with its own connection, inserting single rows with
   * autocommit ({@code batchRows == 1}) or batches of {@code batchRows} committed per batch, or
   * ({@code batchRows == PING}) only PING round trips ({@code isValid}), each counted as a row.
   */
  static Result measure(Target target, int connections, int batchRows, double warmupSeconds,
      double seconds, Path dumpFile) throws Exception {
    try (target) {
      long start = System.nanoTime() + 200_000_000L; // all connections open before the clock starts
      long measureFrom = start + (long) (warmupSeconds * 1e9);
      long end = measureFrom + (long) (seconds * 1e9);
      Latencies[] latencies = new Latencies[connections];
      long[] rows = new long[connections];
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(connections);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        int index = i;
        latencies[i] = new Latencies();
        Thread thread = new Thread(() -> {
          try (Connection connection = target.connect();
              PreparedStatement insert = connection.prepareStatement(INSERT)) {
            boolean commitPerBatch = batchRows > 1 && explicitTransactions(connection);
            SplittableRandom random = new SplittableRandom(index * 7919L + 1);
            while (System.nanoTime() < start) {
              Thread.onSpinWait();
            }
            long now;
            while ((now = System.nanoTime()) < end) {
              if (batchRows == PING) {
                connection.isValid(0);
              } else if (batchRows == 1) {
                bind(insert, random);
                insert.executeUpdate();
              } else {
                for (int r = 0; r < batchRows; r++) {
                  bind(insert, random);
                  insert.addBatch();
                }
                insert.executeBatch();
                if (commitPerBatch) {
                  connection.commit();
                }
              }
              long after = System.nanoTime();
              if (now >= measureFrom) {
                latencies[index].record(after - now);
                rows[index] += Math.max(1, batchRows);
              }
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          } finally {
            done.countDown();
          }
        }, "bench-client-" + i);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      sleepUntil(measureFrom);
      long cpuFrom = processCpuNanos();
      ThreadCpu threadsFrom = ThreadCpu.snapshot();
      if (dumpFile != null) {
        sampleStacks(dumpFile, measureFrom, end);
      }
      sleepUntil((measureFrom + end) / 2);
      double load = loadAverage();
      // Per-thread CPU up to a quarter second before the end: clients exit at the end, and an
      // exited thread's CPU can no longer be read.
      sleepUntil(end - Math.min(250_000_000L, (end - measureFrom) / 4));
      ThreadCpu threadsTo = ThreadCpu.snapshot();
      long rowsAtEnd = 0;
      for (long r : rows) {
        rowsAtEnd += r;
      }
      sleepUntil(end);
      long cpu = processCpuNanos() - cpuFrom;
      done.await();
      if (failure.get() != null) {
        throw new IllegalStateException("a bench client failed", failure.get());
      }
      long[] sorted = Latencies.mergeSorted(latencies);
      long totalRows = 0;
      for (long r : rows) {
        totalRows += r;
      }
      return new Result(totalRows / seconds, sorted.length, Latencies.percentile(sorted, 50),
          Latencies.percentile(sorted, 99), Latencies.percentile(sorted, 99.9), load,
          totalRows == 0 ? 0 : cpu / 1e3 / totalRows, threadsTo.microsPerRowSince(threadsFrom, rowsAtEnd),
          threadsTo.allocationSince(threadsFrom, rowsAtEnd));
    }
  }

  /**
   * Turns auto-commit off so a batch commits once; a driver without transactions (Quaver today)
   * keeps auto-commit, and then one executeBatch is one durable request.
   */
  private static boolean explicitTransactions(Connection connection) throws SQLException {
    try {
      connection.setAutoCommit(false);
      return true;
    } catch (java.sql.SQLFeatureNotSupportedException e) {
      return false;
    }
  }

  private static void bind(PreparedStatement insert, SplittableRandom random) throws SQLException {
    insert.setInt(1, random.nextInt(1_000_000));
    insert.setInt(2, random.nextInt(200_000));
    insert.setInt(3, random.nextInt(10_000));
    insert.setString(4, COUNTRIES[random.nextInt(COUNTRIES.length)]);
    insert.setTimestamp(5, new Timestamp(TS_2024 + random.nextLong(366L * 86_400_000L)));
    insert.setInt(6, random.nextInt(1_000, 300_000));
  }

  /**
   * Writes 20 samples of every thread's top frames during the measured interval, grouped and
   * counted, to show where a slow cell's time goes without a profiler.
   */
  private static void sampleStacks(Path file, long from, long end) throws IOException, InterruptedException {
    Map<String, Integer> counts = new HashMap<>();
    int samples = 20;
    long step = (end - from) / (samples + 1);
    for (int s = 1; s <= samples; s++) {
      long at = from + s * step;
      Thread.sleep(Math.max(0, at - System.nanoTime()) / 1_000_000);
      for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
        StackTraceElement[] stack = entry.getValue();
        StringBuilder key = new StringBuilder(entry.getKey().getName().replaceAll("\\d+", "N"))
            .append(' ').append(entry.getKey().getState()).append('\n');
        for (int f = 0; f < Math.min(10, stack.length); f++) {
          key.append("    at ").append(stack[f]).append('\n');
        }
        counts.merge(key.toString(), 1, Integer::sum);
      }
    }
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
      counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(e -> out.printf("%d samples: %s%n", e.getValue(), e.getKey()));
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    Thread.sleep(Math.max(0, nanoTime - System.nanoTime()) / 1_000_000);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double us(long nanos) {
    return nanos / 1e3;
  }
}
