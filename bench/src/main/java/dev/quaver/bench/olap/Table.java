package dev.quaver.bench.olap;

import java.util.List;

/**
 * One generated table: its name, columns, and a deterministic source of rows. Every engine gets the
 * same rows because the source re-runs the same seeded generator each time it is emitted.
 */
record Table(String name, List<Column> columns, String primaryKey, RowSource rows) {

  /** A column with a portable SQL type (INTEGER, VARCHAR(n) or TIMESTAMP). */
  record Column(String name, String type) {}

  /** Row values: Integer, String, or java.time.LocalDateTime for TIMESTAMP columns. */
  @FunctionalInterface
  interface RowSink {
    void accept(Object[] row) throws Exception;
  }

  /** Emits every row of the table, in the same order every time. */
  @FunctionalInterface
  interface RowSource {
    void emit(RowSink sink) throws Exception;
  }

  static Column col(String name, String type) {
    return new Column(name, type);
  }

  /** {@code CREATE TABLE} in the common subset of the five dialects, plus an engine suffix. */
  String createSql(String suffix) {
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      sql.append(i == 0 ? "" : ", ").append(c.name()).append(' ').append(c.type());
      if (c.name().equals(primaryKey)) {
        sql.append(" NOT NULL PRIMARY KEY");
      }
    }
    return sql.append(')').append(suffix).toString();
  }
}
