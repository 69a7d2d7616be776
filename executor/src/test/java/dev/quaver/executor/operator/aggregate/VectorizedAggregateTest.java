package dev.quaver.executor.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.spill.SpillHarness;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.planner.physical.AggregatePhase;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vectorized aggregation (primitive group tables and call columns) against the boxed one on
 * random data with NULLs: every key kind, every primitive call kind (plus boxed calls mixed in),
 * few and many groups, spilling under a small memory limit, PARTIAL then FINAL, overflow, empty
 * input. Results must be equal value for value (without spilling also in the same order).
 */
class VectorizedAggregateTest {
  private static final ColumnType DEC = ColumnType.decimal(12, 2);
  private static final ColumnType SUM_DEC = ColumnType.decimal(30, 2);
  private static final ColumnType AVG_DEC = ColumnType.decimal(30, 4);
  /** C0 INTEGER, C1 VARCHAR, C2 BIGINT, C3 DOUBLE, C4 DECIMAL(12,2), C5 BOOLEAN, C6 DATE, C7 SMALLINT, C8 REAL. */
  private static final List<ColumnType> TYPES = List.of(ColumnType.INTEGER, ColumnType.TEXT, ColumnType.BIGINT,
      ColumnType.DOUBLE, DEC, ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.SMALLINT, ColumnType.REAL);
  private static final List<List<Integer>> KEY_SETS = List.of(List.of(), List.of(0), List.of(1), List.of(0, 1),
      List.of(6), List.of(3), List.of(4), List.of(5), List.of(8), List.of(1, 6, 5), List.of(2, 3, 4), List.of(7, 0));

  @TempDir
  Path dir;

  private static AggregateCall call(AggregateFunction function, List<Integer> args, ColumnType type) {
    return new AggregateCall(function, args, false, -1, type, true, null, function.name());
  }

  private static AggregateCall filtered(AggregateFunction function, int arg, ColumnType type) {
    return new AggregateCall(function, List.of(arg), false, 5, type, true, null, function.name() + "_F");
  }

  private static List<AggregateCall> calls() {
    return List.of(
        call(AggregateFunction.COUNT_STAR, List.of(), ColumnType.BIGINT),
        call(AggregateFunction.COUNT, List.of(2), ColumnType.BIGINT),
        call(AggregateFunction.COUNT, List.of(1, 3), ColumnType.BIGINT),
        call(AggregateFunction.SUM, List.of(2), ColumnType.BIGINT),
        call(AggregateFunction.SUM0, List.of(7), ColumnType.BIGINT),
        call(AggregateFunction.SUM, List.of(7), ColumnType.INTEGER),
        call(AggregateFunction.AVG, List.of(2), ColumnType.BIGINT),
        call(AggregateFunction.AVG, List.of(0), ColumnType.DOUBLE),
        call(AggregateFunction.SUM, List.of(3), ColumnType.DOUBLE),
        call(AggregateFunction.AVG, List.of(3), ColumnType.DOUBLE),
        call(AggregateFunction.SUM, List.of(8), ColumnType.REAL),
        call(AggregateFunction.MIN, List.of(2), ColumnType.BIGINT),
        call(AggregateFunction.MAX, List.of(0), ColumnType.INTEGER),
        call(AggregateFunction.MIN, List.of(3), ColumnType.DOUBLE),
        call(AggregateFunction.MAX, List.of(3), ColumnType.DOUBLE),
        call(AggregateFunction.MAX, List.of(8), ColumnType.REAL),
        call(AggregateFunction.MIN, List.of(6), ColumnType.DATE),
        call(AggregateFunction.SUM, List.of(4), SUM_DEC),
        call(AggregateFunction.AVG, List.of(4), AVG_DEC),
        call(AggregateFunction.AVG, List.of(4), ColumnType.decimal(12, 0)),
        call(AggregateFunction.SUM, List.of(0), SUM_DEC),
        filtered(AggregateFunction.SUM, 2, ColumnType.BIGINT),
        filtered(AggregateFunction.COUNT, 3, ColumnType.BIGINT),
        filtered(AggregateFunction.MAX, 3, ColumnType.DOUBLE),
        // Boxed calls inside a vectorized aggregation.
        new AggregateCall(AggregateFunction.COUNT, List.of(7), true, -1, ColumnType.BIGINT, true, null, "CD"),
        call(AggregateFunction.MIN, List.of(1), ColumnType.TEXT),
        call(AggregateFunction.BOOL_OR, List.of(5), ColumnType.BOOLEAN),
        call(AggregateFunction.ANY_VALUE, List.of(5), ColumnType.BOOLEAN));
  }

