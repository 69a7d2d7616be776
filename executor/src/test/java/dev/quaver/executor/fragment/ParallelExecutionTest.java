package dev.quaver.executor.fragment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.Executor;
import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.QueryExecution;
import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.Planner;
import dev.quaver.planner.SessionSettings;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partition-parallel execution returns what serial execution returns (joins of every type under
 * every join distribution, one- and two-phase aggregation, DISTINCT aggregates, sorts, limits,
 * windows, set operations, subqueries) on partitioned tables read from segments plus a delta;
 * it really runs fragments (EXPLAIN ANALYZE shows them); and after every query, also a failed,
 * cancelled or early-closed one, the allocator is empty and no fragment instance is running.
 */
class ParallelExecutionTest {
  private static final List<String> QUERIES = List.of(
      "SELECT f.k, COUNT(*), SUM(f.v), MIN(d.name), MAX(f.v) FROM f JOIN d ON f.k = d.k GROUP BY f.k",
      "SELECT d.name, COUNT(f.v) FROM d LEFT JOIN f ON f.k = d.k GROUP BY d.name",
      "SELECT f.id, d.name FROM f RIGHT JOIN d ON f.k = d.k WHERE f.id IS NULL OR f.id < 40",
      "SELECT f.id, d.k FROM f FULL JOIN d ON f.k = d.k WHERE f.id IS NULL OR f.id < 40",
      "SELECT f.id, g.w FROM f JOIN g ON f.id = g.id WHERE g.w > 3",
      "SELECT COUNT(*), SUM(v), AVG(v), MIN(s), MAX(s) FROM f",
      "SELECT COUNT(*), SUM(v) FROM f WHERE v > 1000",
      "SELECT v % 3, COUNT(*), COUNT(DISTINCT k) FROM f GROUP BY v % 3",
      "SELECT s, COUNT(*), SUM(v) FROM f GROUP BY s HAVING COUNT(*) > 10",
      "SELECT d.name FROM d WHERE d.k IN (SELECT k FROM f WHERE v > 5)",
      "SELECT d.name FROM d WHERE NOT EXISTS (SELECT 1 FROM f WHERE f.k = d.k AND f.v > 2990)",
      "SELECT COUNT(*) FROM f, d WHERE f.v < d.k",
      "SELECT id, v FROM f ORDER BY v DESC, id LIMIT 17",
      "SELECT id, v FROM f ORDER BY id LIMIT 10 OFFSET 2995",
      "SELECT k, id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) FROM f WHERE id < 300",
      "SELECT k FROM f UNION SELECT k FROM d",
      "SELECT k FROM f INTERSECT SELECT k FROM d",
      "SELECT f.k, COUNT(*) FROM f JOIN g ON f.id = g.id JOIN d ON f.k = d.k GROUP BY f.k");

  @TempDir Path directory;
  private StorageEngine storage;
  private Planner planner;
  private Executor executor;

  @BeforeEach
  void open() {
    storage = Storage.open(StorageConfig.defaults(directory));
    planner = new Planner(storage.catalog());
    ExecutorConfig defaults = ExecutorConfig.defaults(directory.resolve("spill"));
    executor = new Executor(storage, defaults.withParallelism(2));
    run("CREATE TABLE f (id INTEGER NOT NULL, k INTEGER, v INTEGER, s VARCHAR(10)) DISTRIBUTED BY HASH (k) "
        + "PARTITIONS 4");
    run("CREATE TABLE d (k INTEGER PRIMARY KEY, name VARCHAR(10)) DISTRIBUTED BY HASH (k) PARTITIONS 4");
    run("CREATE TABLE g (id INTEGER PRIMARY KEY, w INTEGER) DISTRIBUTED BY HASH (id) PARTITIONS 3");
    insertF(0, 2500);
    run("INSERT INTO d VALUES (0, 'zero'), (1, 'one'), (2, 'two'), (3, 'three'), (9, 'nine'), (40, 'forty')");
    StringBuilder g = new StringBuilder("INSERT INTO g VALUES (0, 0)");
    for (int i = 1; i < 500; i += 3) {
      g.append(", (").append(i).append(", ").append(i % 10).append(")");
    }
    run(g.toString());
    run("OPTIMIZE TABLE f");
    insertF(2500, 3000); // a delta after the watermark
    run("DELETE FROM f WHERE id % 97 = 0");
    run("UPDATE f SET k = k + 1 WHERE id % 89 = 0"); // moves rows between partitions
    run("ANALYZE");
  }

  @AfterEach
  void close() {
    assertThat(executor.allocatedBytes()).isZero();
    assertThat(executor.runningFragmentInstances()).isZero();
    executor.close();
    storage.close();
  }

  @Test
  void parallelResultsEqualSerialResults() {
    SessionSettings serial = SessionSettings.DEFAULTS.set("parallelism", "1");
    for (String sql : QUERIES) {
      List<List<Object>> expected = query(sql, serial);
      for (String join : List.of("auto", "broadcast", "shuffle")) {
        for (String phases : List.of("auto", "two")) {
          SessionSettings settings = SessionSettings.DEFAULTS.set("join_distribution", join)
              .set("aggregation_phases", phases);
          List<List<Object>> actual;
          try {
            actual = query(sql, settings);
          } catch (RuntimeException e) {
            throw new AssertionError(sql + " join=" + join + " phases=" + phases, e);
          }
          if (sql.contains("ORDER BY")) {
            assertThat(actual).as("%s join=%s phases=%s", sql, join, phases).isEqualTo(expected);
          } else {
            assertThat(actual).as("%s join=%s phases=%s", sql, join, phases)
                .containsExactlyInAnyOrderElementsOf(expected);
          }
          assertThat(executor.allocatedBytes()).isZero();
          assertThat(executor.runningFragmentInstances()).isZero();
        }
      }
    }
  }

