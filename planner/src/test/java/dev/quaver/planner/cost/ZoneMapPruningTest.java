package dev.quaver.planner.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.ColumnStatistics;
import dev.quaver.storage.stats.TableStatistics;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zone-map pruning estimates: a range or equality on the sort key keeps about its fraction of the
 * row groups; on an unsorted column it keeps (almost) all of them; out of [min, max] none.
 * Table: 8M rows over 4 partitions (about 123 row groups of 16,384 rows per partition), column 0
 * (TS, 0..1,000,000) the sort key, column 1 (V, 0..1,000,000) unsorted, column 2 (S) a string.
 */
class ZoneMapPruningTest {
  private static final double ROWS = 8_000_000;
  private static final TableDef TABLE = new TableDef(1, "T", List.of(
      new ColumnDef("TS", ColumnType.BIGINT, true, null), new ColumnDef("V", ColumnType.BIGINT, true, null),
      new ColumnDef("S", ColumnType.varchar(8), true, null)), List.of(), List.of(1), 4, List.of(), List.of(0));
  private static final TableStatistics STATS = new TableStatistics(1, (long) ROWS, 24, 0,
      List.of(numeric(), numeric(), new ColumnStatistics(0, "a", "z", 1_000, null, List.of(), List.of())));
  private static final List<Integer> COLUMNS = List.of(0, 1, 2);

  private static ColumnStatistics numeric() {
    List<Object> bounds = new ArrayList<>();
    for (int i = 0; i <= 32; i++) {
      bounds.add(1_000_000L * i / 32);
    }
    return new ColumnStatistics(0, 0L, 1_000_000L, 1_000_000, null, bounds, List.of());
  }

  private static PhysicalExpr compare(ScalarFunction function, int column, Object value) {
    ColumnType type = column == 2 ? ColumnType.varchar(8) : ColumnType.BIGINT;
    return new PhysicalExpr.Call(function, List.of(new PhysicalExpr.InputRef(column, type, true),
        new PhysicalExpr.Literal(value, type)), ColumnType.BOOLEAN, true);
  }

  private static PhysicalExpr and(PhysicalExpr... operands) {
    return new PhysicalExpr.Call(ScalarFunction.AND, List.of(operands), ColumnType.BOOLEAN, true);
  }

  private static double kept(PhysicalExpr filter, TableStatistics stats) {
    return ZoneMapPruning.keptFraction(filter, TABLE, COLUMNS, stats, ROWS, 4);
  }

  private static double groups() {
    return ZoneMapPruning.groupsPerPartition(ROWS, 4);
  }

  @Test
  void rangeOnTheSortKeyKeepsItsFractionPlusAnEdgeGroup() {
    // TS >= 900,000: 10% of the rows, contiguous in each partition.
    assertThat(kept(compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 0, 900_000L), STATS))
        .isCloseTo(0.1 + 1 / groups(), within(1e-6));
    // Both bounds on the sort key intersect: 25% .. 30%.
    assertThat(kept(and(compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 0, 250_000L),
        compare(ScalarFunction.LESS_THAN, 0, 300_000L)), STATS)).isCloseTo(0.05 + 1 / groups(), within(1e-6));
    // Literal on the left is flipped: 900,000 <= TS.
    assertThat(kept(new PhysicalExpr.Call(ScalarFunction.LESS_THAN_OR_EQUAL, List.of(
        new PhysicalExpr.Literal(900_000L, ColumnType.BIGINT), new PhysicalExpr.InputRef(0, ColumnType.BIGINT, true)),
        ColumnType.BOOLEAN, true), STATS)).isCloseTo(0.1 + 1 / groups(), within(1e-6));
  }

  @Test
  void predicateOnAnUnsortedColumnKeepsEveryGroup() {
    assertThat(kept(compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 1, 900_000L), STATS)).isGreaterThan(0.999);
    // A rare value (8 of 8M rows) spread over the table: a group is kept if it may hold one of them.
    assertThat(kept(compare(ScalarFunction.EQUALS, 1, 5L), STATS))
        .isCloseTo(1 - Math.pow(1 - 1e-6, ZoneMapPruning.ROW_GROUP_ROWS), within(1e-6));
    // Strings: equality only; a range on a string is not pruned by the storage at all.
    assertThat(kept(compare(ScalarFunction.LESS_THAN, 2, "b"), STATS)).isEqualTo(1);
  }

  @Test
  void sortedAndUnsortedCombine() {
    double sorted = kept(compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 0, 900_000L), STATS);
    assertThat(kept(and(compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 0, 900_000L),
        compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 1, 500_000L)), STATS)).isCloseTo(sorted, within(1e-6));
  }

  @Test
  void outsideMinMaxKeepsNothing() {
    assertThat(kept(compare(ScalarFunction.GREATER_THAN, 0, 2_000_000L), STATS)).isZero();
    assertThat(kept(compare(ScalarFunction.EQUALS, 1, -5L), STATS)).isZero();
    assertThat(kept(and(compare(ScalarFunction.EQUALS, 0, 5L), compare(ScalarFunction.EQUALS, 0, 6L)), STATS))
        .isZero();
  }

  @Test
  void withoutUsablePredicateOrStatistics() {
    assertThat(kept(null, STATS)).isEqualTo(1);
    // A comparison between two columns gives the zone maps nothing.
    assertThat(kept(new PhysicalExpr.Call(ScalarFunction.LESS_THAN, List.of(
        new PhysicalExpr.InputRef(0, ColumnType.BIGINT, true), new PhysicalExpr.InputRef(1, ColumnType.BIGINT, true)),
        ColumnType.BOOLEAN, true), STATS)).isEqualTo(1);
    // No statistics: the default range selectivity (1/3) on the sort key.
    assertThat(kept(compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 0, 900_000L), null))
        .isCloseTo(Selectivity.RANGE + 1 / groups(), within(1e-6));
  }

  @Test
  void withoutSortKeyThePrimaryKeyOrdersThePartition() {
    TableDef keyed = new TableDef(1, "K", TABLE.columns(), List.of(1), List.of(1), 4, List.of(), List.of());
    assertThat(ZoneMapPruning.keptFraction(compare(ScalarFunction.GREATER_THAN_OR_EQUAL, 1, 900_000L), keyed,
        COLUMNS, STATS, ROWS, 4)).isCloseTo(0.1 + 1 / groups(), within(1e-6));
  }
}
