package dev.quaver.jdbc;

import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.type.ColumnType;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only result: walks the current batch and pulls the next one from its
 * {@link RowSource} when it runs out (for a server cursor, that is the next FETCH). Labels are
 * matched case-insensitively; the first column of a label wins, as JDBC says.
 *
 * <p>Thread safety: confined to one thread at a time, like the statement that made it.
 */
final class QuaverResultSet extends ReadOnlyResultSetBase implements SelfWrapper {
  private final QuaverStatement statement;
  private final List<ColumnInfo> columns;
  private final RowSource rows;
  private final long maxRows;
  private final Map<String, Integer> labels = new HashMap<>();
  private int fetchSize;
  private ColumnBatch batch;
  /** A batch read ahead by isLast(), consumed by the next call to next(). */
  private ColumnBatch lookahead;
  private int row = -1;
  private long rowNumber;
  private boolean isAfterLast;
  private boolean wasNull;
  private boolean isClosed;

  QuaverResultSet(QuaverStatement statement, List<ColumnInfo> columns, RowSource rows, int fetchSize, long maxRows) {
    this.statement = statement;
    this.columns = List.copyOf(columns);
    this.rows = rows;
    this.fetchSize = fetchSize;
    this.maxRows = maxRows;
    for (int i = columns.size() - 1; i >= 0; i--) {
      labels.put(columns.get(i).name().toUpperCase(Locale.ROOT), i + 1);
    }
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (isAfterLast) {
      return false;
    }
    if (maxRows > 0 && rowNumber >= maxRows) {
      finish();
      return false;
    }
    row++;
    while (batch == null || row >= batch.rowCount()) {
      batch = lookahead != null ? lookahead : rows.nextBatch(nextFetchSize());
      lookahead = null;
      row = 0;
      if (batch == null) {
        finish();
        return false;
      }
    }
    rowNumber++;
    return true;
  }

  private int nextFetchSize() {
    return maxRows > 0 ? (int) Math.min(fetchSize, maxRows - rowNumber) : fetchSize;
  }

  private void finish() throws SQLException {
    isAfterLast = true;
    batch = null;
    rows.close();
  }

  @Override
  public void close() throws SQLException {
    if (isClosed) {
      return;
    }
    isClosed = true;
    batch = null;
    try {
      rows.close();
    } finally {
      if (statement != null) {
        statement.resultSetClosed(this);
      }
    }
  }

