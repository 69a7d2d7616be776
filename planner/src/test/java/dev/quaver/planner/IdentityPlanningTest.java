package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.Identity;
import dev.quaver.type.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * INSERTs into identity columns: a left-out (or DEFAULT) identity column plans with NULL, which
 * storage replaces at commit; a value for a GENERATED ALWAYS column is 428C9; a BY DEFAULT column
 * takes explicit values.
 */
class IdentityPlanningTest {
  private final Planner planner = new Planner(catalog());

  private static InMemoryCatalog catalog() {
    InMemoryCatalog catalog = PlannerFixture.catalog();
    catalog.createTable(TestTables.table("IA", List.of(
        new ColumnDef("ID", ColumnType.BIGINT, false, null, Identity.ALWAYS),
        new ColumnDef("V", ColumnType.varchar(10), true, null)), List.of(0)));
    catalog.createTable(TestTables.table("IB", List.of(
        new ColumnDef("ID", ColumnType.INTEGER, false, null, Identity.BY_DEFAULT),
        new ColumnDef("V", ColumnType.varchar(10), true, null)), List.of()));
    return catalog;
  }

  @Test
  void leftOutOrDefaultIdentityColumnsPlan() {
    assertThat(planner.prepare("INSERT INTO ia (v) VALUES ('a')").kind()).isEqualTo(PreparedPlan.Kind.DML);
    assertThat(planner.prepare("INSERT INTO ib VALUES (DEFAULT, 'a')").kind()).isEqualTo(PreparedPlan.Kind.DML);
    assertThat(planner.prepare("INSERT INTO ib (v) VALUES ('a'), ('b')").kind()).isEqualTo(PreparedPlan.Kind.DML);
    assertThat(planner.prepare("INSERT INTO ib VALUES (7, 'a')").kind()).isEqualTo(PreparedPlan.Kind.DML);
    assertThat(planner.prepare("INSERT INTO ib (v) SELECT v FROM ia").kind()).isEqualTo(PreparedPlan.Kind.DML);
    assertThat(planner.prepare("UPDATE ia SET v = 'x'").kind()).isEqualTo(PreparedPlan.Kind.DML);
    assertThat(planner.prepare("UPDATE ib SET id = id + 1").kind()).isEqualTo(PreparedPlan.Kind.DML);
  }

  @Test
  void valuesForGeneratedAlwaysColumnsAre428C9() {
    for (String sql : List.of("INSERT INTO ia VALUES (5, 'a')", "INSERT INTO ia (id, v) VALUES (5, 'a')",
        "INSERT INTO ia (id, v) SELECT id, v FROM ib", "UPDATE ia SET id = id + 1", "UPDATE ia SET v = 'x', id = 3")) {
      assertThatThrownBy(() -> planner.prepare(sql)).as(sql)
          .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.sqlState()).isEqualTo("428C9"));
    }
  }
}
