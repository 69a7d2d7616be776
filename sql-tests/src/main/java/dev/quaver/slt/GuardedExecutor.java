package dev.quaver.slt;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one JDBC statement at a time on a worker thread, with {@link Statement#setQueryTimeout}
 * and a client-side guard {@value #GRACE_MILLIS} ms longer: a server that ignores the timeout
 * (or hangs) costs one failed record, not the whole run. After a guard timeout the statement
 * is cancelled, the connection and the worker are abandoned, and the next call reconnects.
 *
 * <p>Thread safety: confined to the runner's thread (the worker only runs its one statement).
 */
final class GuardedExecutor implements AutoCloseable {
  static final long GRACE_MILLIS = 5_000;

  private final Database database;
  private final Duration timeout;
  private ExecutorService worker = newWorker();
  private Connection connection;

  GuardedExecutor(Database database, Duration timeout) {
    this.database = database;
    this.timeout = timeout;
  }

  /** The body of one guarded call; it receives a fresh statement with its timeout set. */
  interface StatementCall<T> {
    T apply(Statement statement) throws SQLException;
  }

  <T> T call(String sql, StatementCall<T> body) throws SQLException, StatementTimeoutException {
    Connection current = connection();
    AtomicReference<Statement> running = new AtomicReference<>();
    int seconds = (int) Math.max(1, timeout.toSeconds());
    Future<T> future = worker.submit(() -> {
      try (Statement statement = current.createStatement()) {
        running.set(statement);
        try {
          statement.setQueryTimeout(seconds);
        } catch (SQLException | UnsupportedOperationException e) {
          // The client-side guard still applies.
        }
        return body.apply(statement);
      }
    });
    try {
      return future.get(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sqlException) {
        throw sqlException;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      abandon(future, running.get());
      throw new StatementTimeoutException(
          "no answer within " + (timeout.toMillis() + GRACE_MILLIS) + " ms (client-side guard)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(future, running.get());
      throw new StatementTimeoutException("interrupted while waiting for: " + sql);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // The database is about to be dropped anyway.
      }
      connection = null;
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = database.connect();
    }
    return connection;
  }

  private void abandon(Future<?> future, Statement statement) {
    future.cancel(true);
    Connection old = connection;
    connection = null;
    worker.shutdownNow();
    worker = newWorker();
    Thread closer = new Thread(() -> {
      try {
        if (statement != null) {
          statement.cancel();
        }
      } catch (SQLException | RuntimeException e) {
        // Best effort: the connection is closed next.
      }
      try {
        old.close();
      } catch (SQLException | RuntimeException e) {
        // Abandoned either way.
      }
    }, "slt-abandon");
    closer.setDaemon(true);
    closer.start();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "slt-statement");
      thread.setDaemon(true);
      return thread;
    });
  }
}
