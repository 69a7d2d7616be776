package dev.quaver.jdbc;

import dev.quaver.protocol.CatalogInfo;
import dev.quaver.protocol.CatalogRequest;
import dev.quaver.protocol.ErrorResponse;
import dev.quaver.protocol.Message;
import dev.quaver.protocol.Ping;
import dev.quaver.protocol.Pong;
import dev.quaver.protocol.Prepare;
import dev.quaver.protocol.KeysRequest;
import dev.quaver.protocol.PrepareKeys;
import dev.quaver.protocol.PrepareOk;
import dev.quaver.protocol.ProtocolFormat;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A JDBC connection to a Quaver server. Auto-commit is always on: every statement commits by
 * itself, so commit() and rollback() fail (25P01) as in pgjdbc; turning auto-commit off fails clearly
 * (0A000) rather than pretend. Many threads may share a connection (tools do): the wire
 * connection serializes their exchanges.
 *
 * <p>Thread safety: safe for concurrent use; exchanges are serialized by {@link WireConnection}.
 */
final class QuaverConnection implements Connection, SelfWrapper {
  private static volatile ScheduledExecutorService timers;

  private final WireConnection wire;
  private final String url;
  private final ConnectionUrl parsedUrl;
  private final int defaultFetchSize;
  private final Set<QuaverStatement> statements = ConcurrentHashMap.newKeySet();
  /** The one client-info property Quaver knows (getClientInfoProperties lists it). */
  static final String APPLICATION_NAME = "ApplicationName";

  private final Properties clientInfo = new Properties();
  private volatile boolean isReadOnly;
  private volatile int isolation = TRANSACTION_REPEATABLE_READ;
  private volatile String schema = QuaverDatabaseMetaData.SCHEMA;

  QuaverConnection(WireConnection wire, String url, ConnectionUrl parsedUrl) throws SQLException {
    this.wire = wire;
    this.url = url;
    this.parsedUrl = parsedUrl;
    int fetchSize = parsedUrl.intProperty("fetchSize",
        parsedUrl.intProperty("defaultFetchSize", ProtocolFormat.DEFAULT_FETCH_SIZE));
    this.defaultFetchSize = fetchSize > 0 ? fetchSize : ProtocolFormat.DEFAULT_FETCH_SIZE;
  }

