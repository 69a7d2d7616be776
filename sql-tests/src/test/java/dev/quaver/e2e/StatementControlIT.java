package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statement control against the real engine: cancel from another thread, query timeout, fetch
 * size streaming with bounded client memory, max rows, batch update counts, generated keys.
 */
class StatementControlIT {
  /** 1000 rows; a three-way self cross join is 10^9 pairs: long enough to cancel. */
  private static final String LONG_QUERY = "SELECT COUNT(*) FROM sc_k a, sc_k b, sc_k c WHERE a.v + b.v + c.v < 0";

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sc_k (v INTEGER PRIMARY KEY)");
      statement.execute("INSERT INTO sc_k SELECT a.x * 100 + b.x * 10 + c.x FROM "
          + digits("a") + ", " + digits("b") + ", " + digits("c"));
      try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM sc_k")) {
        count.next();
        assertThat(count.getLong(1)).isEqualTo(1000);
      }
    }
  }

  private static String digits(String alias) {
    return "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS " + alias + "(x)";
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void cancelFromAnotherThreadStopsALongQueryWithinASecond() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      CompletableFuture<SQLException> running = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rows = statement.executeQuery(LONG_QUERY)) {
          rows.next();
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(700);
      assertThat(running).as("the query is still running before cancel").isNotDone();
      long canceledAt = System.nanoTime();
      statement.cancel();
      SQLException failure = running.get(10, TimeUnit.SECONDS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - canceledAt);
      assertThat(failure != null).as("the query failed").isTrue();
      assertThat(failure.getSQLState()).isEqualTo("57014");
      assertThat(millis).as("ms from cancel() to the failure").isLessThan(1000);
      assertThat(connection.isValid(2)).isTrue();
      try (ResultSet one = statement.executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
      }
    }
  }

  @Test
  void queryTimeoutEndsTheStatementWith57014() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long start = System.nanoTime();
      assertThatThrownBy(() -> statement.executeQuery(LONG_QUERY))
          .isInstanceOf(SQLTimeoutException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
      statement.setQueryTimeout(0);
      try (ResultSet one = statement.executeQuery("SELECT COUNT(*) FROM sc_k")) {
        assertThat(one.next()).isTrue();
        assertThat(one.getLong(1)).isEqualTo(1000);
      }
    }
  }

  @Test
  void fetchSizeStreamsTenMillionRowsWithBoundedMemory() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      assertThat(connection.getAutoCommit()).isTrue();
      statement.setFetchSize(1000);
      Runtime runtime = Runtime.getRuntime();
      long baseline = usedHeap(runtime);
      long maxGrowth = 0;
      long rows = 0;
      long sum = 0;
      try (ResultSet result = statement.executeQuery(
          "SELECT a.v + b.v AS s FROM sc_k a, sc_k b, (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS t(x)")) {
        while (result.next()) {
          sum += result.getLong(1);
          if (++rows % 2_000_000 == 0) {
            maxGrowth = Math.max(maxGrowth, usedHeap(runtime) - baseline);
          }
        }
      }
      assertThat(rows).isEqualTo(10_000_000L);
      assertThat(sum).isEqualTo(10L * 2 * 1000 * 499_500L);
      // 10M rows held in memory would be hundreds of MB; streamed, a few batches are live.
      assertThat(maxGrowth).as("heap growth while streaming, bytes").isLessThan(64L << 20);
    }
  }

  private static long usedHeap(Runtime runtime) {
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Test
  void maxRowsLimitsTheResult() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.setMaxRows(7);
      statement.setFetchSize(3);
      int rows = 0;
      try (ResultSet result = statement.executeQuery("SELECT v FROM sc_k ORDER BY v")) {
        while (result.next()) {
          assertThat(result.getInt(1)).isEqualTo(rows);
          rows++;
        }
      }
      assertThat(rows).isEqualTo(7);
      assertThat(statement.getMaxRows()).isEqualTo(7);
    }
  }

  @Test
  void batchesReturnPerStatementUpdateCounts() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sc_batch (id INTEGER PRIMARY KEY, n INTEGER)");
      statement.addBatch("INSERT INTO sc_batch VALUES (1, 0)");
      statement.addBatch("INSERT INTO sc_batch VALUES (2, 0), (3, 0), (4, 0)");
      statement.addBatch("UPDATE sc_batch SET n = 1 WHERE id >= 2");
      statement.addBatch("DELETE FROM sc_batch WHERE id = 99");
      assertThat(statement.executeBatch()).containsExactly(1, 3, 3, 0);

      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sc_batch VALUES (?, ?)")) {
        for (int id = 10; id < 15; id++) {
          insert.setInt(1, id);
          insert.setInt(2, id);
          insert.addBatch();
        }
        assertThat(insert.executeBatch()).containsExactly(1, 1, 1, 1, 1);
      }

      statement.addBatch("INSERT INTO sc_batch VALUES (20, 0), (21, 0)");
      statement.addBatch("INSERT INTO sc_batch VALUES (1, 0)");
      statement.addBatch("INSERT INTO sc_batch VALUES (22, 0)");
      assertThatThrownBy(statement::executeBatch)
          .isInstanceOf(BatchUpdateException.class)
          .satisfies(e -> {
            BatchUpdateException batch = (BatchUpdateException) e;
            assertThat(batch.getSQLState()).isEqualTo("23505");
            assertThat(batch.getMessage()).startsWith("batch entry 2: ");
            assertThat(batch.getUpdateCounts()).containsExactly(2);
          });
    }
  }

  /** A prepared INSERT batch of values commits once: all its rows, or none of them. */
  @Test
  void preparedInsertBatchIsOneAtomicCommit() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sc_bulk (id INTEGER PRIMARY KEY, label VARCHAR(4))");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sc_bulk VALUES (?, ?)")) {
        for (int id = 0; id < 1000; id++) {
          insert.setInt(1, id);
          insert.setString(2, "r" + (id % 100));
          insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        assertThat(counts).hasSize(1000).containsOnly(1);

        insert.setInt(1, 5000);
        insert.setString(2, "new");
        insert.addBatch();
        insert.setInt(1, 7); // already there: the whole batch fails
        insert.setString(2, "dup");
        insert.addBatch();
        assertThatThrownBy(insert::executeBatch)
            .isInstanceOf(BatchUpdateException.class)
            .satisfies(e -> {
              BatchUpdateException batch = (BatchUpdateException) e;
              assertThat(batch.getSQLState()).isEqualTo("23505");
              assertThat(batch.getUpdateCounts()).isEmpty();
            });

        insert.setInt(1, 6000);
        insert.setString(2, "long"); // four characters fit
        insert.addBatch();
        insert.setInt(1, 6001);
        insert.setString(2, "toolong"); // VARCHAR(4): 22001, nothing of the batch is written
        insert.addBatch();
        assertThatThrownBy(insert::executeBatch)
            .isInstanceOf(BatchUpdateException.class)
            .satisfies(e -> assertThat(((BatchUpdateException) e).getSQLState()).isEqualTo("22001"));
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT COUNT(*), MIN(id), MAX(id), COUNT(DISTINCT label) FROM sc_bulk")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(1000);
        assertThat(rows.getInt(2)).isEqualTo(0);
        assertThat(rows.getInt(3)).isEqualTo(999);
        assertThat(rows.getLong(4)).isEqualTo(100);
      }
    }
  }

  @Test
  void generatedKeysAreEmptyForATableWithoutIdentityColumn() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sc_keys (id INTEGER PRIMARY KEY)");
      assertThat(statement.executeUpdate("INSERT INTO sc_keys VALUES (1)", Statement.RETURN_GENERATED_KEYS)).isEqualTo(1);
      try (ResultSet keys = statement.getGeneratedKeys()) {
        assertThat(keys.next()).isFalse();
      }
      // tables with identity columns do generate keys (IdentityColumnsIT)
      assertThat(connection.getMetaData().supportsGetGeneratedKeys()).isTrue();
    }
  }
}
