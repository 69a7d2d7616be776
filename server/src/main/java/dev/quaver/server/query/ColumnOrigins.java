package dev.quaver.server.query;

import dev.quaver.planner.ColumnSource;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.ColumnOrigin;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.system.SystemTables;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol's column origins (ResultSetMetaData.getTableName / getSchemaName /
 * isAutoIncrement / isWritable) of table columns and of a plan's result columns. Stateless.
 */
final class ColumnOrigins {
  private ColumnOrigins() {}

  /** The origin of column {@code ordinal} of {@code table} in {@code schema}. */
  static ColumnOrigin of(String schema, TableDef table, int ordinal) {
    ColumnDef column = table.columns().get(ordinal);
    boolean writable = !SystemTables.isSystem(table) && !Identities.isAlways(column);
    return new ColumnOrigin(schema, table.name(), column.name(), Identities.isIdentity(column), writable);
  }

  /** {@code columns} (the plan's result columns, in order) with the origins the plan knows. */
  static List<ColumnInfo> withOrigins(List<ColumnInfo> columns, PreparedPlan plan) {
    List<ColumnInfo> result = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ColumnInfo column = columns.get(i);
      ColumnSource source = plan.resultSource(i);
      result.add(source == null ? column : new ColumnInfo(column.name(), column.type(), column.nullable(),
          of(source.schema(), source.table(), source.column())));
    }
    return result;
  }
}
