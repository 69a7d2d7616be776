package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.QuaverException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Calcite's errors reach the user as QuaverExceptions with the right SQLSTATE and position. */
class PlannerErrorTest {
  private final Planner planner = new Planner(PlannerFixture.catalog());

  private static void assertState(ThrowingCallable call, String sqlState, int position) {
    assertThatThrownBy(call).isInstanceOfSatisfying(QuaverException.class, e -> {
      org.assertj.core.api.Assertions.assertThat(e.sqlState()).as(e.getMessage()).isEqualTo(sqlState);
      if (position > 0) {
        org.assertj.core.api.Assertions.assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
      }
    });
  }

  @Test
  void unknownTable() {
    assertState(() -> planner.prepare("SELECT * FROM nope"), "42P01", 15);
  }

  @Test
  void unknownColumn() {
    assertState(() -> planner.prepare("SELECT a, nope FROM t1"), "42703", 11);
  }

  @Test
  void ambiguousColumn() {
    assertState(() -> planner.prepare("SELECT a FROM t1, t1 AS u"), "42702", 8);
  }

  @Test
  void unknownFunction() {
    assertState(() -> planner.prepare("SELECT nofunc(a) FROM t1"), "42883", 8);
  }

  @Test
  void typeMismatch() {
    assertState(() -> planner.prepare("SELECT a FROM t1 WHERE d = TRUE"), "42703", 0);
    assertState(() -> planner.prepare("SELECT * FROM t2 WHERE d + TRUE > 1"), "42804", 0);
  }

  @Test
  void groupingError() {
    assertState(() -> planner.prepare("SELECT a, COUNT(*) FROM t1 GROUP BY b"), "42803", 8);
  }

  @Test
  void syntaxError() {
    assertState(() -> planner.prepare("SELECT FROM WHERE"), "42601", 0);
  }

  @Test
  void notNullColumnWithoutDefault() {
    assertState(() -> planner.prepare("INSERT INTO t1 (b) VALUES (1)"), "23502", 0);
  }

  @Test
  void nonBooleanWhere() {
    assertState(() -> planner.prepare("SELECT a FROM t1 WHERE a + 1"), "42804", 0);
  }

  @Test
  void integerIntoBooleanColumn() {
    InMemoryCatalog catalog = PlannerFixture.catalog();
    catalog.createTable(TestTables.table("TB", java.util.List.of(
        new dev.quaver.storage.catalog.ColumnDef("F", dev.quaver.type.ColumnType.BOOLEAN, true, null)),
        java.util.List.of()));
    Planner withBoolean = new Planner(catalog);
    assertState(() -> withBoolean.prepare("INSERT INTO tb VALUES (5)"), "42804", 0);
    assertState(() -> withBoolean.prepare("UPDATE tb SET f = 1"), "42804", 0);
    withBoolean.prepare("INSERT INTO tb VALUES (TRUE), (NULL)");
  }

  @Test
  void groupingSetsAreNotSupported() {
    assertState(() -> planner.prepare("SELECT a, b, COUNT(*) FROM t1 GROUP BY ROLLUP(a, b)"), "0A000", 0);
  }
}
