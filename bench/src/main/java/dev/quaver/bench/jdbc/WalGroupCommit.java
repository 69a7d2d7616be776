package dev.quaver.bench.jdbc;

import dev.quaver.storage.lsm.wal.LogWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WAL's group commit alone, without network or execution (issue #4 item 8: what a durable
 * single-row commit costs): N threads each append a 120-byte record and wait for it to be synced
 * ({@link LogWriter#syncTo}), or only written ({@code off}: {@link LogWriter#flushTo}). Prints
 * commits/s, the committer threads' CPU per commit (the fdatasync's kernel time included) and
 * commits per fdatasync. A/B the ways of waiting with {@code -Dquaver.wal.handoff=false|true} in
 * separate runs (read when a writer opens). Run:
 * {@code java -cp bench/target/benchmarks.jar dev.quaver.bench.jdbc.WalGroupCommit THREADS sync|off SECONDS [dir]}.
 */
public final class WalGroupCommit {
  private WalGroupCommit() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    boolean sync = args[1].equals("sync");
    double seconds = Double.parseDouble(args[2]);
    Path base = Path.of(args.length > 3 ? args[3] : System.getProperty("java.io.tmpdir"));
    Path dir = Files.createTempDirectory(base, "wal-group-commit");
    ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 3; round++) {
      Path wal = Files.createDirectories(dir.resolve("r" + round));
      LogWriter log = new LogWriter(wal, 1, 64L << 20);
      AtomicLong commits = new AtomicLong();
      AtomicLong cpu = new AtomicLong();
      long end = System.nanoTime() + (long) (seconds * 1e9);
      Thread[] committers = new Thread[threads];
      for (int i = 0; i < threads; i++) {
        committers[i] = new Thread(() -> {
          byte[] record = new byte[120];
          long count = 0;
          long cpuFrom = cpuClock.getCurrentThreadCpuTime();
          try {
            while (System.nanoTime() < end) {
              long position = log.append(1, record, record.length);
              if (sync) {
                log.syncTo(position);
              } else {
                log.flushTo(position);
              }
              count++;
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          commits.addAndGet(count);
          cpu.addAndGet(cpuClock.getCurrentThreadCpuTime() - cpuFrom);
        });
        committers[i].start();
      }
      for (Thread committer : committers) {
        committer.join();
      }
      long syncs = log.syncs();
      log.close();
      System.out.printf("%d threads %s handoff=%s: %.0f commits/s, %.1f us CPU per commit, %.1f commits per sync,"
          + " load %s%n", threads, args[1], System.getProperty("quaver.wal.handoff", "true"), commits.get() / seconds,
          cpu.get() / 1e3 / commits.get(), syncs == 0 ? 0.0 : (double) commits.get() / syncs,
          Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
  }
}
