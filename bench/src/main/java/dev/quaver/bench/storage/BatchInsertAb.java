package dev.quaver.bench.storage;

import dev.quaver.executor.Executor;
import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.QueryExecution;
import dev.quaver.planner.Planner;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ExecuteBatch;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The server side of 1000-row PreparedStatement batches (planner, executor, storage in one
 * thread; the parameter columns as the server decodes them; sync OFF; the ETL daemon on as in a
 * server), variants alternating A B B A in one JVM on fresh data directories, so all see the same
 * machine load. Per loaded row: the inserting thread's CPU and allocated bytes, the process's CPU
 * (GC, flush, compaction, ETL included: what 2 cores must pay per row), and GC pause time.
 *
 * <p>Variants ({@code -Dbench.modes=columns/finger,rows/finger,columns/arena}): {@code rows}
 * sets {@code quaver.insert.rows} (each row as an {@code Object[]} into the write batch, the path
 * before {@code WriteBatch.insertRows}), {@code columns} the column path; then the memtable.
 * Further {@code /name=value} parts set system properties for that variant only, e.g.
 * {@code columns/arena/quaver.sst.version=1}.
 * Usage: {@code BatchInsertAb [rows per load] [rounds]}, defaults 300,000 and 2.
 */
public final class BatchInsertAb {
  private static final String CREATE = "CREATE TABLE plays (user_id INTEGER, song_id INTEGER,"
      + " artist_id INTEGER, country VARCHAR(2), ts TIMESTAMP, ms_played INTEGER)";
  private static final String INSERT = "INSERT INTO plays VALUES (?, ?, ?, ?, ?, ?)";
  private static final int BATCH = 1000;
  /** Properties set by a variant's {@code name=value} parts, cleared before the next variant. */
  private static final java.util.Set<String> EXTRA_PROPERTIES = new java.util.HashSet<>();

  private BatchInsertAb() {}

  private record Result(String mode, long rows, double seconds, double threadCpuUs, double threadBytes,
      double processCpuUs, double gcMs, java.util.Map<String, Double> groupsUs) {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String[] modes = System.getProperty("bench.modes", "rows/finger,columns/finger").split(",");
    System.out.printf(Locale.ROOT, "rows %,d per load, batches of %d, load %.1f%n", rows, BATCH,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (String mode : modes) {
      load(mode, Math.min(rows, 200_000)); // JIT warm-up of each path
    }
    List<Result> results = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int m = 0; m < modes.length; m++) {
        String mode = modes[round % 2 == 0 ? m : modes.length - 1 - m];
        Result r = load(mode, rows);
        results.add(r);
        System.out.printf(Locale.ROOT, "%-16s %,.0f rows/s; thread %.2f µs CPU, %.0f B per row;"
            + " process %.2f µs CPU per row; GC pauses %.0f ms; load %.1f%n", mode, r.rows() / r.seconds(),
            r.threadCpuUs(), r.threadBytes(), r.processCpuUs(), r.gcMs(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        StringBuilder groups = new StringBuilder("    CPU µs per row by thread group (/proc):");
        r.groupsUs().forEach((group, us) -> groups.append(String.format(Locale.ROOT, " %s %.2f", group, us)));
        System.out.println(groups);
      }
    }
    System.out.println();
    System.out.println("| variant | rows/s | thread µs CPU/row | thread B/row | process µs CPU/row | GC pause ms |");
    System.out.println("|---|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f | %.0f | %.2f | %.0f |%n", r.mode(),
          r.rows() / r.seconds(), r.threadCpuUs(), r.threadBytes(), r.processCpuUs(), r.gcMs());
    }
  }

  private static Result load(String mode, long rows) throws Exception {
    String[] parts = mode.split("/");
    System.setProperty("quaver.insert.rows", Boolean.toString(parts[0].equals("rows")));
    System.setProperty("quaver.memtable", parts.length > 1 ? parts[1] : "finger");
    for (String property : EXTRA_PROPERTIES) {
      System.clearProperty(property);
    }
    for (int p = 2; p < parts.length; p++) { // name=value switches of this variant only
      int eq = parts[p].indexOf('=');
      System.setProperty(parts[p].substring(0, eq), parts[p].substring(eq + 1));
      EXTRA_PROPERTIES.add(parts[p].substring(0, eq));
    }
    Path directory = Files.createTempDirectory("quaver-batch-ab");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long self = Thread.currentThread().getId();
    try {
      StorageConfig config = new StorageConfig(directory, StorageConfig.SyncMode.OFF, 10);
      try (StorageEngine storage = Storage.open(config);
          Executor executor = new Executor(storage, ExecutorConfig.defaults(directory.resolve("spill")))) {
        Planner planner = new Planner(storage.catalog());
        try (QueryExecution ddl = executor.execute(planner.prepare(CREATE), List.of())) {
          ddl.updateCount();
        }
        PreparedPlan insert = planner.prepare(INSERT);
        List<ColumnBatch> batches = batches(insert);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long bytes0 = threads.getThreadAllocatedBytes(self);
        long process0 = os.getProcessCpuTime();
        long gc0 = gcMillis();
        java.util.Map<String, Long> groups0 = ThreadGroupsCpu.ticks();
        long start = System.nanoTime();
        for (long done = 0; done < rows; done += BATCH) {
          executor.executeOneCommitBatch(insert, batches.get((int) (done / BATCH) % batches.size()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        java.util.Map<String, Double> groups = ThreadGroupsCpu.perRowMicros(groups0, ThreadGroupsCpu.ticks(), rows);
        return new Result(mode, rows, seconds, (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / rows,
            (double) (threads.getThreadAllocatedBytes(self) - bytes0) / rows,
            (os.getProcessCpuTime() - process0) / 1e3 / rows, gcMillis() - gc0, groups);
      }
    } finally {
      try (Stream<Path> paths = Files.walk(directory)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** 64 batches of random plays, fixed-width columns primitive as the server decodes them. */
  private static List<ColumnBatch> batches(PreparedPlan insert) {
    SplittableRandom random = new SplittableRandom(1);
    String[] countries = {"SE", "US", "DE", "GB", "FR", "BR", "JP", "IN"};
    List<ColumnBatch> batches = new ArrayList<>();
    for (int b = 0; b < 64; b++) {
      List<List<Object>> sets = new ArrayList<>(BATCH);
      for (int r = 0; r < BATCH; r++) {
        sets.add(Arrays.asList(random.nextInt(1_000_000), random.nextInt(200_000), random.nextInt(10_000),
            countries[random.nextInt(countries.length)], 1_704_067_200_000L + random.nextLong(31_622_400_000L),
            random.nextInt(1_000, 300_000)));
      }
      byte[] frame = MessageCodec.encode(new ExecuteBatch(1, ColumnBatch.ofRows(insert.parameterTypes(), sets)));
      batches.add(((ExecuteBatch) MessageCodec.decodeFrame(frame)).parameters());
    }
    return batches;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }
}
