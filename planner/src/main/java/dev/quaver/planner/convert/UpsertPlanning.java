package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalReindex;
import dev.quaver.planner.sql.dml.SqlQuaverInsert;
import dev.quaver.planner.sql.dml.SqlQuaverReindex;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * The planning of Quaver's INSERT conflict clauses and REINDEX. An INSERT with a conflict clause
 * validates and converts like any INSERT; {@link #withConflictAction} then puts the clause's
 * action on the PhysicalInsert (the storage resolves conflicts at commit). REINDEX needs no
 * Calcite: {@link #reindex} resolves its name against the catalog. Stateless.
 */
public final class UpsertPlanning {
  private static final List<Field> COUNT_FIELDS = List.of(new Field("ROWS", ColumnType.BIGINT, false));

  private UpsertPlanning() {}

  /**
   * {@code physical} with the conflict action of {@code statement} when it is an INSERT with a
   * conflict clause, else {@code physical} unchanged. Checks an ON CONFLICT column list: unknown
   * columns are 42703, a list that is not the primary key or a UNIQUE index is 42P10; only
   * conflicts on that key are then resolved (a conflict on another key is 23505, as in
   * PostgreSQL).
   */
  public static PhysicalNode withConflictAction(SqlNode statement, PhysicalNode physical) {
    if (!(statement instanceof SqlQuaverInsert insert) || !(physical instanceof PhysicalInsert plain)) {
      return physical;
    }
    List<Integer> columns = insert.conflictTarget() == null
        ? List.of() : conflictColumns(plain.table(), insert.conflictTarget().getList());
    return plain.withConflict(insert.action(), columns);
  }

  /** The indexes REINDEX rebuilds: one index, all of one table, or all (no name). */
  public static PhysicalReindex reindex(SqlQuaverReindex statement, Catalog catalog) {
    List<PhysicalReindex.Target> targets = new ArrayList<>();
    SqlIdentifier identifier = statement.name();
    if (identifier == null) {
      for (TableDef table : catalog.tables()) {
        addAll(table, targets);
      }
      return new PhysicalReindex(targets, COUNT_FIELDS, Distribution.single());
    }
    String name = simpleName(identifier);
    if (statement.target() != SqlQuaverReindex.Target.TABLE) {
      Optional<TableDef> owner = catalog.tableOfIndex(name);
      if (owner.isPresent()) {
        targets.add(new PhysicalReindex.Target(owner.get(), name));
        return new PhysicalReindex(targets, COUNT_FIELDS, Distribution.single());
      }
      if (statement.target() == SqlQuaverReindex.Target.INDEX) {
        throw QuaverException.of(ErrorCode.UNDEFINED_OBJECT, "index \"%s\" does not exist", name);
      }
    }
    TableDef table = catalog.table(name).orElseThrow(() -> statement.target() == SqlQuaverReindex.Target.TABLE
        ? QuaverException.of(ErrorCode.UNDEFINED_TABLE, "table \"%s\" does not exist", name)
        : QuaverException.of(ErrorCode.UNDEFINED_OBJECT, "no index or table named \"%s\" to reindex", name));
    addAll(table, targets);
    return new PhysicalReindex(targets, COUNT_FIELDS, Distribution.single());
  }

  private static void addAll(TableDef table, List<PhysicalReindex.Target> targets) {
    for (IndexDef index : table.indexes()) {
      targets.add(new PhysicalReindex.Target(table, index.name()));
    }
  }

  /** The object name of {@code name} or {@code PUBLIC.name} (Quaver's one schema). */
  private static String simpleName(SqlIdentifier identifier) {
    if (identifier.names.size() == 2 && identifier.names.get(0).equalsIgnoreCase("PUBLIC")) {
      return identifier.names.get(1);
    }
    if (identifier.names.size() != 1) {
      throw QuaverException.of(ErrorCode.UNDEFINED_OBJECT, "no index or table named \"%s\" to reindex", identifier);
    }
    return identifier.getSimple();
  }

  /** The ordinals of the ON CONFLICT columns, which must be the primary key or a UNIQUE index. */
  private static List<Integer> conflictColumns(TableDef table, List<SqlNode> columns) {
    TreeSet<Integer> target = new TreeSet<>();
    List<String> names = new ArrayList<>();
    for (SqlNode column : columns) {
      String name = ((SqlIdentifier) column).getSimple();
      names.add(name);
      target.add(table.columnIndex(name).orElseThrow(() -> QuaverException.of(ErrorCode.UNDEFINED_COLUMN,
          "column \"%s\" of relation \"%s\" does not exist", name, table.name())));
    }
    if (table.hasPrimaryKey() && target.equals(new TreeSet<>(table.primaryKey()))) {
      return List.copyOf(target);
    }
    for (IndexDef index : table.indexes()) {
      if (index.unique() && target.equals(new TreeSet<>(index.columns()))) {
        return List.copyOf(target);
      }
    }
    throw QuaverException.of(ErrorCode.INVALID_COLUMN_REFERENCE,
        "there is no unique constraint matching the ON CONFLICT specification (%s) of table \"%s\"",
        String.join(", ", names), table.name());
  }
}