  @Test
  void explainAnalyzeShowsFragmentsAndInstances() {
    String plan = String.join("\n", column(query(
        "EXPLAIN ANALYZE SELECT k, COUNT(*) FROM f GROUP BY k", SessionSettings.DEFAULTS)));
    assertThat(plan).contains("Fragment 0 (result, instances=1): actual_rows=")
        .containsPattern("HashAggregate.* instances=4 actual_rows=\\d+ batches=")
        .containsPattern("Fragment \\d+ \\(exchange [a-z\\[\\]0-9, ]+, instances=4\\): actual_rows=\\d+");
    String serial = String.join("\n", column(query("EXPLAIN ANALYZE SELECT k, COUNT(*) FROM f GROUP BY k",
        SessionSettings.DEFAULTS.set("parallelism", "1"))));
    assertThat(serial).doesNotContain("Fragment").doesNotContain("instances=");
  }

  @Test
  void anErrorInAWorkerIsReportedAndReleasesEverything() {
    assertThatThrownBy(() -> query("SELECT k, SUM(1 / (v - v)) FROM f GROUP BY k", SessionSettings.DEFAULTS))
        .isInstanceOfSatisfying(QuaverException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
    assertThat(executor.allocatedBytes()).isZero();
    assertThat(executor.runningFragmentInstances()).isZero();
    assertThat(query("SELECT COUNT(*) FROM f", SessionSettings.DEFAULTS)).hasSize(1);
  }

  @Test
  void cancelStopsEveryFragment() throws Exception {
    String slow = "SELECT COUNT(*) FROM f a JOIN f b ON a.v < b.v";
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    try (QueryExecution execution = executor.execute(planner.prepare(slow, SessionSettings.DEFAULTS), List.of(),
        SessionSettings.DEFAULTS)) {
      Thread canceller = new Thread(() -> {
        sleep(300);
        execution.cancel();
      });
      canceller.start();
      long start = System.nanoTime();
      try {
        while (execution.next() != null) {
          // drain
        }
      } catch (Throwable t) {
        thrown.set(t);
      }
      canceller.join();
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms until cancel took effect").isLessThan(60_000);
    }
    assertThat(thrown.get()).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELED));
    assertThat(executor.allocatedBytes()).isZero();
    assertThat(executor.runningFragmentInstances()).isZero();
  }

  @Test
  void closingBeforeTheEndStopsTheProducers() {
    try (QueryExecution execution = executor.execute(planner.prepare("SELECT id, s FROM f", SessionSettings.DEFAULTS),
        List.of(), SessionSettings.DEFAULTS)) {
      assertThat(execution.next()).isNotNull();
    }
    assertThat(executor.allocatedBytes()).isZero();
    assertThat(executor.runningFragmentInstances()).isZero();
    assertThat(query("SELECT id FROM f LIMIT 3", SessionSettings.DEFAULTS)).hasSize(3);
  }

  @Test
  void aSmallMemoryLimitSpillsOrFailsCleanly() {
    SessionSettings small = SessionSettings.DEFAULTS.set("query_memory_limit", "1MB");
    String sql = "SELECT id, s, v FROM f ORDER BY s, v, id";
    List<List<Object>> expected = query(sql, SessionSettings.DEFAULTS.set("parallelism", "1"));
    try {
      assertThat(query(sql, small)).isEqualTo(expected);
    } catch (QuaverException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_MEMORY);
    }
    assertThat(executor.allocatedBytes()).isZero();
    assertThat(executor.runningFragmentInstances()).isZero();
  }

  private void insertF(int from, int to) {
    StringBuilder rows = new StringBuilder("INSERT INTO f VALUES ");
    for (int i = from; i < to; i++) {
      rows.append(i == from ? "" : ", ").append("(").append(i).append(", ")
          .append(i % 7 == 0 ? "NULL" : String.valueOf(i % 13)).append(", ")
          .append(i % 11 == 0 ? "NULL" : String.valueOf(i)).append(", 's").append(i % 37).append("')");
    }
    run(rows.toString());
  }

  private void run(String sql) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql, SessionSettings.DEFAULTS), List.of(),
        SessionSettings.DEFAULTS)) {
      execution.updateCount();
    }
  }

  private List<List<Object>> query(String sql, SessionSettings settings) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql, settings), List.of(), settings)) {
      List<List<Object>> rows = new ArrayList<>();
      for (VectorSchemaRoot batch = execution.next(); batch != null; batch = execution.next()) {
        for (int i = 0; i < batch.getRowCount(); i++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector vector : batch.getFieldVectors()) {
            row.add(VectorValues.get(vector, i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private static List<String> column(List<List<Object>> rows) {
    List<String> values = new ArrayList<>();
    rows.forEach(row -> values.add(String.valueOf(row.get(0))));
    return values;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
