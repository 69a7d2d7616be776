package dev.quaver.executor.operator.sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.spill.SpillHarness;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.planner.physical.SortKey;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSortTest {
  private static final long LIMIT = 1L << 20;
  private static final List<ColumnType> TYPES = List.of(ColumnType.BIGINT, ColumnType.TEXT);

  @TempDir
  Path dir;

  private static PhysicalSort sortNode(List<SortKey> keys, long offset, long fetch) {
    PhysicalValues dummy = new PhysicalValues(List.of(),
        List.of(new Field("C0", ColumnType.BIGINT, true), new Field("C1", ColumnType.TEXT, true)),
        Distribution.single(), 0);
    return new PhysicalSort(dummy, keys, offset, fetch, Distribution.single(), 0);
  }

  /** Row i: a pseudo-random key with many duplicates (NULL every 97th) and its input position. */
  private static Object[] row(long i) {
    long key = (i * 7919) % 5003;
    return new Object[] {i % 97 == 0 ? null : key, String.format("payload-%08d", i)};
  }

  @Test
  void sortsTenTimesTheMemoryLimitStablyAndCleansUp() throws Exception {
    long rows = 100_000; // about 10 MB of heap rows against a 1 MB limit
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), LIMIT)) {
      Operator input = harness.generate(TYPES, rows, ExternalSortTest::row);
      SortOperator sort = new SortOperator(input,
          sortNode(List.of(new SortKey(0, true, true)), 0, -1), harness.context);
      List<Object[]> out = SpillHarness.drain(sort);
      assertThat(out).hasSize((int) rows);
      for (int i = 1; i < out.size(); i++) {
        Object[] a = out.get(i - 1);
        Object[] b = out.get(i);
        if (a[0] == null) {
          if (b[0] == null) {
            assertThat((String) a[1]).isLessThan((String) b[1]); // stable: input order
          }
          continue;
        }
        assertThat(b[0]).isNotNull(); // NULLS FIRST
        assertThat((Long) a[0]).isGreaterThanOrEqualTo((Long) b[0]); // DESC
        if (a[0].equals(b[0])) {
          assertThat((String) a[1]).isLessThan((String) b[1]);
        }
      }
      assertThat(sort.spillStats().files()).isGreaterThan(SortOperator.MERGE_FAN_IN);
      assertThat(sort.spillStats().spilledRows()).isGreaterThanOrEqualTo(rows / 2);
    }
  }

  @Test
  void offsetAndLargeFetchAfterSpilling() throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), LIMIT)) {
      Operator input = harness.generate(TYPES, 60_000, i -> new Object[] {59_999 - i, "x" + i});
      long fetch = SortOperator.TOP_N_MAX_ROWS; // offset+fetch beyond top-N: a full external sort
      SortOperator sort = new SortOperator(input,
          sortNode(List.of(new SortKey(0, false, false)), 10, fetch), harness.context);
      List<Object[]> out = SpillHarness.drain(sort);
      assertThat(out).hasSize(59_990);
      for (int i = 0; i < out.size(); i++) {
        assertThat(out.get(i)[0]).isEqualTo(10L + i);
      }
      assertThat(sort.spillStats().spilled()).isTrue();
    }
  }

  @Test
  void closingEarlyDeletesTheRuns() throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), LIMIT)) {
      SortOperator sort = new SortOperator(harness.generate(TYPES, 50_000, ExternalSortTest::row),
          sortNode(List.of(new SortKey(0, false, false)), 0, -1), harness.context);
      assertThat(sort.next()).isNotNull();
      assertThat(harness.spillFiles()).isPositive();
      sort.close();
    }
  }

  @Test
  void cancelWhileSpillingFailsCleanlyAndDeletesTheRuns() throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), LIMIT)) {
      SpillHarness canceling = harness;
      SortOperator sort = new SortOperator(harness.generate(TYPES, 80_000, i -> {
        if (i == 60_000) {
          canceling.context.cancel();
        }
        return row(i);
      }), sortNode(List.of(new SortKey(0, false, false)), 0, -1), harness.context);
      assertThatThrownBy(sort::next).isInstanceOfSatisfying(QuaverException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELED));
      assertThat(sort.spillStats().spilled()).isTrue();
      sort.close();
    }
  }
}
