package dev.quaver.executor.operator.transform;

import static dev.quaver.type.ColumnType.BOOLEAN;
import static dev.quaver.type.ColumnType.INTEGER;
import static dev.quaver.type.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.ExecutorTestBase;
import dev.quaver.planner.physical.PhysicalFilter;
import dev.quaver.planner.physical.PhysicalLimit;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFilterProjectLimitTest extends ExecutorTestBase {
  private TableDef people() {
    return table("PEOPLE", List.of(field("ID", INTEGER), field("NAME", TEXT), field("ACTIVE", BOOLEAN)),
        new Object[] {1, "ann", true}, new Object[] {2, "bob", false}, new Object[] {3, null, null},
        new Object[] {4, "dan", true}, new Object[] {5, "eve", true}, new Object[] {6, "fay", false},
        new Object[] {7, "gus", true});
  }

  @Test
  void scanReturnsAllRowsOverSeveralBatches() {
    TableDef table = people();
    List<List<Object>> rows = query(scan(table, false, null));
    assertThat(rows).hasSize(7);
    assertThat(rows.get(2)).containsExactly(3, null, null);
  }

  @Test
  void scanFilterKeepsOnlyTrueRows() {
    TableDef table = people();
    List<List<Object>> rows = query(scan(table, false, ref(2, BOOLEAN)));
    assertThat(rows).extracting(r -> r.get(0)).containsExactly(1, 4, 5, 7);
  }

  @Test
  void filterAndProjectReorderColumns() {
    PhysicalTableScan scan = scan(people(), false, null);
    PhysicalFilter filter = new PhysicalFilter(scan, ref(2, BOOLEAN), SINGLE, 3);
    PhysicalProject project = new PhysicalProject(filter,
        List.of(ref(1, TEXT), ref(0, INTEGER), literal(42, INTEGER)),
        List.of(field("NAME", TEXT), field("ID", INTEGER), field("C", INTEGER)), SINGLE, 3);
    assertThat(query(project)).containsExactly(row("ann", 1, 42), row("dan", 4, 42), row("eve", 5, 42),
        row("gus", 7, 42));
  }

  @Test
  void limitWithOffsetCutsAcrossBatches() {
    PhysicalLimit limit = new PhysicalLimit(scan(people(), false, null), 2, 4, null, null, SINGLE, 4);
    assertThat(query(limit)).extracting(r -> r.get(0)).containsExactly(3, 4, 5, 6);
  }

  @Test
  void limitZeroAndOffsetPastEnd() {
    TableDef table = people();
    assertThat(query(new PhysicalLimit(scan(table, false, null), 0, 0, null, null, SINGLE, 0))).isEmpty();
    assertThat(query(new PhysicalLimit(scan(table, false, null), 10, -1, null, null, SINGLE, 0))).isEmpty();
  }

  @Test
  void limitFromParameters() {
    PhysicalLimit limit = new PhysicalLimit(scan(people(), false, null), 0, -1,
        new dev.quaver.planner.expr.PhysicalExpr.Parameter(0, INTEGER),
        new dev.quaver.planner.expr.PhysicalExpr.Parameter(1, INTEGER), SINGLE, 4);
    assertThat(query(limit, 5, 10)).extracting(r -> r.get(0)).containsExactly(6, 7);
  }

  @Test
  void valuesWithParameters() {
    var values = new dev.quaver.planner.physical.PhysicalValues(
        List.of(List.of(new dev.quaver.planner.expr.PhysicalExpr.Parameter(0, INTEGER), literal("x", TEXT))),
        List.of(field("A", INTEGER), field("B", TEXT)), SINGLE, 1);
    assertThat(query(values, 9)).containsExactly(row(9, "x"));
  }
}
