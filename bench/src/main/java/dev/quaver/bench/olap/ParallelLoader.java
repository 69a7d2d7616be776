package dev.quaver.bench.olap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Loads one table over several connections at once: this thread generates the rows (the same
 * seeded sequence as {@link Loader}) in batches of {@link Loader#BATCH_ROWS}, and each connection
 * inserts whole batches as PreparedStatement batches in autocommit. Row order in the table differs
 * from a single-connection load; the rows are the same. Used by {@link MusicScales}, whose loads
 * would otherwise dominate its run time.
 */
final class ParallelLoader {
  private static final List<Object[]> END = List.of();

  private ParallelLoader() {}

  /** Creates and fills {@code table} over {@code connections} connections; returns the row count. */
  static long load(Engine engine, Connection ddl, Table table, int connections) throws Exception {
    if (connections <= 1) {
      return Loader.load(engine, ddl, table);
    }
    try (Statement statement = ddl.createStatement()) {
      statement.execute(table.createSql(engine.tableSuffix(table.name())));
    }
    String sql = "INSERT INTO " + table.name() + " VALUES ("
        + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
    BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(connections * 4);
    ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
      Thread t = new Thread(r, "music-loader");
      t.setDaemon(true);
      return t;
    });
    List<Future<Long>> workers = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        workers.add(pool.submit(() -> {
          long rows = 0;
          try (Connection connection = engine.connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
            for (List<Object[]> batch = queue.take(); batch != END; batch = queue.take()) {
              for (Object[] row : batch) {
                for (int c = 0; c < row.length; c++) {
                  Loader.bind(engine, insert, c + 1, row[c]);
                }
                insert.addBatch();
              }
              insert.executeBatch();
              rows += batch.size();
            }
          }
          return rows;
        }));
      }
      List<Object[]>[] pending = new List[] {new ArrayList<>(Loader.BATCH_ROWS)};
      table.rows().emit(row -> {
        pending[0].add(row);
        if (pending[0].size() == Loader.BATCH_ROWS) {
          put(queue, pending[0], workers);
          pending[0] = new ArrayList<>(Loader.BATCH_ROWS);
        }
      });
      if (!pending[0].isEmpty()) {
        put(queue, pending[0], workers);
      }
      for (int i = 0; i < connections; i++) {
        put(queue, END, workers);
      }
      long rows = 0;
      for (Future<Long> worker : workers) {
        rows += worker.get();
      }
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Queues a batch, failing fast when a worker has died (it would never take it). */
  private static void put(BlockingQueue<List<Object[]>> queue, List<Object[]> batch, List<Future<Long>> workers)
      throws Exception {
    while (!queue.offer(batch, 1, TimeUnit.SECONDS)) {
      for (Future<Long> worker : workers) {
        if (worker.isDone()) {
          worker.get(); // throws the worker's failure
          throw new IllegalStateException("a loader connection ended early");
        }
      }
    }
  }
}
