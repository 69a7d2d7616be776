package dev.quaver.bench.olap;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a query with warm-up runs and measured repetitions, each run bounded by a timeout. A run reads
 * every value of every row. On timeout the statement is cancelled; if it does not stop within 10 s
 * the connection is abandoned and a new one opened, so one stuck query cannot stall the others.
 *
 * <p>Thread safety: confined to the runner's thread (runs execute on a private worker).
 */
final class QueryTimer implements AutoCloseable {
  private final Engine engine;
  private final long timeoutMillis;
  private Connection connection;
  private ExecutorService worker;

  QueryTimer(Engine engine, Connection connection, long timeoutMillis) {
    this.engine = engine;
    this.connection = connection;
    this.timeoutMillis = timeoutMillis;
    this.worker = newWorker();
  }

  Outcome measure(String sql, int warmups, int repetitions) {
    double[] times = new double[repetitions];
    Results last = null;
    try {
      for (int i = 0; i < warmups + repetitions; i++) {
        long start = System.nanoTime();
        last = runOnce(sql);
        if (i >= warmups) {
          times[i - warmups] = (System.nanoTime() - start) / 1e6;
        }
      }
    } catch (TimeoutException e) {
      return Outcome.failed(Outcome.Status.TIMEOUT, "no answer within " + timeoutMillis / 1000 + " s");
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      String state = cause instanceof SQLException s && s.getSQLState() != null ? "[" + s.getSQLState() + "] " : "";
      return Outcome.failed(Outcome.Status.ERROR, state + String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
    }
    Arrays.sort(times);
    double median = repetitions % 2 == 1 ? times[repetitions / 2]
        : (times[repetitions / 2 - 1] + times[repetitions / 2]) / 2;
    return Outcome.ok(median, times[0], last);
  }

  private Results runOnce(String sql) throws Exception {
    Statement statement = connection.createStatement();
    Future<Results> future = worker.submit(() -> {
      try (statement; ResultSet resultSet = statement.executeQuery(sql)) {
        return Results.read(resultSet);
      }
    });
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      try {
        statement.cancel();
        future.get(10, TimeUnit.SECONDS);
      } catch (TimeoutException stuck) {
        abandonConnection();
      } catch (ExecutionException | SQLException expected) {
        // the cancelled run ended with an error: the connection is usable again
      }
      throw e;
    }
  }

  private void abandonConnection() throws SQLException {
    worker.shutdownNow();
    worker = newWorker();
    connection = engine.connect();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "olap-query");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
