package dev.quaver.jdbc;

import dev.quaver.protocol.CatalogInfo;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.IndexInfo;
import dev.quaver.protocol.TableInfo;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the DatabaseMetaData result sets from one CATALOG_INFO snapshot, filtered and ordered as
 * the JDBC Javadoc says: a null pattern matches everything, {@code %} and {@code _} are LIKE
 * wildcards ({@code \} escapes them), a non-empty catalog matches nothing (Quaver has none), and
 * table names in getPrimaryKeys/getIndexInfo are exact. Tables live in schema PUBLIC, system
 * tables (TABLE_TYPE "SYSTEM TABLE") in schema SYS. Immutable.
 */
final class MetadataResults {
  private final CatalogInfo catalog;

  MetadataResults(CatalogInfo catalog) {
    this.catalog = catalog;
  }

  ResultSet tables(String catalogName, String schemaPattern, String tablePattern, String[] types) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> wanted = types == null ? null : Arrays.asList(types);
    for (TableInfo table : matchingTables(catalogName, schemaPattern, tablePattern, true)) {
      String type = table.tableType();
      if (wanted == null || wanted.contains(type)) {
        rows.add(Arrays.asList(null, table.schema(), table.name(), type, "", null, null, null, null, null));
      }
    }
    rows.sort(Comparator.comparing((List<Object> row) -> (String) row.get(3))
        .thenComparing(row -> (String) row.get(1)).thenComparing(row -> (String) row.get(2)));
    return result(MetadataColumns.TABLES, rows);
  }

  ResultSet columns(String catalogName, String schemaPattern, String tablePattern, String columnPattern) {
    List<List<Object>> rows = new ArrayList<>();
    Pattern columnRegex = like(columnPattern);
    for (TableInfo table : matchingTables(catalogName, schemaPattern, tablePattern, true)) {
      for (int i = 0; i < table.columns().size(); i++) {
        ColumnInfo column = table.columns().get(i);
        if (columnRegex != null && !columnRegex.matcher(column.name()).matches()) {
          continue;
        }
        ColumnType type = column.type();
        Integer scale = type.type().isNumeric() || type.type() == SqlType.TIME || type.type() == SqlType.TIMESTAMP
            ? TypeDescriptions.scale(type) : null;
        Integer octets = type.type().isCharacter()
            ? (int) Math.min(Integer.MAX_VALUE, type.length() * 4L) : null;
        rows.add(Arrays.asList(null, table.schema(), table.name(), column.name(),
            type.type().jdbcType(), TypeDescriptions.typeName(type), TypeDescriptions.precision(type), null,
            scale, TypeDescriptions.radix(type.type()),
            column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
            "", table.columnDefaults().get(i), null, null, octets, i + 1, column.nullable() ? "YES" : "NO",
            null, null, null, null, column.origin().autoIncrement() ? "YES" : "NO", "NO"));
      }
    }
    return result(MetadataColumns.COLUMNS, rows);
  }

  ResultSet primaryKeys(String catalogName, String schema, String tableName) {
    List<List<Object>> rows = new ArrayList<>();
    for (TableInfo table : exactTables(catalogName, schema, tableName)) {
      for (int i = 0; i < table.primaryKey().size(); i++) {
        String column = table.columns().get(table.primaryKey().get(i)).name();
        rows.add(Arrays.asList(null, table.schema(), table.name(), column, (short) (i + 1),
            table.name() + "_PK"));
      }
    }
    rows.sort(Comparator.comparing(row -> (String) row.get(3)));
    return result(MetadataColumns.PRIMARY_KEYS, rows);
  }

  ResultSet indexInfo(String catalogName, String schema, String tableName, boolean uniqueOnly) {
    List<List<Object>> rows = new ArrayList<>();
    for (TableInfo table : exactTables(catalogName, schema, tableName)) {
      List<IndexInfo> indexes = new ArrayList<>();
      if (!table.primaryKey().isEmpty()) {
        indexes.add(new IndexInfo(table.name() + "_PK", true, table.primaryKey()));
      }
      indexes.addAll(table.indexes());
      for (IndexInfo index : indexes) {
        if (uniqueOnly && !index.unique()) {
          continue;
        }
        for (int i = 0; i < index.columns().size(); i++) {
          rows.add(Arrays.asList(null, table.schema(), table.name(), !index.unique(), null,
              index.name(), DatabaseMetaData.tableIndexOther, (short) (i + 1),
              table.columns().get(index.columns().get(i)).name(), "A", null, null, null));
        }
      }
    }
    rows.sort(Comparator.comparing((List<Object> row) -> (Boolean) row.get(3))
        .thenComparing(row -> (String) row.get(5)).thenComparing(row -> (Short) row.get(7)));
    return result(MetadataColumns.INDEX_INFO, rows);
  }

  ResultSet bestRowIdentifier(String catalogName, String schema, String tableName) {
    List<List<Object>> rows = new ArrayList<>();
    for (TableInfo table : exactTables(catalogName, schema, tableName)) {
      for (int ordinal : table.primaryKey()) {
        ColumnInfo column = table.columns().get(ordinal);
        rows.add(Arrays.asList((short) DatabaseMetaData.bestRowSession, column.name(), column.type().type().jdbcType(),
            TypeDescriptions.typeName(column.type()), TypeDescriptions.precision(column.type()), null,
            (short) TypeDescriptions.scale(column.type()), (short) DatabaseMetaData.bestRowNotPseudo));
      }
    }
    return result(MetadataColumns.BEST_ROW_IDENTIFIER, rows);
  }

  /** PUBLIC (tables and views) and SYS (system tables), in that order (ordered by name). */
  static ResultSet schemas(String catalogName, String schemaPattern) {
    List<List<Object>> rows = new ArrayList<>();
    for (String schema : List.of(QuaverDatabaseMetaData.SCHEMA, TableInfo.SYSTEM_SCHEMA)) {
      if (catalogMatches(catalogName) && matches(like(schemaPattern), schema)) {
        rows.add(Arrays.asList(schema, null));
      }
    }
    return result(MetadataColumns.SCHEMAS, rows);
  }

  /** The client-info properties a tool may set (Connection.setClientInfo). */
  static ResultSet clientInfoProperties() {
    return result(MetadataColumns.CLIENT_INFO_PROPERTIES, List.of(Arrays.asList(
        QuaverConnection.APPLICATION_NAME, 255, "", "the application's name; also the applicationName connection property")));
  }

  static ResultSet catalogs() {
    return result(MetadataColumns.CATALOGS, List.of());
  }

  static ResultSet tableTypes() {
    return result(MetadataColumns.TABLE_TYPES,
        List.of(List.of("SYSTEM TABLE"), List.of("TABLE"), List.of("VIEW")));
  }

  static ResultSet typeInfo() {
    List<List<Object>> rows = new ArrayList<>();
    for (SqlType type : SqlType.values()) {
      if (!type.isStorable()) {
        continue;
      }
      ColumnType widest = type == SqlType.DECIMAL ? ColumnType.decimal(ColumnType.MAX_DECIMAL_PRECISION, 0)
          : type.isCharacter() ? new ColumnType(type, ColumnType.UNBOUNDED_LENGTH, 0) : ColumnType.of(type);
      String quote = type.isCharacter() || type.isDatetime() ? "'" : null;
      String prefix = type.isDatetime() ? type.sqlName() + " '" : quote;
      String createParams = type == SqlType.DECIMAL ? "precision,scale" : type.isCharacter() ? "length" : null;
      rows.add(Arrays.asList(type.sqlName(), type.jdbcType(), TypeDescriptions.precision(widest), prefix, quote,
          createParams, (short) DatabaseMetaData.typeNullable, type.isCharacter(),
          (short) DatabaseMetaData.typeSearchable, !type.isNumeric() ? null : false, false, false, type.sqlName(),
          (short) 0, (short) (type == SqlType.DECIMAL ? ColumnType.MAX_DECIMAL_PRECISION : TypeDescriptions.scale(widest)),
          null, null, TypeDescriptions.radix(type)));
    }
    rows.sort(Comparator.comparing(row -> (Integer) row.get(1)));
    return result(MetadataColumns.TYPE_INFO, rows);
  }

  static ResultSet empty(List<ColumnInfo> columns) {
    return result(columns, List.of());
  }

  /** The (column-less, row-less) result of getGeneratedKeys. */
  static ResultSet empty(QuaverStatement statement) {
    return new QuaverResultSet(statement, List.of(), new MemoryRows(null), 1, 0);
  }

  private static ResultSet result(List<ColumnInfo> columns, List<? extends List<?>> rows) {
    List<ColumnType> types = new ArrayList<>();
    for (ColumnInfo column : columns) {
      types.add(column.type());
    }
    ColumnBatch batch = ColumnBatch.ofRows(types, rows);
    return new QuaverResultSet(null, columns, new MemoryRows(batch), Math.max(1, rows.size()), 0);
  }

  private List<TableInfo> matchingTables(String catalogName, String schemaPattern, String tablePattern, boolean isPattern) {
    List<TableInfo> tables = new ArrayList<>();
    if (!catalogMatches(catalogName)) {
      return tables;
    }
    Pattern schemaRegex = like(schemaPattern);
    Pattern tableRegex = like(tablePattern);
    for (TableInfo table : catalog.tables()) {
      if (matches(schemaRegex, table.schema()) && matches(tableRegex, table.name())) {
        tables.add(table);
      }
    }
    return tables;
  }

  private List<TableInfo> exactTables(String catalogName, String schema, String tableName) {
    List<TableInfo> tables = new ArrayList<>();
    if (!catalogMatches(catalogName)) {
      return tables;
    }
    for (TableInfo table : catalog.tables()) {
      if ((schema == null || schema.equals(table.schema())) && (tableName == null || table.name().equals(tableName))) {
        tables.add(table);
      }
    }
    return tables;
  }

  /** null or "" match (our tables have no catalog); any other name matches nothing. */
  private static boolean catalogMatches(String catalogName) {
    return catalogName == null || catalogName.isEmpty();
  }

  private static boolean matches(Pattern pattern, String name) {
    return pattern == null || pattern.matcher(name).matches();
  }

  /** A LIKE pattern as a regex, or null for "match all" (a null pattern). */
  static Pattern like(String pattern) {
    if (pattern == null) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
