package dev.quaver.jdbc;

import dev.quaver.protocol.BatchResult;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ErrorResponse;
import dev.quaver.protocol.GeneratedKeys;
import dev.quaver.protocol.KeysRequest;
import dev.quaver.protocol.Message;
import dev.quaver.protocol.QueryKeys;
import dev.quaver.protocol.Query;
import dev.quaver.protocol.QueryBatch;
import dev.quaver.protocol.ResultHeader;
import dev.quaver.protocol.UpdateCount;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JDBC Statement: each execute is one QUERY exchange. A query's first fetch arrives with the
 * reply; later ones are pulled by the result set. {@link #setQueryTimeout} arms a timer that
 * sends CANCEL when it expires (the statement then fails with SQLTimeoutException, 57014);
 * {@link #cancel} sends CANCEL at once, from any thread.
 *
 * <p>Thread safety: a statement is used by one thread at a time, except {@link #cancel}; the
 * connection serializes the exchanges of all its statements.
 */
class QuaverStatement implements Statement, SelfWrapper {
  private static final java.util.regex.Pattern BATCH_ENTRY = java.util.regex.Pattern.compile("batch entry (\\d{1,9}): ");
  final QuaverConnection connection;
  final WireConnection wire;
  private QuaverResultSet resultSet;
  private long updateCount = -1;
  private int fetchSize;
  private long maxRows;
  private int queryTimeoutSeconds;
  private int maxFieldSize;
  private boolean isClosed;
  private boolean isCloseOnCompletion;
  private boolean isPoolable;
  /**
   * Orders a CANCEL before the end of the exchange it targets: a cancel checks isExecuting and
   * writes its frame under this lock, and an exchange clears isExecuting under it before it
   * releases the connection. So a late CANCEL can never land after a later request.
   */
  private final Object cancelLock = new Object();
  private volatile boolean isExecuting;
  private volatile boolean hasTimedOut;
  /** The cursor of a RESULT_HEADER reply, handed from exchange() to run(). */
  private ServerCursor pendingCursor;
  /** The GENERATED_KEYS of the last statement run, or null (getGeneratedKeys is then empty). */
  private GeneratedKeys generatedKeys;
  private final List<String> batch = new ArrayList<>();

  QuaverStatement(QuaverConnection connection) {
    this.connection = connection;
    this.wire = connection.wire();
    this.fetchSize = connection.defaultFetchSize();
  }

  // ---- execution -------------------------------------------------------------------------

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    if (!execute(sql)) {
      throw new SQLException("statement returned an update count, not rows: " + sql, "02000");
    }
    return resultSet;
  }

  @Override public int executeUpdate(String sql) throws SQLException { return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql)); }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    if (execute(sql)) {
      closeResultSet();
      throw new SQLException("statement returned rows, use executeQuery: " + sql, "21000");
    }
    return updateCount;
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    checkOpen();
    return run(new Query(sql, effectiveFetchSize()));
  }

  /** One statement exchange: sends {@code request}, reads an update count or a first fetch. */
  boolean run(Message request) throws SQLException {
    closeResultSet();
    updateCount = -1;
    Message reply = exchange(request, true);
    if (reply instanceof UpdateCount count) {
      updateCount = count.count();
      return false;
    }
    ResultHeader header = (ResultHeader) reply;
    ServerCursor cursor = pendingCursor;
    pendingCursor = null;
    resultSet = new QuaverResultSet(this, header.columns(), cursor, fetchSize, maxRows);
    return true;
  }

  /**
   * Sends {@code request} and reads its reply under the connection's lock, with the query
   * timeout armed. For a ResultHeader reply the first fetch is read too, into pendingCursor.
   */
  Message exchange(Message request, boolean isStatement) throws SQLException {
    ScheduledFuture<?> timer = armTimeout();
    wire.lock();
    exchangeStarted();
    try {
      wire.send(request);
      Message reply = wire.receive();
      if (isStatement) {
        generatedKeys = null;
      }
      if (reply instanceof GeneratedKeys keys) {
        // Sent before the UPDATE_COUNT / BATCH_RESULT of a statement that asked for them.
        generatedKeys = keys;
        reply = wire.receive();
      }
      if (reply instanceof ErrorResponse error) {
        throw SqlExceptions.of(error);
      }
      if (reply instanceof BatchResult partial && partial.counts().size() < BatchReplies.size(request)) {
        Message next = wire.receive();
        if (!(next instanceof ErrorResponse error)) {
          wire.closeSocket();
          throw SqlExceptions.of("08P01", "expected ERROR after a partial BATCH_RESULT, got " + next.type(), null);
        }
        throw BatchReplies.failure(partial, error);
      }
      if (reply instanceof ResultHeader header) {
        ServerCursor cursor = new ServerCursor(wire, header.cursorId(), this);
        cursor.readFetch();
        pendingCursor = cursor;
      } else if (isStatement && !(reply instanceof UpdateCount) && !(reply instanceof BatchResult)) {
        wire.closeSocket();
        throw SqlExceptions.of("08P01", "unexpected " + reply.type() + " reply to " + request.type(), null);
      }
      return reply;
    } catch (SQLException e) {
      if (hasTimedOut && "57014".equals(e.getSQLState())) {
        throw SqlExceptions.timeout(queryTimeoutSeconds);
      }
      throw e;
    } finally {
      exchangeEnded();
      wire.unlock();
      if (timer != null) {
        timer.cancel(false);
      }
      hasTimedOut = false;
    }
  }

  /** Marks an exchange of this statement as running, so cancel() can reach it. Requires: the wire lock. */
  void exchangeStarted() {
    synchronized (cancelLock) {
      isExecuting = true;
    }
  }

  /** Ends what exchangeStarted began; a CANCEL can no longer be sent for it. */
  void exchangeEnded() {
    synchronized (cancelLock) {
      isExecuting = false;
    }
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    int[] result = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      result[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
    }
    return result;
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<String> sqls = new ArrayList<>(batch);
    batch.clear();
    if (sqls.isEmpty()) {
      return new long[0];
    }
    return runBatch(new QueryBatch(sqls));
  }

  long[] runBatch(Message request) throws SQLException {
    closeResultSet();
    updateCount = -1;
    try {
      BatchResult result = (BatchResult) exchange(request, true);
      long[] counts = new long[result.counts().size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = result.counts().get(i);
      }
      return counts;
    } catch (BatchUpdateException e) {
      throw e;
    } catch (ClassCastException e) {
      throw new SQLException("batch returned no update counts", "08P01");
    } catch (SQLException e) {
      // "batch entry N: ..." says entries 1..N-1 succeeded; their counts did not travel.
      java.util.regex.Matcher entry = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
      long[] done = new long[entry.lookingAt() ? Integer.parseInt(entry.group(1)) - 1 : 0];
      java.util.Arrays.fill(done, SUCCESS_NO_INFO);
      throw new BatchUpdateException(e.getMessage(), e.getSQLState(), 0, done, e);
    }
  }

  @Override
  public void cancel() throws SQLException {
    checkOpen();
    synchronized (cancelLock) {
      if (isExecuting) {
        wire.sendCancel();
      }
    }
  }

  private ScheduledFuture<?> armTimeout() {
    if (queryTimeoutSeconds <= 0) {
      return null;
    }
    hasTimedOut = false;
    return QuaverConnection.timers().schedule(() -> {
      synchronized (cancelLock) {
        if (isExecuting) {
          hasTimedOut = true;
          wire.sendCancel();
        }
      }
    }, queryTimeoutSeconds, TimeUnit.SECONDS);
  }

  int effectiveFetchSize() {
    int size = fetchSize > 0 ? fetchSize : connection.defaultFetchSize();
    if (maxRows > 0) {
      size = (int) Math.min(size, maxRows);
    }
    return size;
  }

  // ---- results ---------------------------------------------------------------------------

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    checkOpen();
    return (int) Math.min(Integer.MAX_VALUE, updateCount);
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override public boolean getMoreResults() throws SQLException { return getMoreResults(CLOSE_CURRENT_RESULT); }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current != KEEP_CURRENT_RESULT) {
      closeResultSet();
    }
    resultSet = null;
    updateCount = -1;
    return false;
  }

  /**
   * The keys the server sent for the last statement run with RETURN_GENERATED_KEYS or key
   * columns (one row per inserted row, in insert order); empty otherwise.
   */
  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    GeneratedKeys keys = generatedKeys;
    if (keys == null) {
      return MetadataResults.empty(this);
    }
    return new QuaverResultSet(this, keys.columns(), new MemoryRows(keys.rows()),
        Math.max(1, keys.rows().rowCount()), 0);
  }

  /** The request to run {@code sql} with the generated keys {@code keys} asked for (protocol version 2). */
  Message withKeys(String sql, KeysRequest keys) throws SQLException {
    if (keys == null) {
      return new Query(sql, effectiveFetchSize());
    }
    connection.requireKeys();
    return new QueryKeys(sql, effectiveFetchSize(), keys);
  }

  static KeysRequest keysFor(int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
      return KeysRequest.identity();
    }
    if (autoGeneratedKeys == NO_GENERATED_KEYS) {
      return null;
    }
    throw new SQLException("autoGeneratedKeys must be RETURN_GENERATED_KEYS or NO_GENERATED_KEYS, got "
        + autoGeneratedKeys, "22023");
  }

  static KeysRequest keysFor(int[] columnIndexes) throws SQLException {
    if (columnIndexes == null || columnIndexes.length == 0) {
      throw new SQLException("columnIndexes must name at least one column", "22023");
    }
    List<Integer> indexes = new ArrayList<>();
    for (int index : columnIndexes) {
      indexes.add(index);
    }
    return KeysRequest.indexes(indexes);
  }

  static KeysRequest keysFor(String[] columnNames) throws SQLException {
    if (columnNames == null || columnNames.length == 0) {
      throw new SQLException("columnNames must name at least one column", "22023");
    }
    return KeysRequest.names(java.util.Arrays.asList(columnNames));
  }

  void closeResultSet() throws SQLException {
    if (resultSet != null) {
      QuaverResultSet current = resultSet;
      resultSet = null;
      current.close();
    }
  }

  /** Called by a result set of this statement when it closes. */
  void resultSetClosed(QuaverResultSet closed) throws SQLException {
    if (resultSet == closed) {
      resultSet = null;
    }
    if (isCloseOnCompletion) {
      close();
    }
  }

  // ---- settings --------------------------------------------------------------------------

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("fetch size must be >= 0, got " + rows, "22023");
    }
    fetchSize = rows == 0 ? connection.defaultFetchSize() : rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("max rows must be >= 0, got " + max, "22023");
    }
    maxRows = max;
  }

  @Override
  public int getMaxRows() throws SQLException {
    checkOpen();
    return (int) Math.min(Integer.MAX_VALUE, maxRows);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw new SQLException("query timeout must be >= 0, got " + seconds, "22023");
    }
    queryTimeoutSeconds = seconds;
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeoutSeconds;
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return maxFieldSize;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    maxFieldSize = max;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
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

  @Override public void setCursorName(String name) throws SQLException { throw new SQLFeatureNotSupportedException("named cursors are not supported", "0A000"); }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw new SQLFeatureNotSupportedException("only FETCH_FORWARD is supported", "0A000");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override public int getResultSetConcurrency() { return ResultSet.CONCUR_READ_ONLY; }
  @Override public int getResultSetType() { return ResultSet.TYPE_FORWARD_ONLY; }
  @Override public int getResultSetHoldability() { return ResultSet.HOLD_CURSORS_OVER_COMMIT; }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override public boolean isClosed() { return isClosed; }

  @Override
  public void close() throws SQLException {
    if (isClosed) {
      return;
    }
    isClosed = true;
    closeResultSet();
    connection.statementClosed(this);
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    isPoolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return isPoolable;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    isCloseOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return isCloseOnCompletion;
  }

  // Generated keys: the server sends them (GENERATED_KEYS) before the update count.

  @Override public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException { return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql, autoGeneratedKeys)); }
  @Override public int executeUpdate(String sql, int[] columnIndexes) throws SQLException { return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql, columnIndexes)); }
  @Override public int executeUpdate(String sql, String[] columnNames) throws SQLException { return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql, columnNames)); }
  @Override public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException { return largeUpdateWithKeys(sql, keysFor(autoGeneratedKeys)); }
  @Override public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException { return largeUpdateWithKeys(sql, keysFor(columnIndexes)); }
  @Override public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException { return largeUpdateWithKeys(sql, keysFor(columnNames)); }
  @Override public boolean execute(String sql, int autoGeneratedKeys) throws SQLException { checkOpen(); return run(withKeys(sql, keysFor(autoGeneratedKeys))); }
  @Override public boolean execute(String sql, int[] columnIndexes) throws SQLException { checkOpen(); return run(withKeys(sql, keysFor(columnIndexes))); }
  @Override public boolean execute(String sql, String[] columnNames) throws SQLException { checkOpen(); return run(withKeys(sql, keysFor(columnNames))); }

  private long largeUpdateWithKeys(String sql, KeysRequest keys) throws SQLException {
    checkOpen();
    if (run(withKeys(sql, keys))) {
      closeResultSet();
      throw new SQLException("statement returned rows, use executeQuery: " + sql, "21000");
    }
    return updateCount;
  }

  void checkOpen() throws SQLException {
    if (isClosed) {
      throw SqlExceptions.closed("statement");
    }
    connection.checkOpen();
  }

  static ColumnBatch noParameters() {
    return ColumnBatch.empty(1);
  }
}
