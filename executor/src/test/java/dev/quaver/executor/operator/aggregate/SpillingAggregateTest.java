package dev.quaver.executor.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.spill.SpillHarness;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.planner.physical.AggregatePhase;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillingAggregateTest {
  private static final long LIMIT = 1L << 20;
  private static final List<ColumnType> TYPES = List.of(ColumnType.BIGINT, ColumnType.BIGINT);

  @TempDir
  Path dir;

  private static PhysicalHashAggregate node(List<Integer> keys, AggregateCall... calls) {
    List<Field> inputFields = List.of(new Field("C0", ColumnType.BIGINT, true),
        new Field("C1", ColumnType.BIGINT, true));
    List<Field> fields = new ArrayList<>();
    keys.forEach(k -> fields.add(inputFields.get(k)));
    for (AggregateCall call : calls) {
      fields.add(new Field(call.name(), call.type(), true));
    }
    PhysicalValues dummy = new PhysicalValues(List.of(), inputFields, Distribution.single(), 0);
    return new PhysicalHashAggregate(dummy, keys, List.of(calls), AggregatePhase.SINGLE, fields,
        Distribution.single(), 0);
  }

  private static AggregateCall call(AggregateFunction function, List<Integer> args, boolean distinct) {
    return new AggregateCall(function, args, distinct, -1, ColumnType.BIGINT, true, null, function.name());
  }

  /** Row i: group key i mod 40,000 (NULL for one group), value i mod 7. */
  private static Object[] row(long i) {
    long group = i % 40_000;
    return new Object[] {group == 17 ? null : group, i % 7};
  }

  @Test
  void aggregatesTenTimesTheMemoryLimitExactly() throws Exception {
    long rows = 200_000;
    Map<Long, long[]> expected = new HashMap<>(); // count, sum, distinct count
    Map<Long, Set<Long>> distinct = new HashMap<>();
    for (long i = 0; i < rows; i++) {
      Object[] r = row(i);
      Long key = (Long) r[0];
      long[] acc = expected.computeIfAbsent(key, k -> new long[3]);
      acc[0]++;
      acc[1] += (Long) r[1];
      distinct.computeIfAbsent(key, k -> new HashSet<>()).add((Long) r[1]);
    }
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), LIMIT)) {
      HashAggregateOperator aggregate = new HashAggregateOperator(
          harness.generate(TYPES, rows, SpillingAggregateTest::row),
          node(List.of(0), call(AggregateFunction.COUNT_STAR, List.of(), false),
              call(AggregateFunction.SUM, List.of(1), false), call(AggregateFunction.COUNT, List.of(1), true)),
          harness.context);
      List<Object[]> out = SpillHarness.drain(aggregate);
      assertThat(out).hasSize(expected.size());
      Set<Long> seen = new HashSet<>();
      for (Object[] r : out) {
        Long key = (Long) r[0];
        assertThat(seen.add(key)).as("group %s once", key).isTrue();
        long[] acc = expected.get(key);
        assertThat(r).containsExactly(key, acc[0], acc[1], (long) distinct.get(key).size());
      }
      assertThat(aggregate.spillStats().spilled()).isTrue();
    }
  }

  @Test
  void oneGroupWithADistinctSetLargerThanTheLimitIsACleanOutOfMemory() throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), LIMIT)) {
      HashAggregateOperator aggregate = new HashAggregateOperator(
          harness.generate(TYPES, 100_000, i -> new Object[] {1L, i}),
          node(List.of(0), call(AggregateFunction.COUNT, List.of(1), true)), harness.context);
      assertThatThrownBy(() -> SpillHarness.drain(aggregate))
          .isInstanceOfSatisfying(QuaverException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_MEMORY);
            assertThat(e.getMessage()).contains("hash aggregation").contains(Long.toString(LIMIT));
          });
      aggregate.close();
    }
  }

  @Test
  void globalAggregateNeverSpills() throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), LIMIT)) {
      HashAggregateOperator aggregate = new HashAggregateOperator(
          harness.generate(TYPES, 100_000, i -> new Object[] {i, i % 3}),
          node(List.of(), call(AggregateFunction.SUM, List.of(0), false),
              call(AggregateFunction.COUNT, List.of(1), true)), harness.context);
      List<Object[]> out = SpillHarness.drain(aggregate);
      assertThat(out).hasSize(1);
      assertThat(out.get(0)).containsExactly(99_999L * 100_000 / 2, 3L);
      assertThat(aggregate.spillStats().spilled()).isFalse();
    }
  }
}
