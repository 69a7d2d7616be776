package dev.quaver.bench.storage;

import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.etl.EtlOptions;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.type.ColumnType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Loads a click-log table through the embedded engine in batches of 1000 rows (one thread, sync
 * OFF) and runs the ETL every {@code etlEvery} rows, as the background daemon would at its
 * threshold; measures per row the writer's CPU and allocated bytes in commits, and the CPU of
 * the ETL runs (segment writing plus the statistics refresh). Alternates
 * {@code -Dquaver.stats.refresh=full} (the full re-scan after each qualifying run) and the
 * incremental refresh, A B B A ..., in one JVM, so both see the same machine load.
 *
 * <p>Usage: {@code BatchLoadBench [rows] [rounds] [etlEvery]}; defaults 1,000,000, 2, 65,536;
 * {@code -Dbench.modes=full/finger,incremental/arena} chooses the variants (statistics refresh
 * {@code full|incremental}, then optionally the memtable {@code arena|finger|concurrent}),
 * {@code -Dbench.modes=incremental} runs one only (profiling).
 */
public final class BatchLoadBench {
  private static final int BATCH = 1000;

  private BatchLoadBench() {}

  /** One load's figures. */
  private record Result(String mode, long rows, double seconds, double commitCpuUsPerRow,
      double commitBytesPerRow, double etlCpuSeconds, int etlRuns) {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    long etlEvery = args.length > 2 ? Long.parseLong(args[2]) : 65_536;
    System.out.printf(Locale.ROOT, "rows %,d, batches of %d, ETL every %,d rows, load %.1f%n",
        rows, BATCH, etlEvery, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    String[] modes = System.getProperty("bench.modes", "full,incremental").split(",");
    for (String mode : modes) {
      load(mode, Math.min(rows, 200_000), etlEvery); // JIT warm-up of each path
    }
    List<Result> results = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int m = 0; m < modes.length; m++) {
        String mode = modes[round % 2 == 0 ? m : modes.length - 1 - m];
        Result result = load(mode, rows, etlEvery);
        results.add(result);
        System.out.printf(Locale.ROOT, "%-18s %,d rows in %.2f s (%,.0f rows/s): commit %.2f µs CPU"
            + " and %.0f B allocated per row; ETL %d runs, %.2f s CPU (%.2f µs per row); load %.1f%n",
            mode, result.rows(), result.seconds(), result.rows() / result.seconds(),
            result.commitCpuUsPerRow(), result.commitBytesPerRow(), result.etlRuns(),
            result.etlCpuSeconds(), result.etlCpuSeconds() * 1e6 / result.rows(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
    }
    System.out.println();
    System.out.println("| refresh | rows/s | commit µs CPU/row | commit B/row | ETL CPU s | ETL µs/row |");
    System.out.println("|---|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f | %.0f | %.2f | %.2f |%n", r.mode(),
          r.rows() / r.seconds(), r.commitCpuUsPerRow(), r.commitBytesPerRow(), r.etlCpuSeconds(),
          r.etlCpuSeconds() * 1e6 / r.rows());
    }
  }

  private static TableDef clicks() {
    return new TableDef(0, "CLICKS", List.of(
        new ColumnDef("USER_ID", ColumnType.INTEGER, false, null),
        new ColumnDef("URL", ColumnType.varchar(64), false, null),
        new ColumnDef("TS", ColumnType.TIMESTAMP, false, null),
        new ColumnDef("DURATION", ColumnType.DOUBLE, true, null),
        new ColumnDef("COUNTRY", ColumnType.varchar(2), true, null)),
        List.of(), List.of(), TableDef.DEFAULT_PARTITIONS, List.of(), List.of());
  }

  private static Result load(String mode, long rows, long etlEvery) throws IOException {
    String[] parts = mode.split("/");
    System.setProperty("quaver.stats.refresh", parts[0]);
    System.setProperty("quaver.memtable", parts.length > 1 ? parts[1] : "arena");
    Path directory = Files.createTempDirectory("quaver-batchload");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    String[] countries = {"SE", "DE", "US", "FR", "JP", null};
    SplittableRandom random = new SplittableRandom(42);
    long commitCpu = 0;
    long commitBytes = 0;
    long etlCpu = 0;
    int etlRuns = 0;
    long start = System.nanoTime();
    EtlOptions etl = EtlOptions.defaults().withMode(EtlOptions.Mode.DISABLED);
    try (StorageEngine engine = Storage.open(new StorageConfig(directory,
        StorageConfig.SyncMode.OFF, 10), LsmOptions.defaults(), etl)) {
      TableDef table = engine.catalog().createTable(clicks());
      long sinceEtl = 0;
      for (long done = 0; done < rows; done += BATCH) {
        Object[][] batchRows = new Object[BATCH][];
        for (int i = 0; i < BATCH; i++) {
          long n = done + i;
          batchRows[i] = new Object[] {random.nextInt(100_000), "/page/" + random.nextInt(5_000),
              1_700_000_000_000L + n * 10, random.nextInt(10) == 0 ? null : random.nextDouble() * 60,
              countries[random.nextInt(countries.length)]};
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        long bytes0 = threads.getThreadAllocatedBytes(self);
        WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
        for (Object[] row : batchRows) {
          batch.insert(table, row);
        }
        engine.commit(batch);
        commitCpu += threads.getCurrentThreadCpuTime() - cpu0;
        commitBytes += threads.getThreadAllocatedBytes(self) - bytes0;
        sinceEtl += BATCH;
        if (sinceEtl >= etlEvery) {
          long etl0 = threads.getCurrentThreadCpuTime();
          engine.optimize(table);
          etlCpu += threads.getCurrentThreadCpuTime() - etl0;
          etlRuns++;
          sinceEtl = 0;
        }
      }
    } finally {
      deleteTree(directory);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(mode, rows, seconds, commitCpu / 1e3 / rows, (double) commitBytes / rows,
        etlCpu / 1e9, etlRuns);
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
