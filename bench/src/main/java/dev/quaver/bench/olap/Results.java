package dev.quaver.bench.olap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A query result normalized so that engines can be compared: every value as text (numbers as
 * decimals rounded to 2 places with trailing zeros stripped, so 12, 12.0 and 12.000 agree; NULL as
 * {@code NULL}), rows sorted. Sorting makes ties in ORDER BY irrelevant; the dashboard's LIMIT is
 * made unique by its tie-breakers.
 */
record Results(List<String> rows) {

  static Results read(ResultSet resultSet) throws SQLException {
    int columns = resultSet.getMetaData().getColumnCount();
    List<String> rows = new ArrayList<>();
    while (resultSet.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        row.append(i == 1 ? "" : " | ").append(normalize(resultSet.getObject(i)));
      }
      rows.add(row.toString());
    }
    Collections.sort(rows);
    return new Results(rows);
  }

  static String normalize(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof Long
        || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof Double || value instanceof Float) {
      BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
      d = d.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
      return d.signum() == 0 ? "0" : d.toPlainString();
    }
    if (value instanceof Timestamp ts) {
      return ts.toLocalDateTime().toString();
    }
    return value.toString();
  }

  /** Empty when equal; else a short description of the difference against {@code reference}. */
  String diff(Results reference) {
    if (rows.equals(reference.rows)) {
      return "";
    }
    Set<String> mine = new HashSet<>(rows);
    Set<String> theirs = new HashSet<>(reference.rows);
    List<String> extra = rows.stream().filter(r -> !theirs.contains(r)).limit(3).toList();
    List<String> missing = reference.rows.stream().filter(r -> !mine.contains(r)).limit(3).toList();
    return rows.size() + " rows vs " + reference.rows.size() + "; first rows only here: " + extra
        + "; first rows only in reference: " + missing;
  }
}
