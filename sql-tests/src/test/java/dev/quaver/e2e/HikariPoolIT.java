package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A HikariCP pool over the driver, as an application server would run it: validation through
 * {@code Connection.isValid} (no test query) on every borrow, {@code setNetworkTimeout} set by
 * the pool, and more threads than connections. Every thread must see its own correct results.
 */
class HikariPoolIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    // Validate on every borrow, not only after 500 ms of idleness.
    System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE hk_counter (worker INTEGER, n INTEGER, PRIMARY KEY (worker, n))");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void poolServesConcurrentWorkersWithValidation() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.url());
    config.setUsername(TestServer.USER);
    config.setPassword(TestServer.PASSWORD);
    config.setDriverClassName("dev.quaver.jdbc.QuaverDriver");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(10_000);
    config.setValidationTimeout(2_000);
    config.setPoolName("quaver-it");
    int workers = 8;
    int rounds = 60;
    try (HikariDataSource pool = new HikariDataSource(config)) {
      ExecutorService threads = Executors.newFixedThreadPool(workers);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          int worker = w;
          results.add(threads.submit(() -> work(pool, worker, rounds)));
        }
        for (Future<Integer> result : results) {
          assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(rounds);
        }
      } finally {
        threads.shutdownNow();
      }
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(1, 4);
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM hk_counter")) {
        assertThat(connection.isValid(1)).isTrue();
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo((long) workers * rounds);
      }
    }
  }

  private static int work(HikariDataSource pool, int worker, int rounds) throws Exception {
    int done = 0;
    for (int n = 0; n < rounds; n++) {
      try (Connection connection = pool.getConnection()) {
        assertThat(connection.getAutoCommit()).isTrue();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hk_counter VALUES (?, ?)")) {
          insert.setInt(1, worker);
          insert.setInt(2, n);
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement count = connection.prepareStatement(
            "SELECT COUNT(*), MAX(n) FROM hk_counter WHERE worker = ?")) {
          count.setInt(1, worker);
          try (ResultSet rows = count.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(n + 1L);
            assertThat(rows.getInt(2)).isEqualTo(n);
          }
        }
        done++;
      }
    }
    return done;
  }
}
