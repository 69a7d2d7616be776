package dev.quaver.bench.jdbc;

import java.nio.file.Path;

/**
 * Single-row autocommit INSERT cells of two server request paths in one JVM, alternating cell by
 * cell so both meet the same load: "before" (every request handed to a worker, the general
 * executor path, Netty's default event loops) and "inline" (a single-row INSERT on its
 * connection's event loop through the one-commit path, 64 event loops). Quaver only.
 * Run: {@code java -cp bench/target/benchmarks.jar dev.quaver.bench.jdbc.SingleRowAb [dir]}
 * ({@code -Dbench.connections=64,8,1 -Dbench.reps=3 -Dbench.warmup=1.5 -Dbench.seconds=4}).
 * With {@code -Dbench.toggle=NAME} the two variants are instead the server's defaults with the
 * boolean system property NAME false ("off") and true ("on"), e.g. {@code quaver.wal.handoff};
 * {@code -Dbench.ping=true} measures PING round trips instead of inserts (the transport alone).
 */
public final class SingleRowAb {
  private SingleRowAb() {}

  public static void main(String[] args) throws Exception {
    Path base = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    int reps = Integer.getInteger("bench.reps", 3);
    double warmup = Double.parseDouble(System.getProperty("bench.warmup", "1.5"));
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "4"));
    String[] connections = System.getProperty("bench.connections", "64,8,1").split(",");
    String toggle = System.getProperty("bench.toggle", "");
    String first = toggle.isEmpty() ? "before" : "off";
    String second = toggle.isEmpty() ? "inline" : "on";
    for (String variant : new String[] {first, second}) { // JIT warm-up of both paths
      configure(variant);
      JdbcInsertRunner.measure(Target.quaver(base), 8, 1, 1, 3, null);
    }
    for (String cell : connections) {
      int count = Integer.parseInt(cell.trim());
      for (int rep = 1; rep <= reps; rep++) {
        for (String variant : rep % 2 == 1 ? new String[] {first, second} : new String[] {second, first}) {
          configure(variant);
          int rows = Boolean.getBoolean("bench.ping") ? JdbcInsertRunner.PING : 1;
          JdbcInsertRunner.Result r = JdbcInsertRunner.measure(Target.quaver(base), count, rows, warmup, seconds, null);
          System.out.printf("%-6s %3d conn rep %d | %8.0f rows/s | p50 %7.0f us p99 %8.0f us | cpu %7.1f us/row"
              + " | load %5.2f%n    %s; %s%n", variant, count, rep, r.rowsPerSecond(), r.p50() / 1e3, r.p99() / 1e3,
              r.cpuMicrosPerRow(), r.loadAverage(), ThreadCpu.describe(r.threadMicrosPerRow()), r.allocation());
        }
      }
    }
  }

  private static void configure(String variant) {
    String toggle = System.getProperty("bench.toggle", "");
    if (!toggle.isEmpty()) {
      System.setProperty(toggle, Boolean.toString(variant.equals("on")));
      return;
    }
    boolean before = variant.equals("before");
    System.setProperty("quaver.server.inlineExecute", Boolean.toString(!before));
    System.setProperty("quaver.server.oneCommitExecute", Boolean.toString(!before));
    System.setProperty("quaver.server.ioThreads", before ? "4" : "64");
  }
}
