package dev.quaver.bench.exec;

import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.executor.expr.ExpressionCompiler;
import dev.quaver.executor.expr.Predicates;
import dev.quaver.executor.expr.RowFilter;
import dev.quaver.executor.expr.VectorExpression;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #6 item 3: generated code (Janino) against vectorized kernels on filter + project, over
 * 1,048,576 SSB-like lineorder rows in batches of 4,096 (quantity 1–50, discount 0–10, price,
 * order date; 1/64 NULLs in quantity). One op = all rows, so ms/op = ns per row. Variants:
 * {@code vectorized} (what FilterOperator + ProjectOperator run: RowFilter selection kernels, the
 * bulk gather of the selected rows, the MULTIPLY kernel), {@code threeValuedFilter} (the same with
 * the predicate evaluated the former way, to a BOOLEAN vector through AND/OR nodes),
 * {@code generatedFilter} (the same with the executor's Janino-generated predicate loop,
 * RowFilter's default for such predicates), {@code generated} (filter and projection in one
 * Janino-compiled fused loop, see GeneratedFilterProject), and {@code janinoCompile} (the cost
 * of generating and compiling the kernel, paid once per plan). Predicates: {@code q11} is SSB
 * Q1.1's {@code lo_discount BETWEEN 1 AND 3 AND lo_quantity < 25} (13% pass), {@code wide} is
 * {@code lo_quantity < 40} (77% pass). Results: docs/operators.md, "Performance".
 *
 * <p>{@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar bench/target/benchmarks.jar FilterProject}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class FilterProjectBenchmark {
  private static final int BATCH_ROWS = 4096;
  private static final int BATCHES = 256;
  private static final ColumnType INT = ColumnType.INTEGER;

  @Param({"q11", "wide"})
  public String predicate;

  private BufferAllocator allocator;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private PhysicalExpr where;
  private PhysicalExpr projection;
  private RowFilter filter;
  private RowFilter generatedFilter;
  private VectorExpression threeValued;
  private VectorExpression multiply;
  private GeneratedFilterProject.Kernel kernel;
  private EvaluationContext context;

  @Setup
  public void setUp() throws Exception {
    allocator = new RootAllocator();
    context = BenchContext.of(allocator);
    List<Field> fields = List.of(ArrowTypes.field("LO_QUANTITY", INT), ArrowTypes.field("LO_DISCOUNT", INT),
        ArrowTypes.field("LO_EXTENDEDPRICE", INT), ArrowTypes.field("LO_ORDERDATE", ColumnType.DATE));
    SplittableRandom random = new SplittableRandom(7);
    for (int b = 0; b < BATCHES; b++) {
      VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
      root.allocateNew();
      for (int i = 0; i < BATCH_ROWS; i++) {
        int quantity = random.nextInt(1, 51);
        ArrowTypes.set(root.getVector(0), i, INT, random.nextInt(64) == 0 ? null : quantity);
        ArrowTypes.set(root.getVector(1), i, INT, random.nextInt(0, 11));
        ArrowTypes.set(root.getVector(2), i, INT, quantity * random.nextInt(90_000, 110_000));
        ArrowTypes.set(root.getVector(3), i, ColumnType.DATE, 8036 + random.nextInt(2400));
      }
      root.setRowCount(BATCH_ROWS);
      batches.add(root);
    }
    PhysicalExpr quantity = new PhysicalExpr.InputRef(0, INT, true);
    PhysicalExpr discount = new PhysicalExpr.InputRef(1, INT, false);
    PhysicalExpr price = new PhysicalExpr.InputRef(2, INT, false);
    where = predicate.equals("q11")
        ? call(ScalarFunction.AND, call(ScalarFunction.AND,
            call(ScalarFunction.GREATER_THAN_OR_EQUAL, discount, lit(1)),
            call(ScalarFunction.LESS_THAN_OR_EQUAL, discount, lit(3))),
            call(ScalarFunction.LESS_THAN, quantity, lit(25)))
        : call(ScalarFunction.LESS_THAN, quantity, lit(40));
    projection = new PhysicalExpr.Call(ScalarFunction.MULTIPLY, List.of(price, discount), ColumnType.BIGINT, false);
    filter = RowFilter.vectorized(where);
    generatedFilter = RowFilter.compile(where);
    if (!generatedFilter.isGenerated()) {
      throw new IllegalStateException("predicate not generated");
    }
    threeValued = ExpressionCompiler.compile(where);
    multiply = ExpressionCompiler.compile(projection);
    kernel = GeneratedFilterProject.compile(where, projection);
    long check = vectorized();
    if (check != generated() || check != threeValuedFilter() || check != generatedFilter()) {
      throw new IllegalStateException("variants disagree");
    }
  }

  @TearDown
  public void tearDown() {
    batches.forEach(VectorSchemaRoot::close);
    allocator.close();
  }

  @Benchmark
  public long vectorized() {
    return run(0);
  }

  @Benchmark
  public long threeValuedFilter() {
    return run(1);
  }

  @Benchmark
  public long generatedFilter() {
    return run(2);
  }

  private long run(int form) {
    long sum = 0;
    for (VectorSchemaRoot batch : batches) {
      int[] positions = switch (form) {
        case 0 -> filter.select(batch, context);
        case 1 -> Predicates.select(threeValued, batch, context);
        default -> generatedFilter.select(batch, context);
      };
      try (VectorSchemaRoot selected = Batches.select(batch, positions, positions.length, allocator);
          FieldVector result = multiply.evaluate(selected, context)) {
        sum += checksum(result);
      }
    }
    return sum;
  }

  @Benchmark
  public long generated() {
    long sum = 0;
    for (VectorSchemaRoot batch : batches) {
      try (FieldVector result = kernel.apply(batch, allocator)) {
        sum += checksum(result);
      }
    }
    return sum;
  }

  @Benchmark
  public Object janinoCompile() throws Exception {
    return GeneratedFilterProject.compile(where, projection);
  }

  private static long checksum(FieldVector result) {
    int n = result.getValueCount();
    return n == 0 ? 0 : n * 31L + result.getDataBuffer().getLong((long) (n - 1) * 8);
  }

  private static PhysicalExpr call(ScalarFunction function, PhysicalExpr... operands) {
    return new PhysicalExpr.Call(function, List.of(operands), ColumnType.BOOLEAN, true);
  }

  private static PhysicalExpr lit(int value) {
    return new PhysicalExpr.Literal(value, INT);
  }
}
