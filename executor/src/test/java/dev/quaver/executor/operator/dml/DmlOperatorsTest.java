package dev.quaver.executor.operator.dml;

import static dev.quaver.type.ColumnType.BIGINT;
import static dev.quaver.type.ColumnType.BOOLEAN;
import static dev.quaver.type.ColumnType.INTEGER;
import static dev.quaver.type.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.ExecutorTestBase;
import dev.quaver.executor.QueryExecution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalDelete;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalUpdate;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmlOperatorsTest extends ExecutorTestBase {
  private static final List<Field> COUNT = List.of(field("rows", BIGINT));
  private static final List<Field> COLUMNS = List.of(field("ID", INTEGER), field("NAME", TEXT), field("OK", BOOLEAN));

  private long run(PhysicalNode node) {
    try (QueryExecution execution = executor.execute(dmlPlan(node), List.of())) {
      assertThat(execution.returnsRows()).isFalse();
      return execution.updateCount();
    }
  }

  private TableDef t() {
    return table("T", COLUMNS);
  }

  @Test
  void insertWritesAllRowsInOneCommit() {
    TableDef table = t();
    PhysicalNode rows = values(COLUMNS, new Object[] {1, "a", true}, new Object[] {2, "b", false},
        new Object[] {3, null, true}, new Object[] {4, "d", null});
    assertThat(run(new PhysicalInsert(table, rows, COUNT, SINGLE, 1))).isEqualTo(4);
    assertThat(storage.commits).isEqualTo(1);
    assertThat(storage.rows("T")).extracting(r -> r[0]).containsExactly(1, 2, 3, 4);
  }

  @Test
  void failingCommitLeavesNothing() {
    TableDef table = t();
    storage.failNextCommit();
    PhysicalNode rows = values(COLUMNS, new Object[] {1, "a", true}, new Object[] {2, "b", false},
        new Object[] {3, "c", true}, new Object[] {4, "d", true});
    assertThatThrownBy(() -> run(new PhysicalInsert(table, rows, COUNT, SINGLE, 1)))
        .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION));
    assertThat(storage.rows("T")).isEmpty();
  }

  @Test
  void updateReplacesRowsByKey() {
    TableDef table = table("T", COLUMNS, new Object[] {1, "a", true}, new Object[] {2, "b", false},
        new Object[] {3, "c", true});
    // new row = (ID, 'z', OK) for rows where OK, then the row key
    PhysicalNode scan = scan(table, true, ref(2, BOOLEAN));
    PhysicalNode project = new PhysicalProject(scan,
        List.of(ref(0, INTEGER), literal("z", TEXT), ref(2, BOOLEAN), ref(3, TEXT)),
        List.of(COLUMNS.get(0), COLUMNS.get(1), COLUMNS.get(2), field("$rowkey", TEXT)), SINGLE, 2);
    assertThat(run(new PhysicalUpdate(table, project, COUNT, SINGLE, 1))).isEqualTo(2);
    assertThat(storage.rows("T")).extracting(r -> r[1]).containsExactly("z", "b", "z");
  }

  @Test
  void deleteRemovesRowsByKey() {
    TableDef table = table("T", COLUMNS, new Object[] {1, "a", true}, new Object[] {2, "b", false},
        new Object[] {3, "c", true}, new Object[] {4, "d", true});
    assertThat(run(new PhysicalDelete(table, scan(table, true, ref(2, BOOLEAN)), COUNT, SINGLE, 1))).isEqualTo(3);
    assertThat(storage.rows("T")).extracting(r -> r[0]).containsExactly(2);
    assertThat(run(new PhysicalDelete(table, scan(table, true, ref(2, BOOLEAN)), COUNT, SINGLE, 1))).isZero();
  }
}
