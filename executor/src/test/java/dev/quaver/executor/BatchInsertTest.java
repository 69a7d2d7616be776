package dev.quaver.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.Planner;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prepared INSERT-of-values batch as one statement over all parameter sets (BatchInsert),
 * through the real planner and storage: rows, per-set counts, one commit, atomicity, SQLSTATEs.
 */
class BatchInsertTest {
  @TempDir
  Path directory;
  private StorageEngine storage;
  private Planner planner;
  private Executor executor;

  @BeforeEach
  void open() {
    storage = Storage.open(StorageConfig.defaults(directory));
    planner = new Planner(storage.catalog());
    executor = new Executor(storage, new ExecutorConfig(64L << 20, 256L << 20, 100,
        directory.resolve("spill")));
    run("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(3), c CHAR(4), d DECIMAL(6, 2),"
        + " n INTEGER NOT NULL DEFAULT 7)");
  }

  @AfterEach
  void close() {
    assertThat(executor.allocatedBytes()).isZero();
    executor.close();
    storage.close();
  }

  private long run(String sql, Object... parameters) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql), Arrays.asList(parameters))) {
      return execution.updateCount();
    }
  }

  private List<List<Object>> query(String sql) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql), List.of())) {
      return ExecutorTestBase.drain(execution);
    }
  }

  private long[] batch(String sql, List<List<Object>> sets) {
    PreparedPlan plan = planner.prepare(sql);
    assertThat(Executor.isOneCommitBatch(plan)).isTrue();
    assertThat(BatchInsert.of(plan)).isNotNull();
    return execute(executor, plan, sets);
  }

  /** How the sets reach the executor: lists here, the decoded column batch in {@link BatchInsertColumnsTest}. */
  long[] execute(Executor executor, PreparedPlan plan, List<List<Object>> sets) {
    return executor.executeOneCommitBatch(plan, sets);
  }

  private static List<List<Object>> sets(int from, int count) {
    List<List<Object>> sets = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      sets.add(Arrays.asList(i, "n" + (i % 10), "c", new BigDecimal("1.5"), i % 3 == 0 ? null : i));
    }
    return sets;
  }

  @Test
  void manyRowsInChunksWithCountsOfOne() {
    long before = storage.currentSnapshot();
    long[] counts = batch("INSERT INTO t (id, name, c, d) VALUES (?, ?, ?, ?)",
        sets(0, 1050).stream().map(s -> s.subList(0, 4)).toList());
    assertThat(counts).hasSize(1050).containsOnly(1L);
    assertThat(storage.currentSnapshot()).isEqualTo(before + 1); // one commit
    assertThat(query("SELECT COUNT(*), MIN(id), MAX(id), MIN(n), MAX(n) FROM t"))
        .containsExactly(List.of(1050L, 0, 1049, 7, 7));
    assertThat(query("SELECT c, d, name FROM t WHERE id = 13"))
        .containsExactly(List.of("c   ", new BigDecimal("1.50"), "n3"));
  }

  @Test
  void expressionsOverParametersAndNulls() {
    long[] counts = batch("INSERT INTO t VALUES (CAST(? AS INTEGER) + 1, ?, 'x', CAST(? AS DECIMAL(6, 2)) * 2,"
        + " COALESCE(CAST(? AS INTEGER), 0))", List.of(
        Arrays.asList(1, "a", new BigDecimal("2.25"), null),
        Arrays.asList(2, null, null, 5)));
    assertThat(counts).containsExactly(1, 1);
    assertThat(query("SELECT id, name, c, d, n FROM t ORDER BY id")).containsExactly(
        Arrays.asList(2, "a", "x   ", new BigDecimal("4.50"), 0),
        Arrays.asList(3, null, "x   ", null, 5));
  }

  @Test
  void aFailingSetWritesNothingWithItsSqlState() {
    String insert = "INSERT INTO t VALUES (?, ?, ?, ?, ?)";
    assertCode(() -> batch(insert, List.of(Arrays.asList(1, "a", "c", null, 1),
        Arrays.asList(1, "b", "c", null, 1))), ErrorCode.UNIQUE_VIOLATION);
    assertCode(() -> batch(insert, List.of(Arrays.asList(2, "a", "c", null, 1),
        Arrays.asList(3, "b", "c", null, null))), ErrorCode.NOT_NULL_VIOLATION);
    assertCode(() -> batch(insert, List.of(Arrays.asList(4, "abcd", "c", null, 1))),
        ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
    assertCode(() -> batch(insert, List.of(Arrays.asList(5, "a", "c", new BigDecimal("123456.5"), 1))),
        ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertCode(() -> batch(insert, List.of(Arrays.asList(6, "a", "c", null))),
        ErrorCode.INVALID_PARAMETER_VALUE);
    assertCode(() -> batch(insert, List.of(Arrays.asList("7", "a", "c", null, 1))),
        ErrorCode.INVALID_PARAMETER_VALUE);
    assertThat(query("SELECT COUNT(*) FROM t")).containsExactly(List.of(0L));
    run("INSERT INTO t VALUES (9, 'z', 'c', NULL, 1)");
    List<List<Object>> clash = sets(0, 20).stream()
        .map(set -> Arrays.asList(set.get(0), set.get(1), set.get(2), set.get(3), 1)).toList();
    assertCode(() -> batch(insert, clash), ErrorCode.UNIQUE_VIOLATION);
    assertThat(query("SELECT COUNT(*) FROM t")).containsExactly(List.of(1L));
  }

  @Test
  void bareParametersSkipTheVectorsWithTheSameResultsAndSqlStates() {
    run("CREATE TABLE p (u INTEGER NOT NULL, big BIGINT, c CHAR(3), v VARCHAR(2), ts TIMESTAMP,"
        + " dd DATE, f DOUBLE, b BOOLEAN, s SMALLINT DEFAULT 5)");
    run("CREATE TABLE k (id INTEGER PRIMARY KEY, v VARCHAR(2))");
    run("CREATE UNIQUE INDEX k_v ON k (v)");
    String insert = "INSERT INTO p VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    assertThat(BatchInsert.of(planner.prepare(insert)).isDirect()).isTrue();
    assertThat(BatchInsert.of(planner.prepare("INSERT INTO p (u, v) VALUES (?, ?)")).isDirect()).isTrue();
    assertThat(BatchInsert.of(planner.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")).isDirect())
        .isFalse(); // DECIMAL: the vector rescales
    List<List<Object>> sets = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      sets.add(Arrays.asList(i, i % 2 == 0 ? null : (long) i * 1_000_000_000L, "a", "xy",
          1_704_067_200_000L + i, 19_000 + i % 30, i / 4.0, i % 3 == 0, (short) (i % 100)));
    }
    long before = storage.currentSnapshot();
    assertThat(batch(insert, sets)).hasSize(2500).containsOnly(1L);
    assertThat(storage.currentSnapshot()).isEqualTo(before + 1);
    assertThat(query("SELECT COUNT(*), SUM(u), COUNT(big), MAX(big), MIN(ts), MAX(dd) FROM p"))
        .containsExactly(List.of(2500L, 3_123_750L, 1250L, 2_499_000_000_000L, 1_704_067_200_000L, 19_029));
    assertThat(query("SELECT c, v, f, b, s FROM p WHERE u = 6"))
        .containsExactly(List.of("a  ", "xy", 1.5, true, (short) 6)); // CHAR padded as before
    assertCode(() -> batch(insert, List.of(Arrays.asList(1, 1L, "a", "xyz", null, null, null, null, null))),
        ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
    assertCode(() -> batch(insert, List.of(Arrays.asList(null, 1L, "a", "x", null, null, null, null, null))),
        ErrorCode.NOT_NULL_VIOLATION);
    String keyed = "INSERT INTO k VALUES (?, ?)";
    assertThat(batch(keyed, List.of(Arrays.asList(1, "a"), Arrays.asList(2, null), Arrays.asList(3, null))))
        .containsExactly(1, 1, 1);
    assertCode(() -> batch(keyed, List.of(Arrays.asList(4, "b"), Arrays.asList(1, "c"))), ErrorCode.UNIQUE_VIOLATION);
    assertCode(() -> batch(keyed, List.of(Arrays.asList(5, "b"), Arrays.asList(6, "b"))), ErrorCode.UNIQUE_VIOLATION);
    assertCode(() -> batch(keyed, List.of(Arrays.asList(7, "a"))), ErrorCode.UNIQUE_VIOLATION);
    assertThat(batch("INSERT INTO p (v, u) VALUES (?, ?)", List.of(Arrays.asList("q", -1), Arrays.asList(null, -2))))
        .containsExactly(1, 1);
    assertThat(query("SELECT u, v, c, s FROM p WHERE u < 0 ORDER BY u")).containsExactly(
        Arrays.asList(-2, null, null, (short) 5), Arrays.asList(-1, "q", null, (short) 5)); // defaults
    assertThat(query("SELECT COUNT(*) FROM p")).containsExactly(List.of(2502L));
    assertThat(query("SELECT COUNT(*) FROM k")).containsExactly(List.of(3L));
  }

  @Test
  void otherShapesAreNotBatchInserts() {
    assertThat(BatchInsert.of(planner.prepare("INSERT INTO t (id) VALUES (?), (?)"))).isNull();
    assertThat(BatchInsert.of(planner.prepare("INSERT INTO t SELECT * FROM t"))).isNull();
    assertThat(BatchInsert.of(planner.prepare("UPDATE t SET n = ?"))).isNull();
    assertThat(executor.executeOneCommitBatch(planner.prepare("INSERT INTO t (id) VALUES (?), (?)"),
        List.of(List.of(1, 2), List.of(3, 4)))).containsExactly(2, 2);
    assertThat(executor.executeOneCommitBatch(planner.prepare("INSERT INTO t (id) VALUES (?)"),
        List.of())).isEmpty();
  }

  private static void assertCode(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }
}