  private static PhysicalHashAggregate node(List<ColumnType> types, List<Integer> keys, List<AggregateCall> calls,
      AggregatePhase phase) {
    List<Field> inputFields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      inputFields.add(new Field("C" + i, types.get(i), true));
    }
    List<Field> fields = new ArrayList<>();
    keys.forEach(k -> fields.add(inputFields.get(k)));
    for (AggregateCall call : calls) {
      fields.add(new Field(call.name(), call.type(), true));
    }
    PhysicalValues dummy = new PhysicalValues(List.of(), inputFields, Distribution.single(), 0);
    return new PhysicalHashAggregate(dummy, keys, calls, phase, fields, Distribution.single(), 0);
  }

  /** Random rows over {@code groups} distinct values per key column, about 1 in {@code nullEvery} NULL. */
  private static Object[] randomRow(Random random, int groups, int nullEvery) {
    Object[] row = new Object[TYPES.size()];
    int g = random.nextInt(groups);
    row[0] = g - groups / 2;
    row[1] = g % 3 == 0 ? "" : "k" + (g % 97) + (g % 2 == 0 ? "é" : "");
    row[2] = random.nextInt(4) == 0 ? (long) random.nextInt(groups) : random.nextLong() >> 20;
    double[] specials = {0.0, -0.0, Double.NaN, 1.5, -2.25};
    row[3] = random.nextInt(5) == 0 ? specials[random.nextInt(specials.length)] : (double) (g % 50) / 4;
    row[4] = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 2);
    row[5] = random.nextBoolean();
    row[6] = 18_000 + g % 400;
    row[7] = (short) (random.nextInt(200) - 100);
    row[8] = random.nextInt(6) == 0 ? -0.0f : (float) (g % 13) / 8;
    for (int c = 0; c < row.length; c++) {
      if (random.nextInt(nullEvery) == 0) {
        row[c] = null;
      }
    }
    return row;
  }

  private List<Object[]> run(long limit, List<Object[]> rows, List<ColumnType> types, PhysicalHashAggregate node,
      boolean vectorized, boolean expectSpill) throws Exception {
    Path spill = dir.resolve("spill-" + System.nanoTime());
    try (SpillHarness harness = new SpillHarness(spill, limit)) {
      Operator source = harness.generate(types, rows.size(), i -> rows.get((int) i));
      HashAggregateOperator aggregate = new HashAggregateOperator(source, node, harness.context, vectorized);
      List<Object[]> out = SpillHarness.drain(aggregate);
      if (expectSpill) {
        assertThat(aggregate.spillStats().spilled()).isTrue();
      }
      return out;
    }
  }

  @Test
  void vectorizedEqualsBoxedOnRandomData() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 18; round++) {
      int groups = round % 3 == 0 ? 3 : round % 3 == 1 ? 300 : 20_000;
      int rowCount = 1 + random.nextInt(round % 3 == 2 ? 30_000 : 5_000);
      int nullEvery = 2 + random.nextInt(20);
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < rowCount; i++) {
        rows.add(randomRow(random, groups, nullEvery));
      }
      List<Integer> keys = KEY_SETS.get(round % KEY_SETS.size());
      PhysicalHashAggregate node = node(TYPES, keys, calls(), AggregatePhase.SINGLE);
      List<Object[]> boxed = run(1L << 30, rows, TYPES, node, false, false);
      List<Object[]> fast = run(1L << 30, rows, TYPES, node, true, false);
      assertSameRows(fast, boxed, "round " + round + " keys " + keys, true);
    }
  }

  @Test
  void primitiveTablesAreChosenForPrimitiveKeys() throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve("s"), 1L << 30)) {
      for (List<Integer> keys : KEY_SETS) {
        Operator source = harness.generate(TYPES, 0, i -> null);
        HashAggregateOperator aggregate = new HashAggregateOperator(source,
            node(TYPES, keys, calls(), AggregatePhase.SINGLE), harness.context);
        assertThat(aggregate.primitiveKeys()).as("keys %s", keys).isTrue();
        aggregate.close();
      }
    }
  }

  @Test
  void spillingUnderSmallLimitEqualsBoxedWithoutSpilling() throws Exception {
    Random random = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      rows.add(randomRow(random, 40_000, 9));
    }
    for (List<Integer> keys : List.of(List.of(0), List.of(0, 1), List.of(1, 6, 5))) {
      PhysicalHashAggregate node = node(TYPES, keys, calls(), AggregatePhase.SINGLE);
      List<Object[]> expected = run(1L << 30, rows, TYPES, node, false, false);
      List<Object[]> spilled = run(2L << 20, rows, TYPES, node, true, true);
      assertSameRows(spilled, expected, "spilled keys " + keys, false);
    }
  }

  @Test
  void partialThenFinalEqualsSinglePhase() throws Exception {
    Random random = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(randomRow(random, 500, 6));
    }
    List<Integer> keys = List.of(1, 0);
    List<AggregateCall> partialCalls = List.of(call(AggregateFunction.COUNT, List.of(2), ColumnType.BIGINT),
        call(AggregateFunction.SUM, List.of(2), ColumnType.BIGINT),
        call(AggregateFunction.MIN, List.of(3), ColumnType.DOUBLE),
        call(AggregateFunction.SUM, List.of(4), SUM_DEC));
    // Partial output: C0 key1, C1 key0, C2 count, C3 sum, C4 min, C5 decimal sum.
    List<ColumnType> partialTypes = List.of(ColumnType.TEXT, ColumnType.INTEGER, ColumnType.BIGINT,
        ColumnType.BIGINT, ColumnType.DOUBLE, SUM_DEC);
    List<AggregateCall> finalCalls = List.of(call(AggregateFunction.SUM0, List.of(2), ColumnType.BIGINT),
        call(AggregateFunction.SUM, List.of(3), ColumnType.BIGINT),
        call(AggregateFunction.MIN, List.of(4), ColumnType.DOUBLE),
        call(AggregateFunction.SUM, List.of(5), SUM_DEC));
    int half = rows.size() / 2;
    List<Object[]> partials = new ArrayList<>();
    for (List<Object[]> part : List.of(rows.subList(0, half), rows.subList(half, rows.size()))) {
      partials.addAll(run(1L << 30, new ArrayList<>(part), TYPES,
          node(TYPES, keys, partialCalls, AggregatePhase.PARTIAL), true, false));
    }
    List<Object[]> merged = run(1L << 30, partials, partialTypes,
        node(partialTypes, List.of(0, 1), finalCalls, AggregatePhase.FINAL), true, false);
    List<Object[]> single = run(1L << 30, rows, TYPES, node(TYPES, keys, partialCalls, AggregatePhase.SINGLE),
        false, false);
    assertSameRows(merged, single, "partial/final", false);
  }

  @Test
  void bigintSumOverflowIs22003InBothPaths() {
    List<Object[]> rows = List.of(new Object[] {1, "a", Long.MAX_VALUE - 1, null, null, true, null, null, null},
        new Object[] {1, "a", 5L, null, null, true, null, null, null});
    PhysicalHashAggregate node = node(TYPES, List.of(0), List.of(call(AggregateFunction.SUM, List.of(2),
        ColumnType.BIGINT)), AggregatePhase.SINGLE);
    for (boolean vectorized : new boolean[] {true, false}) {
      assertThatThrownBy(() -> run(1L << 30, rows, TYPES, node, vectorized, false))
          .isInstanceOf(QuaverException.class)
          .satisfies(e -> assertThat(((QuaverException) e).code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE))
          .hasMessageContaining("9223372036854775811");
    }
  }

  @Test
  void emptyInputGivesOneRowWithoutKeysAndNoneWithKeys() throws Exception {
    for (boolean vectorized : new boolean[] {true, false}) {
      List<Object[]> none = run(1L << 30, List.of(), TYPES, node(TYPES, List.of(), calls(), AggregatePhase.SINGLE),
          vectorized, false);
      assertThat(none).hasSize(1);
      assertThat(none.get(0)[0]).isEqualTo(0L);
      assertThat(none.get(0)[3]).isNull();
      assertThat(none.get(0)[4]).isEqualTo(0L);
      assertThat(run(1L << 30, List.of(), TYPES, node(TYPES, List.of(0), calls(), AggregatePhase.SINGLE),
          vectorized, false)).isEmpty();
    }
  }

  private static void assertSameRows(List<Object[]> actual, List<Object[]> expected, String what, boolean sameOrder) {
    List<String> a = actual.stream().map(Arrays::deepToString).toList();
    List<String> e = expected.stream().map(Arrays::deepToString).toList();
    if (!sameOrder) {
      a = a.stream().sorted(Comparator.naturalOrder()).toList();
      e = e.stream().sorted(Comparator.naturalOrder()).toList();
    }
    assertThat(a).as(what).hasSize(e.size());
    assertThat(a).as(what).isEqualTo(e);
  }
}
