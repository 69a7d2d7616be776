package dev.quaver.jdbc;

import dev.quaver.protocol.CloseStatement;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.Execute;
import dev.quaver.protocol.ExecuteBatch;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.protocol.ProtocolFormat;
import dev.quaver.type.ColumnType;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement prepared on the server (PREPARE once, EXECUTE many times). Setters convert values
 * to the declared parameter types right away, so a bad value fails at set time (22018/22003);
 * {@link #executeBatch} sends all parameter sets in one EXECUTE_BATCH frame.
 *
 * <p>Thread safety: as {@link QuaverStatement}.
 */
final class QuaverPreparedStatement extends QuaverStatement implements PreparedStatement {
  private final String sql;
  private final int statementId;
  private final List<ColumnType> parameterTypes;
  private final List<ColumnInfo> columns;
  /** The bound set and the batch, column-wise and primitive where the type allows. */
  private final ParameterColumns parameters;

  QuaverPreparedStatement(QuaverConnection connection, String sql, int statementId,
      List<ColumnType> parameterTypes, List<ColumnInfo> columns) {
    super(connection);
    this.sql = sql;
    this.statementId = statementId;
    this.parameterTypes = List.copyOf(parameterTypes);
    this.columns = List.copyOf(columns);
    this.parameters = new ParameterColumns(parameterTypes);
  }

  // ---- execution -------------------------------------------------------------------------

  @Override
  public ResultSet executeQuery() throws SQLException {
    if (!execute()) {
      throw new SQLException("statement returned an update count, not rows: " + sql, "02000");
    }
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    if (execute()) {
      closeResultSet();
      throw new SQLException("statement returned rows, use executeQuery: " + sql, "21000");
    }
    return getLargeUpdateCount();
  }

  @Override
  public boolean execute() throws SQLException {
    checkOpen();
    checkAllSet();
    return run(new Execute(statementId, effectiveFetchSize(), parameters.current()));
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    checkAllSet();
    parameters.addBatch();
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    parameters.clearBatch();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    if (parameters.batchSize() == 0) {
      return new long[0];
    }
    return runSets(parameters.takeBatch());
  }

  /** Runs parameter sets in as few frames as fit under the frame limit (halving when too big). */
  private long[] runSets(ColumnBatch sets) throws SQLException {
    ExecuteBatch message = new ExecuteBatch(statementId, sets);
    int rows = sets.rowCount();
    if (rows > 1 && encodedBytesBound(sets) > wire.maxFrameBytes()
        && MessageCodec.encode(message).length - ProtocolFormat.HEADER_BYTES > wire.maxFrameBytes()) {
      long[] first = runSets(sets.slice(0, rows / 2));
      long[] second = runSets(sets.slice(rows / 2, rows - rows / 2));
      long[] counts = Arrays.copyOf(first, first.length + second.length);
      System.arraycopy(second, 0, counts, first.length, second.length);
      return counts;
    }
    return runBatch(message);
  }

  /**
   * At least the encoded size of an EXECUTE_BATCH of {@code sets} (docs/protocol.md, column batch
   * layout), computed without encoding: a batch under the frame limit by this bound is sent
   * without first encoding it once just to measure it (that doubled the driver's encode cost).
   */
  private static long encodedBytesBound(ColumnBatch sets) {
    long bytes = 64;
    int rows = sets.rowCount();
    for (int column = 0; column < sets.columnCount(); column++) {
      bytes += 64 + (rows + 7) / 8 + 4L * (rows + 1);
      switch (sets.types().get(column).type()) {
        case CHAR, VARCHAR, DECIMAL -> {
          for (int row = 0; row < rows; row++) {
            Object value = sets.get(column, row);
            if (value instanceof String text) {
              bytes += 3L * text.length();
            } else if (value instanceof java.math.BigDecimal decimal) {
              bytes += 8 + decimal.unscaledValue().bitLength() / 8 + 1;
            } else if (value != null) {
              bytes += 3L * value.toString().length() + 16;
            }
          }
        }
        default -> bytes += 8L * rows;
      }
    }
    return bytes;
  }

  private void checkAllSet() throws SQLException {
    int unset = parameters.firstUnset();
    if (unset > 0) {
      throw new SQLException("no value specified for parameter " + unset, "07001");
    }
  }

  @Override
  public void close() throws SQLException {
    if (isClosed()) {
      return;
    }
    super.close();
    if (!wire.isClosed()) {
      wire.lock();
      try {
        wire.send(new CloseStatement(statementId));
      } finally {
        wire.unlock();
      }
    }
  }

  // ---- metadata --------------------------------------------------------------------------

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return columns.isEmpty() ? null : new QuaverResultSetMetaData(columns);
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new QuaverParameterMetaData(parameterTypes);
  }

  // ---- setters ---------------------------------------------------------------------------

  private void set(int index, Object value) throws SQLException {
    int i = position(index);
    parameters.set(i, ParameterValues.convert(value, parameterTypes.get(i)));
  }

  /** The 0-based position of parameter {@code index}, checked (and the statement open). */
  private int position(int index) throws SQLException {
    checkOpen();
    if (index < 1 || index > parameters.count()) {
      throw new SQLException("parameter index " + index + " out of range 1.." + parameters.count(), "07009");
    }
    return index - 1;
  }

  /**
   * An integral value without boxing when the parameter is of an integral type (the range check
   * of {@link ParameterValues#convert}); other types convert the boxed value as before.
   */
  private void setIntegral(int index, long x) throws SQLException {
    int i = position(index);
    ColumnType type = parameterTypes.get(i);
    long min;
    long max;
    switch (type.type()) {
      case TINYINT -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
      case SMALLINT -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
      case INTEGER, INTERVAL_YEAR_MONTH -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
      case BIGINT, INTERVAL_DAY_TIME -> { min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
      default -> {
        parameters.set(i, ParameterValues.convert(x, type));
        return;
      }
    }
    if (x < min || x > max) {
      throw SqlExceptions.outOfRange(x, type.type() == dev.quaver.type.SqlType.INTERVAL_YEAR_MONTH
          || type.type() == dev.quaver.type.SqlType.INTERVAL_DAY_TIME ? type.toString() : type.type().name());
    }
    parameters.setLong(i, x);
  }

  /** A floating value without boxing when the parameter is REAL or DOUBLE. */
  private void setFloating(int index, double x, Object boxed) throws SQLException {
    int i = position(index);
    ColumnType type = parameterTypes.get(i);
    switch (type.type()) {
      case REAL -> parameters.setDouble(i, (float) x);
      case DOUBLE -> parameters.setDouble(i, x);
      default -> parameters.set(i, ParameterValues.convert(boxed, type));
    }
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    parameters.clearCurrent();
  }

  @Override public void setNull(int i, int sqlType) throws SQLException { parameters.setNull(position(i)); }
  @Override public void setNull(int i, int sqlType, String typeName) throws SQLException { parameters.setNull(position(i)); }
  @Override public void setBoolean(int i, boolean x) throws SQLException { set(i, x); }
  @Override public void setByte(int i, byte x) throws SQLException { setIntegral(i, x); }
  @Override public void setShort(int i, short x) throws SQLException { setIntegral(i, x); }
  @Override public void setInt(int i, int x) throws SQLException { setIntegral(i, x); }
  @Override public void setLong(int i, long x) throws SQLException { setIntegral(i, x); }
  @Override public void setFloat(int i, float x) throws SQLException { setFloating(i, x, x); }
  @Override public void setDouble(int i, double x) throws SQLException { setFloating(i, x, x); }
  @Override public void setBigDecimal(int i, BigDecimal x) throws SQLException { set(i, x); }
  @Override public void setString(int i, String x) throws SQLException { set(i, x); }
  @Override public void setNString(int i, String x) throws SQLException { set(i, x); }
  @Override public void setDate(int i, Date x) throws SQLException { set(i, x); }
  @Override public void setTime(int i, Time x) throws SQLException { set(i, x); }

  @Override
  public void setTimestamp(int i, Timestamp x) throws SQLException {
    int position = position(i);
    if (x != null && parameterTypes.get(position).type() == dev.quaver.type.SqlType.TIMESTAMP) {
      parameters.setLong(position, DateTimes.epochMillis(x)); // as convert does, unboxed
    } else {
      set(i, x);
    }
  }
  @Override public void setDate(int i, Date x, Calendar c) throws SQLException { set(i, x == null || c == null ? x : DateTimes.localDate(x, c)); }
  @Override public void setTime(int i, Time x, Calendar c) throws SQLException { set(i, x == null || c == null ? x : DateTimes.localTime(x, c)); }
  @Override public void setTimestamp(int i, Timestamp x, Calendar c) throws SQLException { set(i, x == null || c == null ? x : DateTimes.localDateTime(x, c)); }
  @Override public void setObject(int i, Object x) throws SQLException { set(i, x); }
  @Override public void setObject(int i, Object x, int targetSqlType) throws SQLException { set(i, TargetTypes.convert(x, targetSqlType, -1)); }
  @Override public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException { set(i, TargetTypes.convert(x, targetSqlType, scaleOrLength)); }
  @Override public void setObject(int i, Object x, java.sql.SQLType targetSqlType) throws SQLException { setObject(i, x, TargetTypes.vendorCode(targetSqlType)); }
  @Override public void setObject(int i, Object x, java.sql.SQLType targetSqlType, int scaleOrLength) throws SQLException { setObject(i, x, TargetTypes.vendorCode(targetSqlType), scaleOrLength); }
  @Override public void setCharacterStream(int i, Reader x) throws SQLException { set(i, read(x, -1)); }
  @Override public void setCharacterStream(int i, Reader x, int length) throws SQLException { set(i, read(x, length)); }
  @Override public void setCharacterStream(int i, Reader x, long length) throws SQLException { set(i, read(x, length)); }

  private static String read(Reader reader, long length) throws SQLException {
    if (reader == null) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      int n;
      while ((length < 0 || text.length() < length) && (n = reader.read(buffer)) > 0) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new SQLException("cannot read the character stream: " + e.getMessage(), "22000", e);
    }
    return length >= 0 && text.length() > length ? text.substring(0, (int) length) : text.toString();
  }

  // ---- not for prepared statements -------------------------------------------------------

  private static SQLException notOnPrepared() {
    return new SQLException("a PreparedStatement runs its own SQL; use Statement for other text", "42000");
  }

  @Override public boolean execute(String sql) throws SQLException { throw notOnPrepared(); }
  @Override public ResultSet executeQuery(String sql) throws SQLException { throw notOnPrepared(); }
  @Override public int executeUpdate(String sql) throws SQLException { throw notOnPrepared(); }
  @Override public long executeLargeUpdate(String sql) throws SQLException { throw notOnPrepared(); }
  @Override public void addBatch(String sql) throws SQLException { throw notOnPrepared(); }
  /** Also the SQL-text variants with generated keys (executeUpdate(String, int) and the like). */
  @Override dev.quaver.protocol.Message withKeys(String sql, dev.quaver.protocol.KeysRequest keys) throws SQLException { throw notOnPrepared(); }

  private static SQLFeatureNotSupportedException unsupported(String method) {
    return new SQLFeatureNotSupportedException("PreparedStatement." + method + " is not supported", "0A000");
  }

  @Override public void setBytes(int a0, byte[] a1) throws SQLException { throw unsupported("setBytes"); }
  @Override public void setAsciiStream(int a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported("setAsciiStream"); }
  @Override public void setUnicodeStream(int a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported("setUnicodeStream"); }
  @Override public void setBinaryStream(int a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported("setBinaryStream"); }
  @Override public void setRef(int a0, java.sql.Ref a1) throws SQLException { throw unsupported("setRef"); }
  @Override public void setBlob(int a0, java.sql.Blob a1) throws SQLException { throw unsupported("setBlob"); }
  @Override public void setClob(int a0, java.sql.Clob a1) throws SQLException { throw unsupported("setClob"); }
  @Override public void setArray(int a0, java.sql.Array a1) throws SQLException { throw unsupported("setArray"); }
  @Override public void setURL(int a0, java.net.URL a1) throws SQLException { throw unsupported("setURL"); }
  @Override public void setRowId(int a0, java.sql.RowId a1) throws SQLException { throw unsupported("setRowId"); }
  @Override public void setNCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported("setNCharacterStream"); }
  @Override public void setNClob(int a0, java.sql.NClob a1) throws SQLException { throw unsupported("setNClob"); }
  @Override public void setClob(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported("setClob"); }
  @Override public void setBlob(int a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported("setBlob"); }
  @Override public void setNClob(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported("setNClob"); }
  @Override public void setSQLXML(int a0, java.sql.SQLXML a1) throws SQLException { throw unsupported("setSQLXML"); }
  @Override public void setAsciiStream(int a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported("setAsciiStream"); }
  @Override public void setBinaryStream(int a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported("setBinaryStream"); }
  @Override public void setAsciiStream(int a0, java.io.InputStream a1) throws SQLException { throw unsupported("setAsciiStream"); }
  @Override public void setBinaryStream(int a0, java.io.InputStream a1) throws SQLException { throw unsupported("setBinaryStream"); }
  @Override public void setNCharacterStream(int a0, java.io.Reader a1) throws SQLException { throw unsupported("setNCharacterStream"); }
  @Override public void setClob(int a0, java.io.Reader a1) throws SQLException { throw unsupported("setClob"); }
  @Override public void setBlob(int a0, java.io.InputStream a1) throws SQLException { throw unsupported("setBlob"); }
  @Override public void setNClob(int a0, java.io.Reader a1) throws SQLException { throw unsupported("setNClob"); }
}
