package dev.quaver.planner.sql;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.sql.ddl.SqlCreateQuaverTrigger;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.TriggerDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE TRIGGER to {@link DdlCommand.CreateTrigger}: checks the table (42P01 when missing; a
 * view is rejected: BEFORE/AFTER triggers need a table (42809) and INSTEAD OF triggers on views
 * are not supported (0A000); INSTEAD OF on a table is 42809), the UPDATE OF columns (42703), the
 * kind of each body statement (INSERT, UPDATE, DELETE or a query, else 0A000) and every NEW/OLD
 * reference ({@link TriggerStatements}). Other names in the body are resolved when the trigger
 * fires, as in SQLite. Thread safety: stateless.
 */
final class TriggerConverter {
  private TriggerConverter() {}

  static DdlCommand convert(SqlCreateQuaverTrigger create, Catalog catalog) {
    String name = DdlConverter.simpleName(create.name());
    if (create.getReplace()) {
      throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
          "CREATE OR REPLACE TRIGGER is not supported (trigger %s)", name);
    }
    String tableName = DdlConverter.simpleName(create.table());
    TriggerDef.Timing timing = TriggerDef.Timing.valueOf(create.timing());
    TriggerDef.Event event = TriggerDef.Event.valueOf(create.event());
    TableDef table = table(catalog, name, tableName, timing);
    List<String> columns = new ArrayList<>();
    for (SqlNode node : create.columns()) {
      String column = ((SqlIdentifier) node).getSimple();
      if (table.columnIndex(column).isEmpty()) {
        throw QuaverException.of(ErrorCode.UNDEFINED_COLUMN,
            "column %s of UPDATE OF in trigger %s does not exist in table %s", column, name, tableName);
      }
      if (!columns.contains(column)) {
        columns.add(column);
      }
    }
    String when = null;
    if (create.when() != null) {
      when = DdlConverter.toSql(create.when());
      TriggerStatements.bindCondition(when, table, event);
    }
    List<String> body = new ArrayList<>();
    for (SqlNode statement : create.body()) {
      checkStatementKind(name, statement);
      String sql = DdlConverter.toSql(statement);
      TriggerStatements.bindStatement(sql, table, event);
      body.add(sql);
    }
    TriggerDef trigger = new TriggerDef(name, tableName, timing, event, columns, when, body);
    return new DdlCommand.CreateTrigger(trigger, create.ifNotExists);
  }

  private static TableDef table(Catalog catalog, String name, String tableName,
      TriggerDef.Timing timing) {
    TableDef table = catalog.table(tableName).orElse(null);
    if (table == null) {
      if (catalog.view(tableName).isEmpty()) {
        throw QuaverException.of(ErrorCode.UNDEFINED_TABLE, "table %s does not exist", tableName);
      }
      if (timing == TriggerDef.Timing.INSTEAD_OF) {
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
            "INSTEAD OF triggers on views are not supported (trigger %s on view %s)", name, tableName);
      }
      throw QuaverException.of(ErrorCode.WRONG_OBJECT_TYPE,
          "cannot create %s trigger %s on view %s: BEFORE and AFTER triggers need a table",
          timing, name, tableName);
    }
    if (timing == TriggerDef.Timing.INSTEAD_OF) {
      throw QuaverException.of(ErrorCode.WRONG_OBJECT_TYPE,
          "cannot create INSTEAD OF trigger %s on table %s: INSTEAD OF triggers are only for views",
          name, tableName);
    }
    return table;
  }

  private static void checkStatementKind(String name, SqlNode statement) {
    SqlKind kind = statement.getKind();
    if (kind == SqlKind.INSERT || kind == SqlKind.UPDATE || kind == SqlKind.DELETE
        || SqlKind.QUERY.contains(kind)) {
      return;
    }
    throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
        "trigger %s: only INSERT, UPDATE, DELETE and SELECT statements may appear in a trigger body, not %s",
        name, kind);
  }
}
