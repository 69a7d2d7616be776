package dev.quaver.bench.exec;

import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.join.HashJoinOperator;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The vectorized hash join alone over SSB-shaped data (issue #6 item 7): a 600,000-row lineorder
 * probe side (batches of 4096) joined to dimension build sides as the SSB plans do, timed in thread
 * CPU ms per 1M probe rows (median of {@code join.reps}, after 2 warm-up runs). Prints a digest
 * (output rows and a sum over every output column) so that two builds can be checked to agree.
 * Old against new: run it alternately with two class paths (docs/operators.md, "Joins"):
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp CLASSPATH dev.quaver.bench.exec.JoinBench
 * </pre>
 *
 * <p>Cases: Q1.1 (date key, the 365 dates of one year built, 1 in 7 probe rows match), Q3.1
 * (customer key, 600 of 3000 customers with two VARCHAR columns built, 1 in 5 match), all dates
 * (2556 yyyymmdd keys spread over 70,000 values, every row matches), a 200,000-row build of
 * random keys with a VARCHAR (every probe row matches one), and Q1.1 as a LEFT join.
 */
public final class JoinBench {
  private static final int CUSTOMERS = 3000;
  private static final int BIG_BUILD = 200_000;

  private JoinBench() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("join.rows", 600_000);
    int reps = Integer.getInteger("join.reps", 7);
    String label = System.getProperty("join.label", "run");
    Path spill = Files.createTempDirectory("join-bench");
    StorageEngine storage = (StorageEngine) Proxy.newProxyInstance(JoinBench.class.getClassLoader(),
        new Class<?>[] {StorageEngine.class}, (proxy, method, arguments) -> {
          throw new UnsupportedOperationException(method.getName());
        });
    ExecutorConfig config = new ExecutorConfig(1L << 31, 1L << 32, 4096, spill, 1);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (BufferAllocator root = new RootAllocator(1L << 32)) {
      int[] dates = dates();
      long[] bigKeys = new SplittableRandom(7).longs(BIG_BUILD, 0, Integer.MAX_VALUE).toArray();
      List<VectorSchemaRoot> probe = lineorder(rows, config.batchRows(), dates, bigKeys, root);
      List<Case> cases = List.of(
          new Case("Q1.1: date key, 365-row build, 1/7 match", JoinType.INNER, 0,
              dwdate(Arrays.stream(dates).filter(d -> d / 10000 == 1993).toArray(), root)),
          new Case("Q3.1: customer key, 600-row build + 2 VARCHAR, 1/5 match", JoinType.INNER, 1,
              customers(root)),
          new Case("all 2556 dates (yyyymmdd), every row matches", JoinType.INNER, 0, dwdate(dates, root)),
          new Case("200K-row build, random keys + VARCHAR, every row matches", JoinType.INNER, 5,
              bigBuild(bigKeys, root)),
          new Case("Q1.1 as LEFT join", JoinType.LEFT, 0,
              dwdate(Arrays.stream(dates).filter(d -> d / 10000 == 1993).toArray(), root)));
      System.out.printf("%s: load average %s", label, Files.readString(Path.of("/proc/loadavg")));
      for (Case c : cases) {
        double[] times = new double[reps];
        String digest = "";
        for (int r = -2; r < reps; r++) {
          try (BufferAllocator allocator = root.newChildAllocator("q", 0, Long.MAX_VALUE)) {
            ExecutionContext context = new ExecutionContext(storage, config, allocator, List.of(), 0,
                System.currentTimeMillis());
            long t0 = threads.getCurrentThreadCpuTime();
            HashJoinOperator join = new HashJoinOperator(new BatchListOperator(probe),
                new BatchListOperator(c.build), node(probe.get(0).getSchema(), c), context);
            long out = 0;
            long sum = 0;
            for (VectorSchemaRoot batch = join.next(); batch != null; batch = join.next()) {
              out += batch.getRowCount();
              if (r == -2) { // the digest is taken in the first warm-up run only: not timed
                sum += checksum(batch);
              }
            }
            join.close();
            if (r >= 0) {
              times[r] = (threads.getCurrentThreadCpuTime() - t0) / 1e6 * 1_000_000 / rows;
            }
            if (r == -2) {
              digest = out + " rows, sum " + Long.toHexString(sum);
            }
          }
        }
        Arrays.sort(times);
        System.out.printf("%s | %s | %.1f ms / 1M probe rows (min %.1f) | %s%n", label, c.name, times[reps / 2],
            times[0], digest);
      }
      System.out.printf("%s: load average %s", label, Files.readString(Path.of("/proc/loadavg")));
      probe.forEach(VectorSchemaRoot::close);
      for (Case c : cases) {
        c.build.forEach(VectorSchemaRoot::close);
      }
    }
  }

  /** One join: its name, type, the probe key column and the build batches (key in column 0). */
  private record Case(String name, JoinType type, int probeKey, List<VectorSchemaRoot> build) {}

  private static PhysicalHashJoin node(Schema probe, Case c) {
    List<Field> left = fields(probe);
    List<Field> right = fields(c.build.get(0).getSchema());
    List<Field> all = new ArrayList<>(left);
    all.addAll(right);
    return new PhysicalHashJoin(values(left), values(right), c.type, List.of(c.probeKey), List.of(0), null, all,
        Distribution.single(), 0);
  }

  private static PhysicalValues values(List<Field> fields) {
    return new PhysicalValues(List.of(), fields, Distribution.single(), 0);
  }

  private static List<Field> fields(Schema schema) {
    List<Field> fields = new ArrayList<>();
    for (org.apache.arrow.vector.types.pojo.Field f : schema.getFields()) {
      ColumnType type = f.getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.Utf8 ? ColumnType.TEXT
          : ((org.apache.arrow.vector.types.pojo.ArrowType.Int) f.getType()).getBitWidth() == 64 ? ColumnType.BIGINT
          : ColumnType.INTEGER;
      fields.add(new Field(f.getName(), type, true));
    }
    return fields;
  }

  /** Order-independent sum over every value of every column (strings by length and first byte). */
  private static long checksum(VectorSchemaRoot batch) {
    long sum = 0;
    for (FieldVector vector : batch.getFieldVectors()) {
      for (int i = 0; i < batch.getRowCount(); i++) {
        if (vector.isNull(i)) {
          sum += 7;
        } else if (vector instanceof IntVector v) {
          sum += v.get(i);
        } else if (vector instanceof BigIntVector v) {
          sum += v.get(i);
        } else if (vector instanceof VarCharVector v) {
          byte[] bytes = v.get(i);
          sum += bytes.length * 31L + (bytes.length == 0 ? 0 : bytes[0]);
        }
      }
    }
    return sum;
  }

  /** The SSB dates 1992-01-01 .. 1998-12-31 as yyyymmdd. */
  private static int[] dates() {
    List<Integer> dates = new ArrayList<>();
    for (LocalDate d = LocalDate.of(1992, 1, 1); d.getYear() < 1999; d = d.plusDays(1)) {
      dates.add(d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth());
    }
    return dates.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<VectorSchemaRoot> lineorder(int rows, int batchRows, int[] dates, long[] bigKeys,
      BufferAllocator allocator) {
    Schema schema = new Schema(List.of(ArrowTypes.field("LO_ORDERDATE", ColumnType.INTEGER),
        ArrowTypes.field("LO_CUSTKEY", ColumnType.INTEGER), ArrowTypes.field("LO_QUANTITY", ColumnType.INTEGER),
        ArrowTypes.field("LO_EXTENDEDPRICE", ColumnType.INTEGER), ArrowTypes.field("LO_REVENUE", ColumnType.BIGINT),
        ArrowTypes.field("LO_BIGKEY", ColumnType.INTEGER)));
    SplittableRandom random = new SplittableRandom(1);
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int start = 0; start < rows; start += batchRows) {
      List<Object[]> batch = new ArrayList<>();
      for (int i = start; i < Math.min(rows, start + batchRows); i++) {
        batch.add(new Object[] {dates[random.nextInt(dates.length)], 1 + random.nextInt(CUSTOMERS),
            1 + random.nextInt(50), 90_000 + random.nextInt(1_000_000), (long) random.nextInt(10_000_000),
            (int) bigKeys[random.nextInt(bigKeys.length)]});
      }
      batches.add(Batches.fromRows(schema, batch, 0, batch.size(), allocator));
    }
    return batches;
  }

  private static List<VectorSchemaRoot> dwdate(int[] dates, BufferAllocator allocator) {
    Schema schema = new Schema(List.of(ArrowTypes.field("D_DATEKEY", ColumnType.INTEGER),
        ArrowTypes.field("D_YEAR", ColumnType.INTEGER)));
    List<Object[]> rows = new ArrayList<>();
    for (int d : dates) {
      rows.add(new Object[] {d, d / 10000});
    }
    return List.of(Batches.fromRows(schema, rows, 0, rows.size(), allocator));
  }

  private static List<VectorSchemaRoot> customers(BufferAllocator allocator) {
    Schema schema = new Schema(List.of(ArrowTypes.field("C_CUSTKEY", ColumnType.INTEGER),
        ArrowTypes.field("C_NATION", ColumnType.TEXT), ArrowTypes.field("C_REGION", ColumnType.TEXT)));
    List<Object[]> rows = new ArrayList<>();
    for (int c = 1; c <= CUSTOMERS; c++) {
      if (c % 5 == 2) {
        rows.add(new Object[] {c, "NATION " + (c % 25), "ASIA"});
      }
    }
    return List.of(Batches.fromRows(schema, rows, 0, rows.size(), allocator));
  }

  private static List<VectorSchemaRoot> bigBuild(long[] keys, BufferAllocator allocator) {
    Schema schema = new Schema(List.of(ArrowTypes.field("P_KEY", ColumnType.INTEGER),
        ArrowTypes.field("P_BRAND", ColumnType.TEXT)));
    long[] distinct = Arrays.stream(keys).distinct().toArray();
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int start = 0; start < distinct.length; start += 4096) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = start; i < Math.min(distinct.length, start + 4096); i++) {
        rows.add(new Object[] {(int) distinct[i], "MFGR#" + (distinct[i] % 1000)});
      }
      batches.add(Batches.fromRows(schema, rows, 0, rows.size(), allocator));
    }
    return batches;
  }
}
