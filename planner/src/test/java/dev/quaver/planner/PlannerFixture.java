package dev.quaver.planner;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.type.ColumnType;
import java.util.List;

/** A small schema shared by planner tests: T1 with a primary key, T2 without, a view, a DEFAULT column. */
final class PlannerFixture {
  private PlannerFixture() {}

  static InMemoryCatalog catalog() {
    InMemoryCatalog catalog = new InMemoryCatalog();
    catalog.createTable(TestTables.table("T1", List.of(
        new ColumnDef("A", ColumnType.INTEGER, false, null),
        new ColumnDef("B", ColumnType.INTEGER, true, null),
        new ColumnDef("C", ColumnType.varchar(20), true, null)), List.of(0)));
    catalog.createTable(TestTables.table("T2", List.of(
        new ColumnDef("X", ColumnType.BIGINT, true, null),
        new ColumnDef("Y", ColumnType.decimal(10, 2), true, null),
        new ColumnDef("Z", ColumnType.character(5), true, "'zz'"),
        new ColumnDef("D", ColumnType.DATE, true, null)), List.of()));
    catalog.createView(new dev.quaver.storage.catalog.ViewDef("V1", "SELECT A, B + 1 AS BB FROM T1 WHERE A > 0",
        List.of()));
    return catalog;
  }
}