  @Override
  public boolean isClosed() {
    return isClosed;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  /** The value at the current row, or null (wasNull set either way). */
  private Object value(int columnIndex) throws SQLException {
    checkOpen();
    if (batch == null || row < 0) {
      throw new SQLException(isAfterLast ? "no current row: the result set is past its end"
          : "no current row: call next() first", "24000");
    }
    if (columnIndex < 1 || columnIndex > columns.size()) {
      throw new SQLException("column index " + columnIndex + " out of range 1.." + columns.size(), "07009");
    }
    Object value = batch.get(columnIndex - 1, row);
    wasNull = value == null;
    return value;
  }

  private ColumnType type(int columnIndex) {
    return columns.get(columnIndex - 1).type();
  }

  @Override
  public int findColumn(String label) throws SQLException {
    checkOpen();
    Integer index = label == null ? null : labels.get(label.toUpperCase(Locale.ROOT));
    if (index == null) {
      throw new SQLException("no column named " + label + " in this result", "42703");
    }
    return index;
  }

  // ---- getters by index ------------------------------------------------------------------

  @Override
  public String getString(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : ResultValues.string(v, type(i));
  }

  @Override
  public boolean getBoolean(int i) throws SQLException {
    Object v = value(i);
    return v != null && ResultValues.bool(v);
  }

  @Override
  public byte getByte(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : (byte) ResultValues.integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
  }

  @Override
  public short getShort(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : (short) ResultValues.integral(v, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
  }

  @Override
  public int getInt(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : (int) ResultValues.integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
  }

  @Override
  public long getLong(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : ResultValues.integral(v, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
  }

  @Override
  public float getFloat(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : (float) ResultValues.floating(v, "REAL");
  }

  @Override
  public double getDouble(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : ResultValues.floating(v, "DOUBLE");
  }

  @Override
  public BigDecimal getBigDecimal(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : ResultValues.bigDecimal(v);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
    BigDecimal v = getBigDecimal(i);
    return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : ResultValues.string(v, type(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public Date getDate(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : Date.valueOf(ResultValues.localDate(v, type(i)));
  }

  @Override
  public Time getTime(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : ResultValues.as(v, type(i), Time.class);
  }

  @Override
  public Timestamp getTimestamp(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : Timestamp.valueOf(ResultValues.localDateTime(v, type(i)));
  }

  @Override
  public Date getDate(int i, Calendar calendar) throws SQLException {
    Object v = value(i);
    return v == null ? null : calendar == null ? getDate(i)
        : DateTimes.sqlDate(ResultValues.localDate(v, type(i)), calendar);
  }

  @Override
  public Time getTime(int i, Calendar calendar) throws SQLException {
    Object v = value(i);
    return v == null ? null : calendar == null ? getTime(i)
        : DateTimes.sqlTime(ResultValues.localTime(v, type(i)), calendar);
  }

  @Override
  public Timestamp getTimestamp(int i, Calendar calendar) throws SQLException {
    Object v = value(i);
    return v == null ? null : calendar == null ? getTimestamp(i)
        : DateTimes.sqlTimestamp(ResultValues.localDateTime(v, type(i)), calendar);
  }

  @Override
  public Object getObject(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : ResultValues.object(v, type(i));
  }

  @Override
  public <T> T getObject(int i, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("type is null", "22023");
    }
    Object v = value(i);
    return v == null ? null : ResultValues.as(v, type(i), type);
  }

  @Override
  public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
    return getObject(i);
  }

  @Override
  public String getNString(int i) throws SQLException {
    return getString(i);
  }

  @Override
  public Reader getCharacterStream(int i) throws SQLException {
    String v = getString(i);
    return v == null ? null : new StringReader(v);
  }

  @Override
  public Reader getNCharacterStream(int i) throws SQLException {
    return getCharacterStream(i);
  }

  // ---- getters by label ------------------------------------------------------------------

  @Override public String getString(String label) throws SQLException { return getString(findColumn(label)); }
  @Override public boolean getBoolean(String label) throws SQLException { return getBoolean(findColumn(label)); }
  @Override public byte getByte(String label) throws SQLException { return getByte(findColumn(label)); }
  @Override public short getShort(String label) throws SQLException { return getShort(findColumn(label)); }
  @Override public int getInt(String label) throws SQLException { return getInt(findColumn(label)); }
  @Override public long getLong(String label) throws SQLException { return getLong(findColumn(label)); }
  @Override public float getFloat(String label) throws SQLException { return getFloat(findColumn(label)); }
  @Override public double getDouble(String label) throws SQLException { return getDouble(findColumn(label)); }
  @Override public BigDecimal getBigDecimal(String label) throws SQLException { return getBigDecimal(findColumn(label)); }
  @Override @Deprecated public BigDecimal getBigDecimal(String label, int scale) throws SQLException { return getBigDecimal(findColumn(label), scale); }
  @Override public byte[] getBytes(String label) throws SQLException { return getBytes(findColumn(label)); }
  @Override public Date getDate(String label) throws SQLException { return getDate(findColumn(label)); }
  @Override public Time getTime(String label) throws SQLException { return getTime(findColumn(label)); }
  @Override public Timestamp getTimestamp(String label) throws SQLException { return getTimestamp(findColumn(label)); }
  @Override public Date getDate(String label, Calendar c) throws SQLException { return getDate(findColumn(label), c); }
  @Override public Time getTime(String label, Calendar c) throws SQLException { return getTime(findColumn(label), c); }
  @Override public Timestamp getTimestamp(String label, Calendar c) throws SQLException { return getTimestamp(findColumn(label), c); }
  @Override public Object getObject(String label) throws SQLException { return getObject(findColumn(label)); }
  @Override public <T> T getObject(String label, Class<T> type) throws SQLException { return getObject(findColumn(label), type); }
  @Override public Object getObject(String label, Map<String, Class<?>> map) throws SQLException { return getObject(findColumn(label)); }
  @Override public String getNString(String label) throws SQLException { return getString(findColumn(label)); }
  @Override public Reader getCharacterStream(String label) throws SQLException { return getCharacterStream(findColumn(label)); }
  @Override public Reader getNCharacterStream(String label) throws SQLException { return getCharacterStream(findColumn(label)); }

  // ---- state and settings ----------------------------------------------------------------

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new QuaverResultSetMetaData(columns);
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rowNumber == 0 && !isAfterLast;
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return isAfterLast && rowNumber > 0;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return rowNumber == 1 && !isAfterLast;
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    if (isAfterLast || batch == null || row < 0 || row < batch.rowCount() - 1) {
      return false;
    }
    if (maxRows > 0 && rowNumber >= maxRows) {
      return true;
    }
    while (lookahead == null) {
      lookahead = rows.nextBatch(nextFetchSize());
      if (lookahead == null) {
        return true;
      }
      if (lookahead.rowCount() == 0) {
        lookahead = null;
      }
    }
    return false;
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return isAfterLast ? 0 : (int) Math.min(Integer.MAX_VALUE, rowNumber);
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw unsupported("setFetchDirection");
    }
  }

  @Override
  public int getFetchDirection() {
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("fetch size must be >= 0, got " + rows, "22023");
    }
    if (rows > 0) {
      fetchSize = rows;
    }
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getType() {
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() {
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() {
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public boolean rowUpdated() {
    return false;
  }

  @Override
  public boolean rowInserted() {
    return false;
  }

  @Override
  public boolean rowDeleted() {
    return false;
  }

  @Override
  public String getCursorName() throws SQLException {
    throw unsupported("getCursorName");
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  private void checkOpen() throws SQLException {
    if (isClosed) {
      throw new SQLException("result set is closed", "24000");
    }
  }
}
