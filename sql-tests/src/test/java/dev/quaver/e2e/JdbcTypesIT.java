package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values through the real engine: DECIMAL precision, date/time with and without a Calendar,
 * getObject(i, Class) for java.time and boxed types, setObject with a target SQL type, CHAR
 * padding and declared VARCHAR lengths.
 */
class JdbcTypesIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE ty_values (id INTEGER PRIMARY KEY, amount DECIMAL(38, 10), code CHAR(5),"
          + " label VARCHAR(12), d DATE, t TIME, ts TIMESTAMP, small SMALLINT, big BIGINT, ok BOOLEAN, r DOUBLE)");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void decimalsKeepTheirPrecision() throws Exception {
    BigDecimal huge = new BigDecimal("1234567890123456789012345678.0123456789");
    try (Connection connection = server.connect()) {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ty_values (id, amount) VALUES (?, ?)")) {
        insert.setInt(1, 1);
        insert.setBigDecimal(2, huge);
        insert.executeUpdate();
      }
      try (Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery("SELECT amount FROM ty_values WHERE id = 1")) {
        rows.next();
        assertThat(rows.getBigDecimal(1)).isEqualTo(huge);
        assertThat(rows.getObject(1, BigDecimal.class)).isEqualTo(huge);
        assertThat(rows.getMetaData().getPrecision(1)).isEqualTo(38);
        assertThat(rows.getMetaData().getScale(1)).isEqualTo(10);
      }
    }
  }

  @Test
  void charIsPaddedAndVarcharKeepsItsDeclaredLength() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO ty_values (id, code, label) VALUES (2, 'ab', 'xy')");
      try (ResultSet rows = statement.executeQuery("SELECT code, label FROM ty_values WHERE id = 2")) {
        rows.next();
        assertThat(rows.getString(1)).isEqualTo("ab   ");
        assertThat(rows.getString(2)).isEqualTo("xy");
        ResultSetMetaData meta = rows.getMetaData();
        assertThat(meta.getColumnType(1)).isEqualTo(Types.CHAR);
        assertThat(meta.getPrecision(1)).isEqualTo(5);
        assertThat(meta.getColumnType(2)).isEqualTo(Types.VARCHAR);
        assertThat(meta.getPrecision(2)).isEqualTo(12);
      }
      try (ResultSet columns = connection.getMetaData().getColumns(null, null, "TY_VALUES", "LABEL")) {
        columns.next();
        assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(12);
        assertThat(columns.getString("TYPE_NAME")).isEqualTo("VARCHAR");
      }
    }
  }

  @Test
  void datesAndTimesFollowTheJdbcConventions() throws Exception {
    LocalDate date = LocalDate.of(2024, 2, 29);
    LocalTime time = LocalTime.of(13, 45, 30, 123_000_000);
    LocalDateTime timestamp = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 500_000_000);
    try (Connection connection = server.connect()) {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ty_values (id, d, t, ts) VALUES (?, ?, ?, ?)")) {
        insert.setInt(1, 3);
        insert.setObject(2, date);
        insert.setObject(3, time);
        insert.setObject(4, timestamp);
        insert.executeUpdate();
        // Through a Calendar in UTC+5: the instant is written as that zone's wall-clock time.
        Calendar plusFive = Calendar.getInstance(TimeZone.getTimeZone("GMT+05:00"));
        insert.setInt(1, 4);
        insert.setDate(2, new Date(date.atStartOfDay(java.time.ZoneOffset.ofHours(5)).toInstant().toEpochMilli()), plusFive);
        insert.setTime(3, new Time(time.atDate(LocalDate.EPOCH).atOffset(java.time.ZoneOffset.ofHours(5)).toInstant().toEpochMilli()), plusFive);
        insert.setTimestamp(4, Timestamp.from(timestamp.atOffset(java.time.ZoneOffset.ofHours(5)).toInstant()), plusFive);
        insert.executeUpdate();
      }
      try (Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery("SELECT d, t, ts, id FROM ty_values WHERE id IN (3, 4) ORDER BY id")) {
        for (int id = 3; id <= 4; id++) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getObject(1, LocalDate.class)).isEqualTo(date);
          assertThat(rows.getObject(2, LocalTime.class)).isEqualTo(time);
          assertThat(rows.getObject(3, LocalDateTime.class)).isEqualTo(timestamp);
          assertThat(rows.getDate(1)).isEqualTo(Date.valueOf(date));
          assertThat(rows.getTimestamp(3)).isEqualTo(Timestamp.valueOf(timestamp));
          assertThat(rows.getString(1)).isEqualTo("2024-02-29");
          Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
          assertThat(rows.getTimestamp(3, utc).toInstant()).isEqualTo(timestamp.toInstant(java.time.ZoneOffset.UTC));
          assertThat(rows.getDate(1, utc).getTime()).isEqualTo(date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli());
          assertThat(rows.getTime(2, utc).getTime()).isEqualTo(time.toNanoOfDay() / 1_000_000);
          assertThat(rows.getTimestamp("TS", utc)).isEqualTo(rows.getTimestamp(3, utc));
        }
      }
    }
  }

  @Test
  void getObjectWithAClassAndSetObjectWithATargetType() throws Exception {
    try (Connection connection = server.connect()) {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO ty_values (id, amount, small, big, ok, r, label, d) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setObject(1, "5", Types.INTEGER);
        insert.setObject(2, 12.345, Types.DECIMAL, 2);
        insert.setObject(3, 7L, Types.SMALLINT);
        insert.setObject(4, "9000000000", JDBCType.BIGINT);
        insert.setObject(5, "true", Types.BOOLEAN);
        insert.setObject(6, new BigDecimal("2.5"), Types.DOUBLE);
        insert.setObject(7, 42, Types.VARCHAR);
        insert.setObject(8, "2020-01-02", Types.DATE);
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      try (Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery("SELECT amount, small, big, ok, r, label, d FROM ty_values WHERE id = 5")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("12.35");
        assertThat(rows.getObject(2, Short.class)).isEqualTo((short) 7);
        assertThat(rows.getObject(2, Integer.class)).isEqualTo(7);
        assertThat(rows.getObject(3, Long.class)).isEqualTo(9_000_000_000L);
        assertThat(rows.getObject(4, Boolean.class)).isTrue();
        assertThat(rows.getObject(5, Double.class)).isEqualTo(2.5);
        assertThat(rows.getObject(5, Float.class)).isEqualTo(2.5f);
        assertThat(rows.getObject(6, String.class)).isEqualTo("42");
        assertThat(rows.getObject(7, LocalDate.class)).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(rows.getObject(7)).isInstanceOf(Date.class);
        assertThat(rows.getObject(2)).isInstanceOf(Integer.class);
      }
    }
  }
}
