package dev.quaver.bench.columnar;

import static dev.quaver.bench.columnar.BenchSupport.delete;
import static dev.quaver.bench.columnar.BenchSupport.directorySize;
import static dev.quaver.bench.columnar.BenchSupport.loadAverage;
import static dev.quaver.bench.columnar.BenchSupport.median;
import static dev.quaver.bench.columnar.BenchSupport.micros;
import static dev.quaver.bench.columnar.BenchSupport.ratios;
import static dev.quaver.bench.columnar.BenchSupport.refresherCpuNanos;
import static dev.quaver.bench.columnar.BenchSupport.sumInts;
import static dev.quaver.bench.columnar.BenchSupport.sumLongs;

import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.etl.EtlOptions;
import dev.quaver.storage.etl.EtlResult;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.type.ColumnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Issue #5's storage benchmarks, in one JVM so every figure is a ratio against a baseline of the
 * same run (docs/columnar.md, "Benchmarks"):
 *
 * <ol>
 *   <li>memory read bandwidth of this machine: a plain Java sum over a {@code long[]} far larger
 *       than the caches, one thread;
 *   <li>scan + SUM of one INT column over {@code bench.rows} rows through the columnar read path
 *       ({@link StorageEngine#scan}: segments, memory-mapped, only that column loaded), one thread,
 *       compared with the bandwidth as bytes of the INT column per second;
 *   <li>ETL rows/s per core: OPTIMIZE of the big table (default memory budget), and of
 *       {@code bench.etlRows} rows with a budget that holds them (no spill) and with a small one
 *       (the external sort spills);
 *   <li>the same scan after {@code bench.deltaFraction} (1%) of the rows changed after the
 *       watermark, against no delta (goal: at most 1.2× slower), in {@code bench.deltaRounds}
 *       rounds of three bursts of changes, each followed by its ETL: the FIRST scan right after
 *       burst A (no pause: it computes the superseded rows itself unless the background step
 *       finished first); the first scan {@code bench.deltaPauseMillis} (1000) ms after burst B
 *       with the storage's background step switched off (before) and after burst C with it on
 *       (after), then the steady-state median; each against the no-delta scan measured just
 *       before the round, with the background step's CPU time per changed row;
 *   <li>single-row commits with the ETL forced (manifest fsynced per run, and lazily) against
 *       disabled ({@code bench.forcedCommits});
 *   <li>the segment codecs ({@code bench.codecs}, default NONE,LZ4_FRAME,ZSTD) on one table of
 *       {@code bench.codecRows} rows (0: skipped): bytes of segments, ETL and scan CPU.
 * </ol>
 *
 * Rates are per CPU-second of the measuring thread (per core) and per wall second; the machine's
 * load average is printed before and after. Run: {@code bench/run-columnar.sh}.
 */
public final class ColumnarBenchRunner {
  private static final String[] COUNTRIES = {"SE", "US", "DE", "FR", "GB", "JP", "BR", "IN", "NO",
      "FI", "DK", "NL", "ES", "IT", "PL", "CA", "MX", "AU", "KR", "AR", "CL", "PT", "IE", "AT", "CH"};
  private static final int LOAD_BATCH = 10_000;

  private final int rows = Integer.getInteger("bench.rows", 10_000_000);
  private final int etlRows = Integer.getInteger("bench.etlRows", 2_000_000);
  private final int reps = Integer.getInteger("bench.reps", 5);
  private final double deltaFraction = Double.parseDouble(System.getProperty("bench.deltaFraction",
      "0.01"));
  private final long spillBudget = Long.getLong("bench.spillBudgetBytes", 16L << 20);
  private final long bandwidthLongs = Long.getLong("bench.bandwidthLongs", 64L << 20);
  private final int forcedCommits = Integer.getInteger("bench.forcedCommits", 300);
  private final int deltaRounds = Integer.getInteger("bench.deltaRounds", 3);
  /** The pause between a burst of changes and the next query (the background step's chance). */
  private final long pauseMillis = Long.getLong("bench.deltaPauseMillis", 1000);
  private static final String REFRESH_PROPERTY = "quaver.columnar.deltaRefresh";
  private final int codecRows = Integer.getInteger("bench.codecRows", 0);
  private final String[] codecNames = System.getProperty("bench.codecs", "NONE,LZ4_FRAME,ZSTD")
      .split(",");
  private long expectedSum;
  /** MS_PLAYED of each row of the big table as it is now (the updates change it). */
  private int[] currentMs;

  public static void main(String[] args) throws Exception {
    new ColumnarBenchRunner().run();
  }

  private void run() throws Exception {
    Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")))
        .resolve("quaver-columnar-bench-" + ProcessHandle.current().pid());
    System.out.printf(Locale.ROOT, "columnar bench: %,d rows (scan), %,d rows (ETL spill vs not),"
        + " %d repetitions; JDK %s, %d CPUs; load %s%n", rows, etlRows, reps,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        loadAverage());
    try {
      double bandwidth = memoryBandwidth();
      if (forcedCommits > 0) {
        forcedVsDisabled(base);
      }
      if (rows > 0) {
        scanAndDelta(base.resolve("main"), bandwidth);
      }
      if (etlRows > 0) {
        etlSpillVsNot(base);
      }
      if (codecRows > 0) {
        codecs(base.resolve("codecs"));
      }
    } finally {
      delete(base);
    }
    System.out.println("load after: " + loadAverage());
  }

  /** Bytes/s of a plain summing loop over a long[] (median of the repetitions, per CPU-second). */
  private double memoryBandwidth() throws Exception {
    long[] values = new long[(int) bandwidthLongs];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 31L;
    }
    Measure[] runs = new Measure[reps + 1];
    long[] sink = new long[1];
    for (int r = 0; r <= reps; r++) {
      runs[r] = Measure.of(() -> sink[0] += sumLongs(values));
    }
    Measure median = Measure.median(java.util.Arrays.copyOfRange(runs, 1, runs.length));
    double bytes = values.length * 8.0;
    System.out.printf(Locale.ROOT, "memory bandwidth (sum over long[%,d], %d MiB): %.2f GB/s per"
        + " core (%.2f GB/s wall) [%s] (sink %d)%n", values.length, values.length >> 17,
        median.perCpuSecond(bytes) / 1e9, median.perWallSecond(bytes) / 1e9, median, sink[0] & 1);
    return median.perCpuSecond(bytes);
  }

  private void scanAndDelta(Path directory, double bandwidth) throws Exception {
    try (StorageEngine engine = open(directory, EtlOptions.defaults().memoryBudgetBytes())) {
      TableDef table = engine.catalog().createTable(plays("PLAYS"));
      currentMs = new int[rows];
      Measure load = Measure.of(() -> load(engine, table, rows, 1));
      System.out.printf(Locale.ROOT, "load %,d rows (WriteBatch of %,d, commit each): %.0f rows/s"
          + " wall [%s]%n", rows, LOAD_BATCH, load.perWallSecond(rows), load);
      etl(engine, table, rows, "ETL (OPTIMIZE, first run, default 64 MiB budget)");
      int ms = table.columns().indexOf(table.columns().stream()
          .filter(c -> c.name().equals("MS_PLAYED")).findFirst().orElseThrow());
      Measure none = scanSum(engine, table, ms, "scan+SUM(MS_PLAYED), no delta");
      double bytesPerSecond = none.perCpuSecond(rows * 4.0);
      System.out.printf(Locale.ROOT, "  = %.2f GB/s of INT column per core = %.3f of the memory"
          + " bandwidth (1/%.1f)%n", bytesPerSecond / 1e9, bytesPerSecond / bandwidth,
          bandwidth / bytesPerSecond);
      int changed = (int) (rows * deltaFraction);
      double[] noPauseRatios = new double[deltaRounds];
      double[] offRatios = new double[deltaRounds];
      double[] firstRatios = new double[deltaRounds];
      double[] steadyRatios = new double[deltaRounds];
      double[] stepNanosPerKey = new double[deltaRounds];
      Measure baseline = none;
      for (int round = 0; round < deltaRounds; round++) {
        if (round > 0) {
          baseline = scanSum(engine, table, ms, "round " + (round + 1) + ": scan+SUM(MS_PLAYED),"
              + " no delta (after the previous round's ETL)");
        }
        String r = "round " + (round + 1) + ": ";
        // (a) the query right after the burst: the background step has had no chance
        burst(engine, table, changed, ms, 3 * round, r + "burst A");
        long stepBefore = refresherCpuNanos();
        Measure noPause = scanOnce(engine, table, ms, r + "FIRST scan+SUM right after burst A"
            + " (no pause), " + changed + "-row delta");
        // the scan may wait for the step that started meanwhile: count the step's CPU too
        long noPauseCpu = noPause.cpuNanos() + refresherCpuNanos() - stepBefore;
        etl(engine, table, changed, r + "ETL of burst A");
        // (b) a pause with the background step switched off: the scan computes the state itself
        System.setProperty(REFRESH_PROPERTY, "false");
        burst(engine, table, changed, ms, 3 * round + 1, r + "burst B");
        Thread.sleep(pauseMillis);
        Measure off = scanOnce(engine, table, ms, r + "FIRST scan+SUM " + pauseMillis
            + " ms after burst B, background step OFF, " + changed + "-row delta");
        System.clearProperty(REFRESH_PROPERTY);
        etl(engine, table, changed, r + "ETL of burst B");
        // (c) the same pause with the step on (as a running server has it)
        // the step may run during the burst already (gaps between its commits), during the
        // pause, and while the scan waits for it: its CPU over all three is its cost
        long stepStart = refresherCpuNanos();
        burst(engine, table, changed, ms, 3 * round + 2, r + "burst C");
        Thread.sleep(pauseMillis);
        long stepBeforeScan = refresherCpuNanos();
        Measure first = scanOnce(engine, table, ms, r + "FIRST scan+SUM " + pauseMillis
            + " ms after burst C, background step ON, " + changed + "-row delta");
        long stepEnd = refresherCpuNanos();
        long stepCpu = stepEnd - stepStart;
        long firstCpu = first.cpuNanos() + stepEnd - stepBeforeScan; // + a step it waited for
        Measure delta = scanSum(engine, table, ms, r + "steady scan+SUM(MS_PLAYED), " + changed
            + "-row delta");
        noPauseRatios[round] = (double) noPauseCpu / baseline.cpuNanos();
        offRatios[round] = (double) off.cpuNanos() / baseline.cpuNanos();
        firstRatios[round] = (double) firstCpu / baseline.cpuNanos();
        steadyRatios[round] = (double) delta.cpuNanos() / baseline.cpuNanos();
        stepNanosPerKey[round] = (double) stepCpu / changed;
        System.out.printf(Locale.ROOT, "  round %d delta/no-delta (CPU; wall): first scan, no pause"
            + " %.2fx (%.2fx) (CPU: the scan's + the background step's meanwhile); first scan"
            + " after %d ms, step OFF %.2fx (%.2fx), step ON %.2fx (%.2fx) (CPU: the scan's +"
            + " the step's while it ran); steady %.2fx (%.2fx) (goal <= 1.2x); background step"
            + " %.2f us CPU per changed row (burst, pause and scan)%n", round + 1,
            noPauseRatios[round], (double) noPause.wallNanos() / baseline.wallNanos(),
            pauseMillis, offRatios[round], (double) off.wallNanos() / baseline.wallNanos(),
            firstRatios[round], (double) first.wallNanos() / baseline.wallNanos(),
            steadyRatios[round], (double) delta.wallNanos() / baseline.wallNanos(),
            stepNanosPerKey[round] / 1000);
        etl(engine, table, changed, r + "ETL of burst C");
      }
      System.out.printf(Locale.ROOT, "1%%-delta summary over %d rounds (CPU, vs the no-delta scan"
          + " of the same round; load %s):%n  first scan right after the burst (its CPU + the"
          + " background step's meanwhile) %s, median %.2fx%n"
          + "  first scan %d ms after the burst, background step OFF %s, median %.2fx%n"
          + "  first scan %d ms after the burst, background step ON (its CPU + the step's during"
          + " it) %s, median %.2fx%n"
          + "  steady %s, median %.2fx%n  background step CPU per changed row (us) %s%n",
          deltaRounds, loadAverage(), ratios(noPauseRatios), median(noPauseRatios),
          pauseMillis, ratios(offRatios), median(offRatios), pauseMillis, ratios(firstRatios),
          median(firstRatios), ratios(steadyRatios), median(steadyRatios),
          micros(stepNanosPerKey));
      scanSum(engine, table, ms, "scan+SUM(MS_PLAYED) after the last delta's ETL");
    }
  }

  /** A burst of {@code changed} updates, timed and printed. */
  private void burst(StorageEngine engine, TableDef table, int changed, int ms, int seed,
      String what) throws Exception {
    Measure update = Measure.of(() -> updateRandom(engine, table, changed, ms, seed));
    System.out.printf(Locale.ROOT, "%s: changed %,d rows (%.1f%%) after the watermark [%s]%n",
        what, changed, deltaFraction * 100, update);
  }

  /**
   * The segment codecs compared on one table of {@code bench.codecRows} rows, loaded once: per
   * codec the columnar directory is deleted (derived data: the next ETL rebuilds it), the engine
   * reopened with that codec, and the first ETL, the bytes of the segment files and the
   * scan + SUM measured; ratios against the first codec listed.
   */
  private void codecs(Path directory) throws Exception {
    try (StorageEngine engine = open(directory, EtlOptions.defaults().memoryBudgetBytes())) {
      TableDef table = engine.catalog().createTable(plays("PLAYS"));
      load(engine, table, codecRows, 3);
    }
    Measure[] etls = new Measure[codecNames.length];
    Measure[] scans = new Measure[codecNames.length];
    long[] bytes = new long[codecNames.length];
    long[] sums = new long[codecNames.length];
    for (int c = 0; c < codecNames.length; c++) {
      delete(directory.resolve("columnar"));
      System.setProperty("quaver.segment.codec", codecNames[c]);
      try (StorageEngine engine = open(directory, EtlOptions.defaults().memoryBudgetBytes())) {
        TableDef table = engine.catalog().table("PLAYS").orElseThrow();
        etls[c] = etl(engine, table, codecRows, "codec " + codecNames[c] + ": ETL of "
            + codecRows + " rows");
        bytes[c] = directorySize(directory.resolve("columnar"));
        int ms = 3;
        Measure[] runs = new Measure[reps];
        long[] result = new long[2];
        for (int r = -1; r < reps; r++) {
          Measure measure = timedScan(engine, table, ms, result);
          if (r >= 0) {
            runs[r] = measure;
          }
        }
        scans[c] = Measure.median(runs);
        sums[c] = result[0];
        System.out.printf(Locale.ROOT, "codec %s: %,d bytes of segments (%.2f bytes/row); scan+SUM"
            + " %.0f rows/s per core [median %s], sum %d%n", codecNames[c], bytes[c],
            (double) bytes[c] / codecRows, scans[c].perCpuSecond(result[1]), scans[c], sums[c]);
      } finally {
        System.clearProperty("quaver.segment.codec");
      }
    }
    System.out.println("| codec | segment bytes | bytes/row | size vs " + codecNames[0]
        + " | scan CPU vs " + codecNames[0] + " | ETL CPU vs " + codecNames[0] + " |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (int c = 0; c < codecNames.length; c++) {
      System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2fx | %.2fx | %.2fx |%n",
          codecNames[c], bytes[c], (double) bytes[c] / codecRows, (double) bytes[c] / bytes[0],
          (double) scans[c].cpuNanos() / scans[0].cpuNanos(),
          (double) etls[c].cpuNanos() / etls[0].cpuNanos());
    }
    System.out.println("  sums " + (java.util.Arrays.stream(sums).distinct().count() == 1
        ? "equal" : "DIFFER") + "; load " + loadAverage());
  }

  private void etlSpillVsNot(Path base) throws Exception {
    Measure[] results = new Measure[2];
    long[] budgets = {8L << 30, spillBudget};
    String[] names = {"no spill (8 GiB budget)", "spilling (" + (spillBudget >> 20)
        + " MiB budget)"};
    for (int i = 0; i < 2; i++) {
      try (StorageEngine engine = open(base.resolve("etl" + i), budgets[i])) {
        TableDef table = engine.catalog().createTable(plays("PLAYS"));
        load(engine, table, etlRows, 2);
        results[i] = etl(engine, table, etlRows, "ETL of " + etlRows + " rows, " + names[i]);
      }
    }
    System.out.printf(Locale.ROOT, "  spilling/no-spill: %.2fx CPU, %.2fx wall%n",
        (double) results[1].cpuNanos() / results[0].cpuNanos(),
        (double) results[1].wallNanos() / results[0].wallNanos());
  }

  /**
   * Single-row INSERT commits into a table of {@code bench.forcedCommits} rows with the ETL
   * forced after every commit (the mode the sqllogictest runs use), with its manifest fsynced
   * per run (as before the lazy manifests) and lazily, against the ETL disabled.
   */
  private void forcedVsDisabled(Path base) throws Exception {
    String[] names = {"DISABLED", "FORCED, manifest fsynced per run", "FORCED, lazy manifest"};
    EtlOptions.Mode[] modes = {EtlOptions.Mode.DISABLED, EtlOptions.Mode.FORCED,
        EtlOptions.Mode.FORCED};
    Measure[] results = new Measure[modes.length];
    StorageConfig.SyncMode sync = StorageConfig.SyncMode.valueOf(System.getProperty("bench.forcedSync", "COMMIT"));
    for (int i = 0; i < modes.length; i++) {
      System.setProperty("quaver.etl.syncEachManifest", Boolean.toString(i == 1));
      try (StorageEngine engine = open(base.resolve("forced" + i), 64L << 20, modes[i],
          sync)) {
        TableDef table = engine.catalog().createTable(plays("PLAYS"));
        SplittableRandom random = new SplittableRandom(3);
        results[i] = Measure.of(() -> {
          for (int id = 0; id < forcedCommits; id++) {
            WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
            batch.insert(table, play(id, random));
            engine.commit(batch);
          }
        });
        System.out.printf(Locale.ROOT, "%,d single-row commits (sync %s), ETL %s: %.0f"
            + " commits/s wall [%s]%n", forcedCommits, sync, names[i], results[i].perWallSecond(
            forcedCommits), results[i]);
      } finally {
        System.clearProperty("quaver.etl.syncEachManifest");
      }
    }
    System.out.printf(Locale.ROOT, "  forced/disabled: manifest fsynced per run %.1fx CPU, %.1fx"
        + " wall; lazy manifest %.1fx CPU, %.1fx wall%n",
        (double) results[1].cpuNanos() / results[0].cpuNanos(),
        (double) results[1].wallNanos() / results[0].wallNanos(),
        (double) results[2].cpuNanos() / results[0].cpuNanos(),
        (double) results[2].wallNanos() / results[0].wallNanos());
  }

  private static StorageEngine open(Path directory, long budget) throws Exception {
    return open(directory, budget, EtlOptions.Mode.DISABLED, StorageConfig.SyncMode.OFF);
  }

  private static StorageEngine open(Path directory, long budget, EtlOptions.Mode mode,
      StorageConfig.SyncMode sync) throws Exception {
    Files.createDirectories(directory);
    EtlOptions defaults = EtlOptions.defaults();
    EtlOptions options = new EtlOptions(mode, defaults.thresholdRows(),
        defaults.intervalMillis(), budget, defaults.mergeSegments(), defaults.progressRows(),
        defaults.segments());
    return Storage.open(new StorageConfig(directory, sync, 1000),
        LsmOptions.defaults(), options);
  }

  private static Measure etl(StorageEngine engine, TableDef table, long rowCount, String what)
      throws Exception {
    EtlResult[] result = new EtlResult[1];
    Measure measure = Measure.of(() -> result[0] = engine.optimize(table).orElseThrow());
    System.out.printf(Locale.ROOT, "%s: %,d rows written, %.0f rows/s per core, %.0f rows/s wall"
        + " [%s]; %d segments%n", what, result[0].rowsWritten(),
        measure.perCpuSecond(rowCount), measure.perWallSecond(rowCount), measure,
        result[0].segments());
    return measure;
  }

  /** Median of {@code reps} scans (after one warm-up) summing column {@code column}. */
  private Measure scanSum(StorageEngine engine, TableDef table, int column, String what)
      throws Exception {
    Measure[] runs = new Measure[reps];
    long[] result = new long[2];
    for (int r = -1; r < reps; r++) {
      Measure measure = timedScan(engine, table, column, result);
      if (r >= 0) {
        runs[r] = measure;
      }
    }
    Measure median = Measure.median(runs);
    report(what, result, median, "median ");
    return median;
  }

  /** One scan, measured alone: the first after a burst of changes computes the superseded rows. */
  private Measure scanOnce(StorageEngine engine, TableDef table, int column, String what)
      throws Exception {
    long[] result = new long[2];
    Measure measure = timedScan(engine, table, column, result);
    report(what, result, measure, "");
    return measure;
  }

  private void report(String what, long[] result, Measure measure, String kind) {
    System.out.printf(Locale.ROOT, "%s: %,d rows, sum %s, %.0f rows/s per core, %.0f rows/s wall"
        + " [%s%s]%n", what, result[1], result[0] == expectedSum ? "correct" : "WRONG " + result[0]
        + " != " + expectedSum, measure.perCpuSecond(result[1]), measure.perWallSecond(result[1]),
        kind, measure);
  }

  /** Scans column {@code column} at the current snapshot: result[0] = sum, result[1] = rows. */
  private static Measure timedScan(StorageEngine engine, TableDef table, int column,
      long[] result) throws Exception {
    result[0] = 0;
    result[1] = 0;
    try (BufferAllocator allocator = new RootAllocator()) {
      return Measure.of(() -> {
        try (TableScan scan = engine.scan(table, engine.currentSnapshot(), new int[] {column},
            false, allocator, 4096)) {
          VectorSchemaRoot batch;
          while ((batch = scan.next()) != null) {
            result[0] += sumInts((IntVector) batch.getVector(0), batch.getRowCount());
            result[1] += batch.getRowCount();
          }
        }
      });
    }
  }

  /** PLAYS(ID INTEGER PRIMARY KEY, USER_ID, SONG_ID, MS_PLAYED INTEGER, TS TIMESTAMP, COUNTRY). */
  private static TableDef plays(String name) {
    return new TableDef(0, name, List.of(
        new ColumnDef("ID", ColumnType.INTEGER, false, null),
        new ColumnDef("USER_ID", ColumnType.INTEGER, false, null),
        new ColumnDef("SONG_ID", ColumnType.INTEGER, false, null),
        new ColumnDef("MS_PLAYED", ColumnType.INTEGER, false, null),
        new ColumnDef("TS", ColumnType.TIMESTAMP, false, null),
        new ColumnDef("COUNTRY", ColumnType.varchar(2), false, null)),
        List.of(0), List.of(), TableDef.DEFAULT_PARTITIONS, List.of());
  }

  private static Object[] play(int id, SplittableRandom random) {
    return new Object[] {id, random.nextInt(1_000_000), random.nextInt(200_000),
        1000 + random.nextInt(299_000), 1_704_067_200_000L + random.nextLong(31_536_000_000L),
        COUNTRIES[random.nextInt(COUNTRIES.length)]};
  }

  private void load(StorageEngine engine, TableDef table, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long sum = 0;
    for (int start = 0; start < count; start += LOAD_BATCH) {
      WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
      for (int id = start; id < Math.min(count, start + LOAD_BATCH); id++) {
        Object[] row = play(id, random);
        sum += (Integer) row[3];
        if (seed == 1) {
          currentMs[id] = (Integer) row[3];
        }
        batch.insert(table, row);
      }
      engine.commit(batch);
    }
    if (seed == 1) {
      expectedSum = sum;
    }
  }

  /**
   * Sets MS_PLAYED of {@code count} random distinct rows to a new value (keeps expectedSum and
   * the current values), in commits of {@link #LOAD_BATCH} rows: a burst of changes.
   */
  private void updateRandom(StorageEngine engine, TableDef table, int count, int msColumn,
      int round) {
    SplittableRandom random = new SplittableRandom(7 + 1000L * round);
    java.util.BitSet chosen = new java.util.BitSet(rows);
    List<Integer> ids = new ArrayList<>();
    while (ids.size() < count) {
      int id = random.nextInt(rows);
      if (!chosen.get(id)) {
        chosen.set(id);
        ids.add(id);
      }
    }
    // regenerate the original rows to know their other values: same seed, same order as load()
    SplittableRandom original = new SplittableRandom(1);
    Object[][] byId = new Object[rows][];
    for (int id = 0; id < rows; id++) {
      Object[] row = play(id, original);
      if (chosen.get(id)) {
        byId[id] = row;
      }
    }
    for (int start = 0; start < ids.size(); start += LOAD_BATCH) {
      WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
      for (int id : ids.subList(start, Math.min(ids.size(), start + LOAD_BATCH))) {
        Object[] row = byId[id].clone();
        int newValue = 1000 + random.nextInt(299_000);
        expectedSum += newValue - currentMs[id];
        currentMs[id] = newValue;
        row[msColumn] = newValue;
        batch.update(table, KeySpace.primaryKey(table, byId[id]), row);
      }
      engine.commit(batch);
    }
  }

}
