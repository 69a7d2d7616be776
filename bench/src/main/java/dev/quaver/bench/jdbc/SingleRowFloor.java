package dev.quaver.bench.jdbc;

import dev.quaver.storage.StorageConfig;
import java.nio.file.Path;

/**
 * The floor of a single-row autocommit INSERT at many connections (issue #4 item 8), three cells
 * per connection count taking turns in one JVM so that all meet the same load: {@code ping}
 * (PING round trips through {@code isValid}: driver, loopback, Netty, the server's dispatch and
 * reply, no SQL), {@code off} (the prepared INSERT against a server whose WAL sync mode is OFF:
 * round trip + execution + WAL append) and {@code commit} (sync mode COMMIT, the default: plus the
 * group commit and its fdatasync). Rows/s and CPU per statement (process CPU / statements, the
 * in-JVM clients included) tell how much is the round trip, the execution and the durable commit.
 * Run: {@code java -cp bench/target/benchmarks.jar dev.quaver.bench.jdbc.SingleRowFloor [dir]}
 * ({@code -Dbench.connections=64,8 -Dbench.reps=2 -Dbench.warmup=1.5 -Dbench.seconds=4}).
 */
public final class SingleRowFloor {
  private SingleRowFloor() {}

  public static void main(String[] args) throws Exception {
    Path base = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    int reps = Integer.getInteger("bench.reps", 2);
    double warmup = Double.parseDouble(System.getProperty("bench.warmup", "1.5"));
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "4"));
    String[] connections = System.getProperty("bench.connections", "64,8").split(",");
    String[] cells = {"ping", "off", "commit"};
    for (String cell : cells) { // JIT warm-up of every path
      run(cell, base, 8, 1, 2);
    }
    System.out.printf("%-6s %4s %3s | %9s | %8s %8s | %10s | %5s%n", "cell", "conn", "rep", "ops/s", "p50 us",
        "p99 us", "cpu us/op", "load");
    for (String cell : connections) {
      int count = Integer.parseInt(cell.trim());
      for (int rep = 1; rep <= reps; rep++) {
        for (int i = 0; i < cells.length; i++) {
          String name = cells[rep % 2 == 1 ? i : cells.length - 1 - i];
          JdbcInsertRunner.Result r = run(name, base, count, warmup, seconds);
          System.out.printf("%-6s %4d %3d | %9.0f | %8.0f %8.0f | %10.1f | %5.2f%n    %s; %s%n", name, count, rep,
              r.rowsPerSecond(), r.p50() / 1e3, r.p99() / 1e3, r.cpuMicrosPerRow(), r.loadAverage(),
              ThreadCpu.describe(r.threadMicrosPerRow()), r.allocation());
        }
      }
    }
  }

  private static JdbcInsertRunner.Result run(String cell, Path base, int connections, double warmup, double seconds)
      throws Exception {
    StorageConfig.SyncMode mode = cell.equals("off") ? StorageConfig.SyncMode.OFF : StorageConfig.SyncMode.COMMIT;
    return JdbcInsertRunner.measure(Target.quaver(base, mode), connections,
        cell.equals("ping") ? JdbcInsertRunner.PING : 1, warmup, seconds, null);
  }
}
