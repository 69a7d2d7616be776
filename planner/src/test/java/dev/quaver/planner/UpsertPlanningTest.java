package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalReindex;
import dev.quaver.storage.ConflictAction;
import dev.quaver.storage.catalog.IndexDef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT conflict clauses, REINDEX and the empty IN list, planned. */
class UpsertPlanningTest {
  private final InMemoryCatalog catalog = PlannerFixture.catalog();
  private final Planner planner = new Planner(catalog);

  @Test
  void conflictClausesSetTheInsertsConflictAction() {
    assertThat(conflict("INSERT INTO t1 VALUES (1, 2, 'x')")).isEqualTo(ConflictAction.ERROR);
    assertThat(conflict("REPLACE INTO t1 VALUES (1, 2, 'x')")).isEqualTo(ConflictAction.REPLACE);
    assertThat(conflict("INSERT OR REPLACE INTO t1 (a) SELECT b FROM t1")).isEqualTo(ConflictAction.REPLACE);
    assertThat(conflict("INSERT OR IGNORE INTO t2 (x) VALUES (1)")).isEqualTo(ConflictAction.IGNORE);
    assertThat(conflict("INSERT INTO t1 VALUES (1, 2, 'x') ON CONFLICT DO NOTHING")).isEqualTo(ConflictAction.IGNORE);
    assertThat(conflict("INSERT INTO t1 VALUES (1, 2, 'x') ON CONFLICT (a) DO NOTHING"))
        .isEqualTo(ConflictAction.IGNORE);
  }

  @Test
  void onConflictColumnsMustBeAUniqueKey() {
    assertCode("INSERT INTO t1 VALUES (1, 2, 'x') ON CONFLICT (b) DO NOTHING", ErrorCode.INVALID_COLUMN_REFERENCE);
    assertCode("INSERT INTO t1 VALUES (1, 2, 'x') ON CONFLICT (nope) DO NOTHING", ErrorCode.UNDEFINED_COLUMN);
    catalog.createIndex("T1", new IndexDef("T1_BC", List.of(1, 2), true));
    PhysicalInsert insert = (PhysicalInsert) planner.prepare(
        "INSERT INTO t1 VALUES (1, 2, 'x') ON CONFLICT (c, b) DO NOTHING").root();
    assertThat(insert.conflict()).isEqualTo(ConflictAction.IGNORE);
    assertThat(insert.conflictColumns()).containsExactly(1, 2);
    assertThat(((PhysicalInsert) planner.prepare("INSERT OR IGNORE INTO t1 VALUES (1, 2, 'x')").root())
        .conflictColumns()).isEmpty();
  }

  @Test
  void reindexResolvesIndexesAndTables() {
    catalog.createIndex("T1", new IndexDef("T1_B", List.of(1), false));
    catalog.createIndex("T2", new IndexDef("T2_X", List.of(0), true));
    assertThat(targets("REINDEX t1_b")).containsExactly("T1.T1_B");
    assertThat(targets("REINDEX INDEX t2_x")).containsExactly("T2.T2_X");
    assertThat(targets("REINDEX t2")).containsExactly("T2.T2_X");
    assertThat(targets("REINDEX TABLE public.t1")).containsExactly("T1.T1_B");
    assertThat(targets("REINDEX")).containsExactlyInAnyOrder("T1.T1_B", "T2.T2_X");
    assertThat(planner.prepare("REINDEX").kind()).isEqualTo(PreparedPlan.Kind.DML);
    assertCode("REINDEX txix", ErrorCode.UNDEFINED_OBJECT);
    assertCode("REINDEX INDEX t1", ErrorCode.UNDEFINED_OBJECT);
    assertCode("REINDEX TABLE t1_b", ErrorCode.UNDEFINED_TABLE);
  }

  @Test
  void emptyInListIsFalseAndEmptyNotInIsTrue() {
    // IN () folds to FALSE: the scan disappears. NOT IN () is "b IS NULL OR TRUE" (always TRUE).
    PhysicalNode in = planner.prepare("SELECT a FROM t1 WHERE b IN ()").root();
    assertThat(describe(in)).doesNotContain("TableScan");
    assertThat(describe(planner.prepare("SELECT a FROM t1 WHERE b NOT IN ()").root())).contains("TableScan");
    assertThat(planner.prepare("SELECT NULL IN (), NULL NOT IN (), 1 IN () FROM t1").resultFields()).hasSize(3);
    assertCode("SELECT a FROM t1 WHERE nope IN ()", ErrorCode.UNDEFINED_COLUMN);
  }

  private ConflictAction conflict(String sql) {
    return ((PhysicalInsert) planner.prepare(sql).root()).conflict();
  }

  private List<String> targets(String sql) {
    return ((PhysicalReindex) planner.prepare(sql).root()).indexes().stream()
        .map(t -> t.table().name() + "." + t.index()).toList();
  }

  private static String describe(PhysicalNode node) {
    StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
    for (PhysicalNode input : node.inputs()) {
      out.append('(').append(describe(input)).append(')');
    }
    return out.toString();
  }

  private void assertCode(String sql, ErrorCode code) {
    assertThatThrownBy(() -> planner.prepare(sql)).as(sql).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }
}
