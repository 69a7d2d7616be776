package dev.quaver.planner.logical;

import dev.quaver.planner.ColumnSource;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.system.SystemTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * The source table column of each result column of a validated query, from Calcite's
 * {@link SqlValidator#getFieldOrigins}: a select item that is a plain column reference of a
 * table (through aliases, ORDER BY, {@code *}) has one; expressions, aggregates, columns of
 * derived tables, VALUES and set operations have none. Views report no source (their columns
 * are not the base table's to write). Stateless.
 */
public final class FieldOrigins {
  private FieldOrigins() {}

  /** One entry per result column, null where the column is computed; never throws. */
  public static List<ColumnSource> of(SqlValidator validator, SqlNode validated, Catalog catalog, int columnCount) {
    List<ColumnSource> sources = new ArrayList<>(columnCount);
    List<List<String>> origins;
    try {
      origins = validator.getFieldOrigins(validated);
    } catch (RuntimeException | AssertionError e) {
      origins = List.of();
    }
    for (int i = 0; i < columnCount; i++) {
      sources.add(i < origins.size() ? source(origins.get(i), catalog) : null);
    }
    return sources;
  }

  /** {@code origin}: the table's qualified name then the column name, e.g. [SYS, TABLES, TABLE_NAME]. */
  private static ColumnSource source(List<String> origin, Catalog catalog) {
    if (origin == null || origin.size() < 2) {
      return null;
    }
    String columnName = origin.get(origin.size() - 1);
    String tableName = origin.get(origin.size() - 2);
    boolean isSystem = origin.size() >= 3 && SystemTable.SCHEMA.equals(origin.get(origin.size() - 3));
    Optional<TableDef> table = isSystem ? catalog.systemTables().table(tableName) : catalog.table(tableName);
    if (table.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    table.get().columns().forEach(column -> names.add(column.name()));
    int ordinal = names.indexOf(columnName);
    if (ordinal < 0) {
      return null;
    }
    return new ColumnSource(isSystem ? SystemTable.SCHEMA : StatementContext.PUBLIC_SCHEMA, table.get(), ordinal);
  }
}
