package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 50 concurrent JDBC sessions for a few seconds, each checking every answer against its own
 * model: inserts, updates, point and range selects and aggregates on a per-session table, plus
 * inserts into and counts over one shared table. Duration: {@code -Dquaver.concurrency.millis}.
 */
class ConcurrencyIT {
  private static final int SESSIONS = 50;

  @Test
  void fiftySessionsSeeCorrectResults() throws Exception {
    long durationMillis = Long.getLong("quaver.concurrency.millis", 4_000);
    try (TestServer server = TestServer.start()) {
      try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE shared (id BIGINT PRIMARY KEY, session INTEGER, v INTEGER)");
      }
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      AtomicLong sharedRows = new AtomicLong();
      AtomicLong statements = new AtomicLong();
      CountDownLatch ready = new CountDownLatch(SESSIONS);
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int s = 0; s < SESSIONS; s++) {
        int session = s;
        Thread thread = new Thread(() -> {
          try (Connection connection = server.connect()) {
            ready.countDown();
            go.await();
            long deadline = System.currentTimeMillis() + durationMillis;
            new SessionWorkload(connection, session, sharedRows, statements).run(deadline);
          } catch (Throwable e) {
            errors.add(new AssertionError("session " + session + ": " + e, e));
            ready.countDown();
          }
        }, "session-" + s);
        threads.add(thread);
        thread.start();
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      for (Thread thread : threads) {
        thread.join(durationMillis + 120_000);
        assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("ConcurrencyIT: %d statements in %.1f s (%.0f/s) over %d sessions%n",
          statements.get(), seconds, statements.get() / seconds, SESSIONS);
      assertThat(errors).isEmpty();
      try (Connection connection = server.connect(); Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT session) FROM shared")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(sharedRows.get());
        assertThat(rs.getLong(2)).isEqualTo(SESSIONS);
      }
    }
  }

  /** One session's loop and its model of its own table. Confined to its thread. */
  private static final class SessionWorkload {
    private final Connection connection;
    private final int session;
    private final AtomicLong sharedRows;
    private final AtomicLong statements;
    private final String table;
    private final TreeMap<Integer, Integer> model = new TreeMap<>();
    private final Random random;
    private long sharedInserted;

    SessionWorkload(Connection connection, int session, AtomicLong sharedRows, AtomicLong statements) {
      this.connection = connection;
      this.session = session;
      this.sharedRows = sharedRows;
      this.statements = statements;
      this.table = "own_" + session;
      this.random = new Random(session);
    }

    void run(long deadline) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE " + table + " (k INTEGER PRIMARY KEY, v INTEGER)");
      }
      int nextKey = 0;
      try (PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO " + table + " (k, v) VALUES (?, ?)");
          PreparedStatement point = connection.prepareStatement(
              "SELECT v FROM " + table + " WHERE k = ?");
          PreparedStatement shared = connection.prepareStatement(
              "INSERT INTO shared (id, session, v) VALUES (?, ?, ?)")) {
        insertShared(shared); // at least one shared row per session
        while (System.currentTimeMillis() < deadline) {
          int choice = random.nextInt(10);
          if (choice < 4) {
            int value = random.nextInt(1000);
            insert.setInt(1, nextKey);
            insert.setInt(2, value);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            model.put(nextKey++, value);
          } else if (choice < 5) {
            insertShared(shared);
          } else if (choice < 6 && !model.isEmpty()) {
            update();
          } else if (choice < 8 && !model.isEmpty()) {
            int key = random.nextInt(nextKey);
            point.setInt(1, key);
            try (ResultSet rs = point.executeQuery()) {
              assertThat(rs.next()).isTrue();
              assertThat(rs.getInt(1)).as("%s key %d", table, key).isEqualTo(model.get(key));
              assertThat(rs.next()).isFalse();
            }
          } else {
            checkAggregates();
          }
          statements.incrementAndGet();
        }
      }
      checkAggregates();
      checkSharedCount();
    }

    private void insertShared(PreparedStatement shared) throws SQLException {
      long id = (long) session << 32 | sharedInserted;
      shared.setLong(1, id);
      shared.setInt(2, session);
      shared.setInt(3, (int) sharedInserted);
      assertThat(shared.executeUpdate()).isEqualTo(1);
      sharedInserted++;
      sharedRows.incrementAndGet();
    }

    private void update() throws SQLException {
      int low = random.nextInt(model.lastKey() + 1);
      int delta = random.nextInt(5) + 1;
      try (Statement statement = connection.createStatement()) {
        int changed = statement.executeUpdate("UPDATE " + table + " SET v = v + " + delta
            + " WHERE k >= " + low + " AND k < " + (low + 10));
        int expected = 0;
        for (var entry : model.subMap(low, low + 10).entrySet()) {
          entry.setValue(entry.getValue() + delta);
          expected++;
        }
        assertThat(changed).as("%s rows updated", table).isEqualTo(expected);
      }
    }

    private void checkAggregates() throws SQLException {
      long sum = model.values().stream().mapToLong(Integer::longValue).sum();
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(
              "SELECT COUNT(*), SUM(CAST(v AS BIGINT)), MAX(k) FROM " + table)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("%s count", table).isEqualTo(model.size());
        if (model.isEmpty()) {
          assertThat(rs.getObject(2)).isNull();
        } else {
          assertThat(rs.getLong(2)).as("%s sum", table).isEqualTo(sum);
          assertThat(rs.getInt(3)).as("%s max key", table).isEqualTo(model.lastKey());
        }
      }
    }

    private void checkSharedCount() throws SQLException {
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(
              "SELECT COUNT(*) FROM shared WHERE session = " + session)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("shared rows of session %d", session)
            .isEqualTo(sharedInserted);
      }
    }
  }
}