  /** One daemon timer thread for all query timeouts of the JVM. */
  static ScheduledExecutorService timers() {
    ScheduledExecutorService current = timers;
    if (current == null) {
      synchronized (QuaverConnection.class) {
        if (timers == null) {
          timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quaver-jdbc-timeout");
            thread.setDaemon(true);
            return thread;
          });
        }
        current = timers;
      }
    }
    return current;
  }

  WireConnection wire() {
    return wire;
  }

  int defaultFetchSize() {
    return defaultFetchSize;
  }

  String url() {
    return url;
  }

  String user() {
    return parsedUrl.property("user", "quaver");
  }

  String database() {
    return parsedUrl.database();
  }

  String serverVersion() {
    return wire.auth().serverVersion();
  }

  /** Fetches the catalog (tables, views, columns, keys, indexes) for DatabaseMetaData. */
  CatalogInfo catalog() throws SQLException {
    checkOpen();
    wire.lock();
    try {
      wire.send(new CatalogRequest());
      Message reply = wire.receive();
      if (reply instanceof ErrorResponse error) {
        throw SqlExceptions.of(error);
      }
      if (!(reply instanceof CatalogInfo catalog)) {
        wire.closeSocket();
        throw SqlExceptions.of("08P01", "unexpected " + reply.type() + " reply to CATALOG_REQUEST", null);
      }
      return catalog;
    } finally {
      wire.unlock();
    }
  }

  void statementClosed(QuaverStatement statement) {
    statements.remove(statement);
  }

  void checkOpen() throws SQLException {
    if (wire.isClosed()) {
      throw SqlExceptions.closed("connection");
    }
  }

  // ---- statements ------------------------------------------------------------------------

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    QuaverStatement statement = new QuaverStatement(this);
    statements.add(statement);
    return statement;
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepare(sql, null);
  }

  /** Generated keys need protocol version 2 (GENERATED_KEYS); 0A000 against an older server. */
  void requireKeys() throws SQLException {
    if (wire.version() < 2) {
      throw new SQLFeatureNotSupportedException("generated keys need protocol version 2; the server speaks "
          + wire.version(), "0A000");
    }
  }

  private PreparedStatement prepare(String sql, KeysRequest keys) throws SQLException {
    checkOpen();
    if (keys != null) {
      requireKeys();
    }
    wire.lock();
    PrepareOk ok;
    try {
      wire.send(keys == null ? new Prepare(sql) : new PrepareKeys(sql, keys));
      Message reply = wire.receive();
      if (reply instanceof ErrorResponse error) {
        throw SqlExceptions.of(error);
      }
      if (!(reply instanceof PrepareOk prepared)) {
        wire.closeSocket();
        throw SqlExceptions.of("08P01", "unexpected " + reply.type() + " reply to PREPARE", null);
      }
      ok = prepared;
    } finally {
      wire.unlock();
    }
    QuaverPreparedStatement statement =
        new QuaverPreparedStatement(this, sql, ok.statementId(), ok.parameterTypes(), ok.columns());
    statements.add(statement);
    return statement;
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    checkResultSetKind(type, concurrency);
    return createStatement();
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    checkResultSetKind(type, concurrency);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
    checkResultSetKind(type, concurrency);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
    checkResultSetKind(type, concurrency);
    return prepareStatement(sql);
  }

  @Override public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException { return prepare(sql, QuaverStatement.keysFor(autoGeneratedKeys)); }
  @Override public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException { return prepare(sql, QuaverStatement.keysFor(columnIndexes)); }
  @Override public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException { return prepare(sql, QuaverStatement.keysFor(columnNames)); }

  private static void checkResultSetKind(int type, int concurrency) throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw new SQLFeatureNotSupportedException(
          "only TYPE_FORWARD_ONLY, CONCUR_READ_ONLY result sets are supported", "0A000");
    }
  }

  @Override public CallableStatement prepareCall(String sql) throws SQLException { throw new SQLFeatureNotSupportedException("stored procedures are not supported", "0A000"); }
  @Override public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException { return prepareCall(sql); }
  @Override public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException { return prepareCall(sql); }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  // ---- transactions ----------------------------------------------------------------------

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit) {
      throw new SQLFeatureNotSupportedException(
          "transactions are not supported yet: every statement commits on its own (auto-commit stays on)", "0A000");
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return true;
  }

  /**
   * Fails as the JDBC spec requires ("this method should be used only when auto-commit mode has
   * been disabled") and as pgjdbc does: auto-commit is always on, so each statement already
   * committed and a call here is a mistake the application should hear about.
   */
  @Override
  public void commit() throws SQLException {
    checkOpen();
    throw new SQLException("cannot commit when auto-commit is enabled", "25P01");
  }

  /** Fails like {@link #commit()}: each statement already committed; there is nothing to roll back. */
  @Override
  public void rollback() throws SQLException {
    checkOpen();
    throw new SQLException("cannot rollback when auto-commit is enabled", "25P01");
  }

  @Override public Savepoint setSavepoint() throws SQLException { throw new SQLFeatureNotSupportedException("savepoints are not supported", "0A000"); }
  @Override public Savepoint setSavepoint(String name) throws SQLException { return setSavepoint(); }
  @Override public void rollback(Savepoint savepoint) throws SQLException { throw new SQLFeatureNotSupportedException("savepoints are not supported", "0A000"); }
  @Override public void releaseSavepoint(Savepoint savepoint) throws SQLException { throw new SQLFeatureNotSupportedException("savepoints are not supported", "0A000"); }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    // Each statement reads one snapshot: that gives READ UNCOMMITTED..REPEATABLE READ, not
    // SERIALIZABLE (a statement's read set is not validated at commit).
    if (level != TRANSACTION_READ_UNCOMMITTED && level != TRANSACTION_READ_COMMITTED
        && level != TRANSACTION_REPEATABLE_READ) {
      throw new SQLFeatureNotSupportedException("transaction isolation level " + level
          + " is not supported; Quaver gives REPEATABLE READ (" + TRANSACTION_REPEATABLE_READ + ")", "0A000");
    }
    isolation = level;
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return isolation;
  }

  // ---- life cycle ------------------------------------------------------------------------

  /**
   * Closes statements and cursors on the server, then says goodbye. If another thread is in the
   * middle of an exchange, waiting could take as long as its query: the socket is closed at once
   * instead (that thread then fails with 08006) and the server frees the session on its own.
   */
  @Override
  public void close() throws SQLException {
    if (wire.isClosed()) {
      return;
    }
    boolean isIdle = wire.tryLock(0);
    if (!isIdle) {
      wire.closeSocket();
    }
    try {
      for (QuaverStatement statement : new ArrayList<>(statements)) {
        try {
          statement.close();
        } catch (SQLException ignored) {
          // closing everything anyway
        }
      }
      wire.close();
    } finally {
      if (isIdle) {
        wire.unlock();
      }
    }
  }

  @Override public boolean isClosed() { return wire.isClosed(); }

  @Override
  public boolean isValid(int timeoutSeconds) throws SQLException {
    if (timeoutSeconds < 0) {
      throw new SQLException("timeout must be >= 0, got " + timeoutSeconds, "22023");
    }
    if (wire.isClosed()) {
      return false;
    }
    long millis = timeoutSeconds == 0 ? 60_000 : timeoutSeconds * 1000L;
    if (!wire.tryLock(millis)) {
      // Another thread is in the middle of a long exchange: the connection is busy, not dead.
      return !wire.isClosed();
    }
    int previousTimeout = wire.timeoutMillis();
    try {
      wire.setTimeoutMillis((int) millis);
      wire.send(new Ping());
      boolean isValid = wire.receive() instanceof Pong;
      wire.setTimeoutMillis(previousTimeout);
      return isValid;
    } catch (SQLException e) {
      return false;
    } finally {
      wire.unlock();
    }
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    wire.closeSocket();
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw new SQLException("network timeout must be >= 0, got " + milliseconds, "22023");
    }
    wire.setTimeoutMillis(milliseconds);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return wire.timeoutMillis();
  }

  // ---- settings --------------------------------------------------------------------------

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new QuaverDatabaseMetaData(this);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    isReadOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return isReadOnly;
  }

  /** Catalogs are not supported (one database per server): the name is ignored. */
  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void setSchema(String newSchema) throws SQLException {
    checkOpen();
    if (newSchema != null && !newSchema.equalsIgnoreCase(QuaverDatabaseMetaData.SCHEMA)) {
      throw new SQLException("schema " + newSchema + " does not exist; the only schema is "
          + QuaverDatabaseMetaData.SCHEMA, "3F000");
    }
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return schema;
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

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return new java.util.HashMap<>();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    clientInfo.clear();
    clientInfo.putAll(properties);
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }

  @Override public Clob createClob() throws SQLException { throw new SQLFeatureNotSupportedException("LOBs are not supported", "0A000"); }
  @Override public Blob createBlob() throws SQLException { throw new SQLFeatureNotSupportedException("LOBs are not supported", "0A000"); }
  @Override public NClob createNClob() throws SQLException { throw new SQLFeatureNotSupportedException("LOBs are not supported", "0A000"); }
  @Override public SQLXML createSQLXML() throws SQLException { throw new SQLFeatureNotSupportedException("SQLXML is not supported", "0A000"); }
  @Override public Array createArrayOf(String typeName, Object[] elements) throws SQLException { throw new SQLFeatureNotSupportedException("arrays are not supported", "0A000"); }
  @Override public Struct createStruct(String typeName, Object[] attributes) throws SQLException { throw new SQLFeatureNotSupportedException("structs are not supported", "0A000"); }

  List<QuaverStatement> openStatements() {
    return new ArrayList<>(statements);
  }
}
