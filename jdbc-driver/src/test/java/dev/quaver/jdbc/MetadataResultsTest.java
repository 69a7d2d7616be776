package dev.quaver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.protocol.CatalogInfo;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.ColumnOrigin;
import dev.quaver.protocol.TableInfo;
import dev.quaver.type.ColumnType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DatabaseMetaData results from a CATALOG_INFO snapshot: system tables (schema SYS, type SYSTEM
 * TABLE) filtered by schema and type, both schemas listed, identity columns auto-increment; and
 * ResultSetMetaData from column origins.
 */
class MetadataResultsTest {
  private static final ColumnInfo ID = new ColumnInfo("ID", ColumnType.BIGINT, false,
      new ColumnOrigin("PUBLIC", "T", "ID", true, false));
  private static final ColumnInfo NAME = new ColumnInfo("NAME", ColumnType.TEXT, true,
      new ColumnOrigin("SYS", "TABLES", "TABLE_NAME", false, false));

  private final MetadataResults results = new MetadataResults(new CatalogInfo(List.of(
      new TableInfo("T", false, List.of(ID), List.of(0), List.of()),
      new TableInfo("V", true, List.of(), List.of(), List.of()),
      new TableInfo("TABLES", false, List.of(NAME), List.of(), List.of(), null, "SYS", true))));

  @Test
  void systemTablesHaveTheirSchemaAndType() throws SQLException {
    assertThat(strings(results.tables(null, null, "%", null), 3, 2, 4))
        .containsExactly("TABLES SYS SYSTEM TABLE", "T PUBLIC TABLE", "V PUBLIC VIEW");
    assertThat(strings(results.tables(null, "SYS", null, null), 3)).containsExactly("TABLES");
    assertThat(strings(results.tables(null, null, null, new String[] {"SYSTEM TABLE"}), 3)).containsExactly("TABLES");
    assertThat(strings(results.tables(null, "PUB%", null, new String[] {"SYSTEM TABLE"}), 3)).isEmpty();
    assertThat(strings(results.columns(null, "SYS", "TABLES", null), 2, 4)).containsExactly("SYS NAME");
    assertThat(strings(MetadataResults.schemas(null, null), 1)).containsExactly("PUBLIC", "SYS");
    assertThat(strings(MetadataResults.tableTypes(), 1)).containsExactly("SYSTEM TABLE", "TABLE", "VIEW");
  }

  @Test
  void identityColumnsAreAutoIncrement() throws SQLException {
    assertThat(strings(results.columns(null, null, "T", null), 4, 23, 24)).containsExactly("ID YES NO");
    assertThat(strings(results.columns(null, "SYS", "TABLES", null), 4, 23, 24)).containsExactly("NAME NO NO");
  }

  @Test
  void resultSetMetaDataFollowsOrigins() throws SQLException {
    QuaverResultSetMetaData meta = new QuaverResultSetMetaData(List.of(ID, NAME,
        new ColumnInfo("X", ColumnType.INTEGER, true)));
    assertThat(meta.getTableName(1)).isEqualTo("T");
    assertThat(meta.getSchemaName(1)).isEqualTo("PUBLIC");
    assertThat(meta.isAutoIncrement(1)).isTrue();
    assertThat(meta.isWritable(1)).isFalse();
    assertThat(meta.getSchemaName(2)).isEqualTo("SYS");
    assertThat(meta.isReadOnly(2)).isTrue();
    assertThat(meta.getTableName(3)).isEmpty();
    assertThat(meta.getSchemaName(3)).isEmpty();
    assertThat(meta.getCatalogName(3)).isEmpty();
    assertThat(meta.isReadOnly(3)).isTrue();
  }

  /** Each row's given 1-based columns, joined by spaces. */
  private static List<String> strings(ResultSet rows, int... columns) throws SQLException {
    List<String> values = new ArrayList<>();
    while (rows.next()) {
      StringBuilder row = new StringBuilder();
      for (int column : columns) {
        row.append(row.length() == 0 ? "" : " ").append(rows.getString(column));
      }
      values.add(row.toString());
    }
    return values;
  }
}
