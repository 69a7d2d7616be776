package dev.quaver.bench.exec;

import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.transform.FilterOperator;
import dev.quaver.executor.operator.transform.ProjectOperator;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalProject;
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
 * A Project directly over a Filter, fused into one generated loop (the executor's default) against
 * the same two operators unfused (a pass-through operator in between: the generated filter, a copy
 * of the kept rows, then the vectorized projection), run alternately in one JVM over the same
 * pre-built batches of lineorder-like rows; prints the median thread CPU ms per 1M input rows
 * (docs/operators.md, "Performance"). WHERE as FilterProjectBenchmark: Q1.1's
 * {@code lo_discount BETWEEN 1 AND 3 AND lo_quantity < 25} (13% pass) or {@code lo_quantity < 40}
 * (77%); SELECT {@code lo_extendedprice * lo_discount, lo_orderdate}.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp CLASSPATH dev.quaver.bench.exec.FusedProjectBench
 * </pre>
 */
public final class FusedProjectBench {
  /** lo_orderdate, lo_quantity, lo_extendedprice, lo_discount. */
  private static final List<ColumnType> TYPES = List.of(ColumnType.INTEGER, ColumnType.INTEGER,
      ColumnType.INTEGER, ColumnType.INTEGER);

  private FusedProjectBench() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("fuse.rows", 1 << 20);
    int reps = Integer.getInteger("fuse.reps", 9);
    Path spill = Files.createTempDirectory("fuse-bench");
    StorageEngine storage = (StorageEngine) Proxy.newProxyInstance(FusedProjectBench.class.getClassLoader(),
        new Class<?>[] {StorageEngine.class}, (proxy, method, arguments) -> {
          throw new UnsupportedOperationException(method.getName());
        });
    ExecutorConfig config = new ExecutorConfig(1L << 31, 1L << 32, 4096, spill, 1);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    PhysicalExpr q11 = and(and(compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 3, 1),
        compare(ScalarFunction.LESS_THAN_OR_EQUAL, 3, 3)), compare(ScalarFunction.LESS_THAN, 1, 25));
    PhysicalExpr wide = compare(ScalarFunction.LESS_THAN, 1, 40);
    List<PhysicalExpr> projection = List.of(new PhysicalExpr.Call(ScalarFunction.MULTIPLY,
        List.of(column(2), column(3)), ColumnType.BIGINT, true), column(0));
    try (BufferAllocator root = new RootAllocator(1L << 32)) {
      List<VectorSchemaRoot> batches = generate(rows, config.batchRows(), root);
      System.out.printf("load average %s", Files.readString(Path.of("/proc/loadavg")));
      System.out.println("| WHERE | unfused CPU ms / 1M rows | fused CPU ms / 1M rows | speedup |");
      System.out.println("|---|---:|---:|---:|");
      String[] names = {"Q1.1 (13% pass)", "lo_quantity < 40 (77% pass)"};
      PhysicalExpr[] predicates = {q11, wide};
      for (int q = 0; q < predicates.length; q++) {
        double[][] times = new double[2][reps];
        long[] out = new long[2];
        for (int r = -3; r < reps; r++) {
          for (int mode = 0; mode < 2; mode++) {
            try (BufferAllocator allocator = root.newChildAllocator("q", 0, Long.MAX_VALUE)) {
              ExecutionContext context = new ExecutionContext(storage, config, allocator, List.of(), 0,
                  System.currentTimeMillis());
              long t0 = threads.getCurrentThreadCpuTime();
              Operator filter = new FilterOperator(new BatchListOperator(batches), predicates[q], context);
              ProjectOperator project = new ProjectOperator(mode == 1 ? filter : passThrough(filter),
                  node(projection), context);
              if (project.isFused() != (mode == 1)) {
                throw new IllegalStateException("fusion did not apply as expected");
              }
              long sum = 0;
              for (VectorSchemaRoot batch = project.next(); batch != null; batch = project.next()) {
                sum += batch.getRowCount();
              }
              project.close();
              if (r >= 0) {
                times[mode][r] = (threads.getCurrentThreadCpuTime() - t0) / 1e6 * 1_000_000 / rows;
              }
              out[mode] = sum;
            }
          }
        }
        if (out[0] != out[1]) {
          throw new IllegalStateException("row counts differ: " + Arrays.toString(out));
        }
        Arrays.sort(times[0]);
        Arrays.sort(times[1]);
        System.out.printf("| %s | %.0f | %.0f | %.1f× |%n", names[q], times[0][reps / 2], times[1][reps / 2],
            times[0][reps / 2] / times[1][reps / 2]);
      }
      System.out.printf("load average %s", Files.readString(Path.of("/proc/loadavg")));
      batches.forEach(VectorSchemaRoot::close);
    }
  }

  private static PhysicalExpr column(int index) {
    return new PhysicalExpr.InputRef(index, TYPES.get(index), false);
  }

  private static PhysicalExpr compare(ScalarFunction function, int column, long literal) {
    return new PhysicalExpr.Call(function, List.of(column(column), new PhysicalExpr.Literal(literal,
        ColumnType.BIGINT)), ColumnType.BOOLEAN, false);
  }

  private static PhysicalExpr and(PhysicalExpr left, PhysicalExpr right) {
    return new PhysicalExpr.Call(ScalarFunction.AND, List.of(left, right), ColumnType.BOOLEAN, false);
  }

  private static PhysicalProject node(List<PhysicalExpr> projection) {
    List<Field> fields = new ArrayList<>();
    for (int p = 0; p < projection.size(); p++) {
      fields.add(new Field("P" + p, projection.get(p).type(), true));
    }
    PhysicalValues values = new PhysicalValues(List.of(), List.of(), Distribution.single(), 0);
    return new PhysicalProject(values, projection, fields, Distribution.single(), 0);
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
        batch.add(new Object[] {19920101 + random.nextInt(70000), 1 + random.nextInt(50),
            90_000 + random.nextInt(10_000_000), random.nextInt(11)});
      }
      batches.add(Batches.fromRows(schema, batch, 0, batch.size(), allocator));
    }
    return batches;
  }

  private static Operator passThrough(Operator input) {
    return new Operator() {
      @Override
      public Schema schema() {
        return input.schema();
      }

      @Override
      public VectorSchemaRoot next() {
        return input.next();
      }

      @Override
      public void close() {
        input.close();
      }
    };
  }
}
