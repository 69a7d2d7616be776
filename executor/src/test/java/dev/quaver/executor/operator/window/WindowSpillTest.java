package dev.quaver.executor.operator.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.spill.SpillHarness;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.planner.physical.PhysicalWindow;
import dev.quaver.planner.physical.SortKey;
import dev.quaver.planner.physical.WindowCall;
import dev.quaver.planner.physical.WindowFrame;
import dev.quaver.planner.physical.WindowFunction;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window partition about ten times the query memory limit spills and returns exactly the rows
 * of an unlimited run, for ranking, offset, running, sliding, suffix and whole-partition calls;
 * nothing is left (Arrow memory, heap reservations, spill files) afterwards.
 */
class WindowSpillTest {
  private static final long LIMIT = 1L << 20;
  private static final List<ColumnType> TYPES = List.of(ColumnType.BIGINT, ColumnType.BIGINT, ColumnType.TEXT,
      ColumnType.BIGINT);

  @TempDir
  Path dir;

  /** Sorted by partition key (0: two small partitions, then one huge one) and order key. */
  private static Object[] row(long i) {
    long partition = i < 100 ? 0 : i < 300 ? 1 : 2;
    return new Object[] {partition, i / 3, "payload-" + i + "-".repeat(40), i % 11 == 0 ? null : i % 17};
  }

  private static WindowFrame frame(boolean rows, WindowFrame.Bound lower, WindowFrame.Bound upper) {
    return new WindowFrame(rows, lower, upper);
  }

  private static PhysicalWindow window() {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      fields.add(new Field("C" + i, TYPES.get(i), true));
    }
    PhysicalValues input = new PhysicalValues(List.of(), fields, Distribution.single(), 0);
    WindowFrame running = frame(false, WindowFrame.Bound.unboundedPreceding(), WindowFrame.Bound.currentRow());
    WindowFrame sliding = frame(true, new WindowFrame.Bound(WindowFrame.BoundKind.PRECEDING, BigDecimal.valueOf(3)),
        new WindowFrame.Bound(WindowFrame.BoundKind.FOLLOWING, BigDecimal.ONE));
    WindowFrame suffix = frame(true, WindowFrame.Bound.currentRow(), WindowFrame.Bound.unboundedFollowing());
    List<WindowCall> calls = List.of(
        new WindowCall(WindowFunction.ROW_NUMBER, List.of(), 0, running, ColumnType.BIGINT, false, "RN"),
        new WindowCall(WindowFunction.RANK, List.of(), 0, running, ColumnType.BIGINT, false, "RK"),
        new WindowCall(WindowFunction.DENSE_RANK, List.of(), 0, running, ColumnType.BIGINT, false, "DR"),
        new WindowCall(WindowFunction.LAG, List.of(3), 2, running, ColumnType.BIGINT, true, "LG"),
        new WindowCall(WindowFunction.LEAD, List.of(3, 0), 5, running, ColumnType.BIGINT, true, "LD"),
        new WindowCall(WindowFunction.SUM, List.of(3), 0, running, ColumnType.BIGINT, true, "RS"),
        new WindowCall(WindowFunction.MAX, List.of(3), 0, sliding, ColumnType.BIGINT, true, "SM"),
        new WindowCall(WindowFunction.COUNT, List.of(3), 0, suffix, ColumnType.BIGINT, false, "SC"),
        new WindowCall(WindowFunction.COUNT_STAR, List.of(), 0, WindowFrame.whole(), ColumnType.BIGINT, false, "WC"),
        new WindowCall(WindowFunction.LAST_VALUE, List.of(2), 0, running, ColumnType.TEXT, true, "LV"));
    return new PhysicalWindow(input, List.of(0), List.of(new SortKey(1, false, false)), calls,
        Distribution.single(), 0);
  }

  private List<String> run(long limit, long rows, LongFunction<Object[]> row, boolean expectSpill) throws Exception {
    List<String> out = new ArrayList<>();
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill-" + limit), limit)) {
      WindowOperator operator = new WindowOperator(harness.generate(TYPES, rows, row), window(), harness.context);
      for (Object[] r : SpillHarness.drain(operator)) {
        out.add(Arrays.toString(r));
      }
      assertThat(operator.spillStats().spilled()).isEqualTo(expectSpill);
    }
    return out;
  }

  @Test
  void aPartitionTenTimesTheLimitSpillsAndEqualsTheUnlimitedRun() throws Exception {
    long rows = 40_000; // about 10 MB of estimated heap rows against a 1 MB limit
    List<String> unlimited = run(1L << 30, rows, WindowSpillTest::row, false);
    List<String> limited = run(LIMIT, rows, WindowSpillTest::row, true);
    assertThat(limited).hasSize((int) rows).isEqualTo(unlimited);
  }
}
