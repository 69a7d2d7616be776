package dev.quaver.bench.exec;

import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.executor.expr.RowFilter;
import dev.quaver.executor.vector.HeapColumn;
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
 * Issue #6 item 7, strings in the query path, old vs new in one run. Data: SSB PART-like rows at
 * SF 1 (200,000 rows in batches of 4,096): P_CATEGORY 'MFGR#11'..'MFGR#55' (25 values),
 * P_BRAND1 'MFGR#1110'..'MFGR#5540' (1,000 values), and a 10-character city (250 values).
 * <ul>
 *   <li>{@code filter}: RowFilter on the batches with {@code predicate} = {@code eq}
 *       (p_category = 'MFGR#12', Q2.1), {@code between} (p_brand1 BETWEEN 'MFGR#2221' AND
 *       'MFGR#2228', Q2.2) or {@code in} (city IN ('UNITED KI1', 'UNITED KI5'), Q3.3), with
 *       {@code path} = {@code bytes} (StringSelector on the UTF-8 bytes) or {@code strings}
 *       (-Dquaver.executor.stringBytes=false: a String per row, the former path). One op = all
 *       200,000 rows.
 *   <li>{@code gatherDirect} / {@code gatherByRow}: HeapColumn.gather of the brand column (a join's
 *       build side) at 4,096 positions per call, 49 calls = 200,704 rows per op, positions
 *       {@code random} (a dimension gathered by a probe) or {@code runs} (ascending, in runs of
 *       1-32, a probe side kept in order); the two methods run in forks with
 *       -Dquaver.executor.directGather true and false.
 * </ul>
 * Results: docs/operators.md, "Strings".
 *
 * <p>{@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar bench/target/benchmarks.jar StringPathBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class StringPathBench {
  private static final int ROWS = 200_000;
  private static final int BATCH_ROWS = 4096;
  private static final int GATHERS = 49;

  @Param({"eq", "between", "in"})
  public String predicate;

  @Param({"bytes", "strings"})
  public String path;

  @Param({"random", "runs"})
  public String positions;

  private BufferAllocator allocator;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private RowFilter filter;
  private HeapColumn brands;
  private int[][] gatherPositions;
  private EvaluationContext context;

  @Setup
  public void setUp() {
    allocator = new RootAllocator();
    context = BenchContext.of(allocator);
    List<Field> fields = List.of(ArrowTypes.field("P_CATEGORY", ColumnType.TEXT),
        ArrowTypes.field("P_BRAND1", ColumnType.TEXT), ArrowTypes.field("CITY", ColumnType.TEXT));
    SplittableRandom random = new SplittableRandom(7);
    brands = HeapColumn.empty(fields.get(1));
    for (int done = 0; done < ROWS; done += BATCH_ROWS) {
      int rows = Math.min(BATCH_ROWS, ROWS - done);
      VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
      root.allocateNew();
      for (int i = 0; i < rows; i++) {
        int mfgr = random.nextInt(1, 6);
        int category = random.nextInt(1, 6);
        ArrowTypes.set(root.getVector(0), i, ColumnType.TEXT, "MFGR#" + mfgr + category);
        ArrowTypes.set(root.getVector(1), i, ColumnType.TEXT, "MFGR#" + mfgr + category + random.nextInt(1, 41));
        ArrowTypes.set(root.getVector(2), i, ColumnType.TEXT,
            String.format("%-9.9s%d", NATIONS[random.nextInt(NATIONS.length)], random.nextInt(10)));
      }
      root.setRowCount(rows);
      brands.append(root.getVector(1), rows);
      batches.add(root);
    }
    System.setProperty("quaver.executor.stringBytes", Boolean.toString(path.equals("bytes")));
    filter = RowFilter.compile(switch (predicate) {
      case "eq" -> compare(ScalarFunction.EQUALS, 0, "MFGR#12");
      case "between" -> call(ScalarFunction.AND, compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 1, "MFGR#2221"),
          compare(ScalarFunction.LESS_THAN_OR_EQUAL, 1, "MFGR#2228"));
      default -> call(ScalarFunction.OR, compare(ScalarFunction.EQUALS, 2, "UNITED KI1"),
          compare(ScalarFunction.EQUALS, 2, "UNITED KI5"));
    });
    System.clearProperty("quaver.executor.stringBytes");
    gatherPositions = new int[GATHERS][BATCH_ROWS];
    int next = 0;
    for (int[] gather : gatherPositions) {
      for (int k = 0; k < BATCH_ROWS; ) {
        if (positions.equals("random")) {
          gather[k++] = random.nextInt(ROWS);
        } else {
          next = (next + random.nextInt(1, 4)) % (ROWS - 64);
          for (int r = random.nextInt(1, 33); r > 0 && k < BATCH_ROWS; r--) {
            gather[k++] = next++;
          }
        }
      }
    }
  }

  private static final String[] NATIONS = {"UNITED KINGDOM", "UNITED STATES", "CHINA", "FRANCE", "GERMANY",
      "BRAZIL", "JAPAN", "INDIA", "KENYA", "PERU", "ROMANIA", "RUSSIA", "VIETNAM", "ALGERIA", "ARGENTINA",
      "CANADA", "EGYPT", "ETHIOPIA", "INDONESIA", "IRAN", "IRAQ", "JORDAN", "MOROCCO", "MOZAMBIQUE",
      "SAUDI ARABIA"};

  @TearDown
  public void tearDown() {
    batches.forEach(VectorSchemaRoot::close);
    allocator.close();
  }

  /** Depends on {@code predicate} and {@code path} only. */
  @Benchmark
  public long filter() {
    long kept = 0;
    for (VectorSchemaRoot batch : batches) {
      kept += filter.select(batch, context).length;
    }
    return kept;
  }

  /** Depends on {@code positions} only. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
      "-Dquaver.executor.directGather=true"})
  public long gatherDirect() {
    return gather();
  }

  /** The former per-row copy. Depends on {@code positions} only. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
      "-Dquaver.executor.directGather=false"})
  public long gatherByRow() {
    return gather();
  }

  private long gather() {
    long bytes = 0;
    for (int[] gather : gatherPositions) {
      try (FieldVector vector = brands.gather(gather, 0, gather.length, allocator)) {
        bytes += vector.getDataBuffer().writerIndex();
      }
    }
    return bytes;
  }

  private static PhysicalExpr compare(ScalarFunction function, int column, String literal) {
    return call(function, new PhysicalExpr.InputRef(column, ColumnType.TEXT, false),
        new PhysicalExpr.Literal(literal, ColumnType.TEXT));
  }

  private static PhysicalExpr call(ScalarFunction function, PhysicalExpr... operands) {
    return new PhysicalExpr.Call(function, List.of(operands), ColumnType.BOOLEAN, true);
  }
}
