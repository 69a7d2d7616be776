package dev.quaver.bench.exec;

import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.aggregate.HashAggregateOperator;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.planner.physical.AggregatePhase;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Hash aggregation alone, vectorized (primitive group tables and call columns) against the boxed
 * path (RowKey map, one Accumulator per group and call), run alternately in one JVM over the same
 * pre-built batches; prints the median thread CPU ms of each per 1M input rows (docs/operators.md,
 * "Performance"). Input: {@code agg.rows} (1,000,000) rows of K INTEGER (100,000 values), NAME
 * VARCHAR (10,000), COUNTRY VARCHAR (50), SMALL INTEGER (25), V BIGINT, D DOUBLE, ~1% NULLs.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp CLASSPATH dev.quaver.bench.exec.AggregateBench
 * </pre>
 */
public final class AggregateBench {
  private static final List<ColumnType> TYPES = List.of(ColumnType.INTEGER, ColumnType.TEXT, ColumnType.TEXT,
      ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.DOUBLE);

  private AggregateBench() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("agg.rows", 1_000_000);
    int reps = Integer.getInteger("agg.reps", 7);
    Path spill = Files.createTempDirectory("agg-bench");
    StorageEngine storage = (StorageEngine) Proxy.newProxyInstance(AggregateBench.class.getClassLoader(),
        new Class<?>[] {StorageEngine.class}, (proxy, method, arguments) -> {
          throw new UnsupportedOperationException(method.getName());
        });
    ExecutorConfig config = new ExecutorConfig(1L << 31, 1L << 32, 4096, spill, 1);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (BufferAllocator root = new RootAllocator(1L << 32)) {
      List<VectorSchemaRoot> batches = generate(rows, config.batchRows(), root);
      String[] names = {"group by K (100K groups): COUNT(*), SUM(V), MIN(D), AVG(D)",
          "group by NAME, COUNTRY (dashboard): COUNT(*)", "group by SMALL (25 groups): SUM(V), COUNT(V)",
          "no keys: SUM(V), COUNT(*), MAX(D)"};
      List<PhysicalHashAggregate> nodes = List.of(
          node(List.of(0), call(AggregateFunction.COUNT_STAR, List.of(), ColumnType.BIGINT),
              call(AggregateFunction.SUM, List.of(4), ColumnType.BIGINT),
              call(AggregateFunction.MIN, List.of(5), ColumnType.DOUBLE),
              call(AggregateFunction.AVG, List.of(5), ColumnType.DOUBLE)),
          node(List.of(1, 2), call(AggregateFunction.COUNT_STAR, List.of(), ColumnType.BIGINT)),
          node(List.of(3), call(AggregateFunction.SUM, List.of(4), ColumnType.BIGINT),
              call(AggregateFunction.COUNT, List.of(4), ColumnType.BIGINT)),
          node(List.of(), call(AggregateFunction.SUM, List.of(4), ColumnType.BIGINT),
              call(AggregateFunction.COUNT_STAR, List.of(), ColumnType.BIGINT),
              call(AggregateFunction.MAX, List.of(5), ColumnType.DOUBLE)));
      System.out.printf("load average %s", Files.readString(Path.of("/proc/loadavg")));
      System.out.println("| aggregation | boxed CPU ms / 1M rows | vectorized CPU ms / 1M rows | speedup |");
      System.out.println("|---|---:|---:|---:|");
      for (int q = 0; q < nodes.size(); q++) {
        double[][] times = new double[2][reps];
        long[] groups = new long[2];
        for (int r = -2; r < reps; r++) {
          for (int mode = 0; mode < 2; mode++) {
            try (BufferAllocator allocator = root.newChildAllocator("q", 0, Long.MAX_VALUE)) {
              ExecutionContext context = new ExecutionContext(storage, config, allocator, List.of(), 0,
                  System.currentTimeMillis());
              long t0 = threads.getCurrentThreadCpuTime();
              HashAggregateOperator aggregate = new HashAggregateOperator(new BatchListOperator(batches), nodes.get(q), context,
                  mode == 1);
              long out = 0;
              for (VectorSchemaRoot batch = aggregate.next(); batch != null; batch = aggregate.next()) {
                out += batch.getRowCount();
              }
              aggregate.close();
              if (r >= 0) {
                times[mode][r] = (threads.getCurrentThreadCpuTime() - t0) / 1e6 * 1_000_000 / rows;
              }
              groups[mode] = out;
            }
          }
        }
        if (groups[0] != groups[1]) {
          throw new IllegalStateException("group counts differ: " + Arrays.toString(groups));
        }
        Arrays.sort(times[0]);
        Arrays.sort(times[1]);
        double boxed = times[0][reps / 2];
        double vectorized = times[1][reps / 2];
        System.out.printf("| %s | %.0f | %.0f | %.1f× |%n", names[q], boxed, vectorized, boxed / vectorized);
      }
      System.out.printf("load average %s", Files.readString(Path.of("/proc/loadavg")));
      batches.forEach(VectorSchemaRoot::close);
    }
  }

  private static AggregateCall call(AggregateFunction function, List<Integer> arguments, ColumnType type) {
    return new AggregateCall(function, arguments, false, -1, type, true, null, function.name());
  }

  private static PhysicalHashAggregate node(List<Integer> keys, AggregateCall... calls) {
    List<Field> input = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      input.add(new Field("C" + i, TYPES.get(i), true));
    }
    List<Field> fields = new ArrayList<>();
    keys.forEach(k -> fields.add(input.get(k)));
    for (AggregateCall call : calls) {
      fields.add(new Field(call.name(), call.type(), true));
    }
    PhysicalValues values = new PhysicalValues(List.of(), input, Distribution.single(), 0);
    return new PhysicalHashAggregate(values, keys, List.of(calls), AggregatePhase.SINGLE, fields,
        Distribution.single(), 0);
  }

  private static List<VectorSchemaRoot> generate(int rows, int batchRows, BufferAllocator allocator) {
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      fields.add(ArrowTypes.field("C" + i, TYPES.get(i)));
    }
    Schema schema = new Schema(fields);
    SplittableRandom random = new SplittableRandom(1);
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int start = 0; start < rows; start += batchRows) {
      List<Object[]> batch = new ArrayList<>();
      for (int i = start; i < Math.min(rows, start + batchRows); i++) {
        int artist = random.nextInt(10_000);
        batch.add(new Object[] {random.nextInt(100) == 0 ? null : random.nextInt(100_000), "artist-" + artist,
            "C" + (artist * 31 + random.nextInt(3)) % 50, random.nextInt(25), random.nextInt(100) == 0 ? null
            : (long) random.nextInt(1_000_000), random.nextDouble() * 100});
      }
      batches.add(Batches.fromRows(schema, batch, 0, batch.size(), allocator));
    }
    return batches;
  }
}
