package dev.quaver.bench.olap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Creates and fills one table in one engine through the engine's fastest standard JDBC path:
 * PreparedStatement batches committed per batch (autocommit per batch where the driver has no
 * transactions), multi-row VALUES statements of literals, or DuckDB's Appender
 * ({@link Engine.LoadMode}).
 */
final class Loader {
  static final int BATCH_ROWS = 1_000;
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Loader() {}

  /** Loads {@code table}; returns the number of rows. */
  static long load(Engine engine, Connection connection, Table table) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(table.createSql(engine.tableSuffix(table.name())));
    }
    boolean transactions = beginTransactions(connection);
    long[] count = {0};
    if (engine.loadMode() == Engine.LoadMode.APPENDER) {
      try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(table.name())) {
        table.rows().emit(row -> {
          appender.beginRow();
          for (Object value : row) {
            if (value instanceof Integer i) {
              appender.append(i.intValue());
            } else if (value instanceof String s) {
              appender.append(s);
            } else if (value instanceof LocalDateTime ts) {
              appender.append(ts);
            } else {
              appender.appendNull();
            }
          }
          appender.endRow();
          count[0]++;
        });
      }
    } else if (engine.loadMode() == Engine.LoadMode.VALUES) {
      StringBuilder sql = new StringBuilder();
      int[] pending = {0};
      try (Statement statement = connection.createStatement()) {
        table.rows().emit(row -> {
          sql.append(pending[0] == 0 ? "INSERT INTO " + table.name() + " VALUES " : ", ").append('(');
          for (int i = 0; i < row.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(literal(engine, row[i]));
          }
          sql.append(')');
          count[0]++;
          if (++pending[0] == BATCH_ROWS) {
            statement.execute(sql.toString());
            commit(connection, transactions);
            sql.setLength(0);
            pending[0] = 0;
          }
        });
        if (pending[0] > 0) {
          statement.execute(sql.toString());
        }
      }
    } else {
      String sql = "INSERT INTO " + table.name() + " VALUES ("
          + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        int[] pending = {0};
        table.rows().emit(row -> {
          for (int i = 0; i < row.length; i++) {
            bind(engine, insert, i + 1, row[i]);
          }
          insert.addBatch();
          count[0]++;
          if (++pending[0] == BATCH_ROWS) {
            insert.executeBatch();
            commit(connection, transactions);
            pending[0] = 0;
          }
        });
        if (pending[0] > 0) {
          insert.executeBatch();
        }
      }
    }
    commit(connection, transactions);
    if (transactions) {
      connection.setAutoCommit(true);
    }
    return count[0];
  }

  private static boolean beginTransactions(Connection connection) throws SQLException {
    try {
      connection.setAutoCommit(false);
      return !connection.getAutoCommit();
    } catch (SQLFeatureNotSupportedException e) {
      return false;
    }
  }

  private static void commit(Connection connection, boolean transactions) throws SQLException {
    if (transactions) {
      connection.commit();
    }
  }

  static void bind(Engine engine, PreparedStatement insert, int index, Object value) throws SQLException {
    if (value instanceof Integer i) {
      insert.setInt(index, i);
    } else if (value instanceof String s) {
      insert.setString(index, s);
    } else if (value instanceof LocalDateTime ts) {
      engine.bindTimestamp(insert, index, ts);
    } else if (value == null) {
      insert.setObject(index, null);
    } else {
      throw new IllegalArgumentException("unexpected generated value " + value.getClass());
    }
  }

  private static String literal(Engine engine, Object value) {
    if (value == null) {
      return "NULL";
    } else if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    } else if (value instanceof LocalDateTime ts) {
      return engine.timestampLiteral(TS.format(ts));
    }
    return value.toString();
  }
}
