package dev.quaver.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.Planner;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.planner.SessionSettings;
import dev.quaver.planner.physical.PhysicalIndexScan;
import dev.quaver.planner.physical.PhysicalNode;
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
 * Primary-key and secondary-index reads (issue #7, access paths) return exactly the rows of the
 * full scan: every query runs under access_path = scan, auto and index, with literals, {@code ?}
 * parameters (also NULL and of wider types), IN lists, composite keys, NULLs and rows changed
 * after the ETL watermark.
 */
class AccessPathTest {
  private static final List<String> QUERIES = List.of(
      "SELECT * FROM t WHERE id = 7",
      "SELECT name FROM t WHERE id = 7 AND name = 'n7'",
      "SELECT * FROM t WHERE id IN (3, 5, 3, 400, -1)",
      "SELECT * FROM t WHERE id > 95",
      "SELECT * FROM t WHERE id >= 10 AND id < 13",
      "SELECT * FROM t WHERE id BETWEEN 10 AND 12 OR id = 50",
      "SELECT * FROM t WHERE 20 > id AND id >= 18",
      "SELECT * FROM t WHERE id = 2.5",
      "SELECT * FROM t WHERE id > 2.5 AND id < 5.5",
      "SELECT * FROM t WHERE id = 3000000000",
      "SELECT * FROM t WHERE id < 3000000000 AND id > 97",
      "SELECT * FROM t WHERE id > -3000000000 AND id < 2",
      "SELECT * FROM t WHERE id = 7.0E0",
      "SELECT * FROM t WHERE id < 2.5E0",
      "SELECT * FROM t WHERE id = NULL",
      "SELECT * FROM t WHERE score = 3",
      "SELECT * FROM t WHERE score IN (1, 2) AND id < 50",
      "SELECT * FROM t WHERE score > 5",
      "SELECT * FROM t WHERE score IS NULL",
      "SELECT * FROM t WHERE score = 3.5",
      "SELECT * FROM t WHERE name = 'n42'",
      "SELECT * FROM t WHERE name > 'n97'",
      "SELECT COUNT(*) FROM t WHERE id < 50",
      "SELECT * FROM p WHERE a = 1",
      "SELECT * FROM p WHERE a = 1 AND b = 'b'",
      "SELECT * FROM p WHERE a = 2 AND b >= 'a'",
      "SELECT * FROM p WHERE a IN (1, 2) AND b IN ('a', 'c')",
      "SELECT * FROM p WHERE b = 'a'",
      "SELECT * FROM p WHERE c = 1.5",
      "SELECT * FROM p WHERE c < 1",
      "SELECT t.id, p.b FROM t JOIN p ON t.id = p.a WHERE t.id = 1",
      "SELECT id FROM t WHERE id IN (SELECT a FROM p WHERE a = 2)",
      "SELECT id FROM t o WHERE EXISTS (SELECT 1 FROM t i WHERE i.id = o.id + 1 AND i.score = 2)",
      "SELECT d FROM dm WHERE d = 1.50",
      "SELECT d FROM dm WHERE d > 1.255 AND d <= 3",
      "SELECT d FROM dm WHERE d = 1.555");
  /** Statements with one parameter of a given type, and values of that type to bind (NULL too). */
  private static final List<List<Object>> PARAMETER_CASES = List.of(
      List.of("SELECT * FROM t WHERE id = ?", List.of(7, -1, 99)),
      List.of("SELECT * FROM t WHERE id = CAST(? AS BIGINT)", List.of(7L, 3_000_000_000L, -3_000_000_000L)),
      List.of("SELECT * FROM t WHERE id > CAST(? AS BIGINT) AND id < 20", List.of(7L, -3_000_000_000L)),
      List.of("SELECT * FROM t WHERE id = CAST(? AS DECIMAL(10, 1))", List.of(new BigDecimal("7.0"),
          new BigDecimal("7.5"))),
      List.of("SELECT * FROM t WHERE id <= CAST(? AS DOUBLE)", List.of(2.5d, -1e300, 1e300)),
      List.of("SELECT * FROM t WHERE score = ?", List.of(3L, 0L)),
      List.of("SELECT * FROM p WHERE a = ? AND b < 'c'", List.of(1, 2)));

  @TempDir Path directory;
  private StorageEngine storage;
  private Planner planner;
  private Executor executor;

  @BeforeEach
  void open() {
    storage = Storage.open(StorageConfig.defaults(directory));
    planner = new Planner(storage.catalog());
    executor = new Executor(storage, ExecutorConfig.defaults(directory.resolve("spill")));
    run("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(10), score BIGINT)");
    run("CREATE INDEX t_score ON t (score)");
    run("CREATE UNIQUE INDEX t_name ON t (name)");
    run("CREATE TABLE p (a INTEGER, b VARCHAR(5), c DOUBLE, PRIMARY KEY (a, b))");
    run("CREATE INDEX p_c ON p (c)");
    run("CREATE TABLE dm (d DECIMAL(6, 2) PRIMARY KEY)");
    StringBuilder rows = new StringBuilder("INSERT INTO t VALUES ");
    for (int i = 0; i < 100; i++) {
      rows.append(i == 0 ? "" : ", ").append("(").append(i).append(", ")
          .append(i % 9 == 0 ? "NULL" : "'n" + i + "'").append(", ").append(i % 10 == 0 ? "NULL" : i % 7).append(")");
    }
    run(rows.toString());
    run("INSERT INTO p VALUES (1, 'a', 1.5), (1, 'b', NULL), (1, 'c', -2.0), (2, 'a', 0.0), (2, 'b', 7.0)");
    run("INSERT INTO dm VALUES (1.50), (1.25), (1.26), (3.00), (-7.5)");
    run("OPTIMIZE TABLE t");
    run("OPTIMIZE TABLE p");
    // Changed after the watermark: the scan reads them from the delta, the index from the row store.
    run("UPDATE t SET score = 3, name = 'moved' WHERE id = 11");
    run("DELETE FROM t WHERE id = 12");
    run("INSERT INTO t VALUES (1000, 'late', 3)");
    run("UPDATE p SET c = 1.5 WHERE a = 2 AND b = 'b'");
  }

  @AfterEach
  void close() {
    assertThat(executor.allocatedBytes()).isZero();
    executor.close();
    storage.close();
  }

  @Test
  void everyAccessPathReturnsTheScanRows() {
    for (String sql : QUERIES) {
      List<List<Object>> expected = query(sql, List.of(), "scan");
      for (String mode : List.of("auto", "index")) {
        assertThat(query(sql, List.of(), mode)).as("%s under access_path=%s", sql, mode)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void parametersOfWiderTypesAndNull() {
    for (List<Object> testCase : PARAMETER_CASES) {
      String sql = (String) testCase.get(0);
      List<Object> values = new ArrayList<>((List<?>) testCase.get(1));
      values.add(null);
      for (Object value : values) {
        List<Object> parameters = Arrays.asList(value);
        List<List<Object>> expected = query(sql, parameters, "scan");
        assertThat(query(sql, parameters, "index")).as("%s with %s", sql, value)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void choosesByKeyAndCost() {
    assertThat(indexScan("SELECT * FROM t WHERE id = ?", "auto")).isNotNull()
        .satisfies(scan -> assertThat(scan.access().name()).isEqualTo("PRIMARY_KEY_POINT"));
    assertThat(indexScan("SELECT * FROM p WHERE a = 1", "index").access().name()).isEqualTo("PRIMARY_KEY_RANGE");
    assertThat(indexScan("SELECT * FROM p WHERE a = 1", "auto")).as("no statistics: no range read").isNull();
    assertThat(indexScan("SELECT * FROM t WHERE name = 'x'", "auto").index()).isEqualTo("T_NAME");
    assertThat(indexScan("SELECT * FROM t WHERE id = 1", "scan")).isNull();
    assertThat(indexScan("SELECT * FROM t WHERE id + 1 = 2", "index")).isNull();
    assertThat(String.join("\n", planner.prepare("EXPLAIN SELECT * FROM t WHERE id = 5",
        SessionSettings.DEFAULTS).explainLines())).contains("IndexScan(table=T, access=point get")
        .contains("chosen over scan");
  }

  @Test
  void updatesAndDeletesFindTheirRowsByKey() {
    SessionSettings index = SessionSettings.DEFAULTS.set("access_path", "index");
    try (QueryExecution execution = executor.execute(planner.prepare("UPDATE t SET score = 99 WHERE id IN (1, 2)",
        index), List.of(), index)) {
      assertThat(execution.updateCount()).isEqualTo(2);
    }
    try (QueryExecution execution = executor.execute(planner.prepare("DELETE FROM t WHERE score = 99", index),
        List.of(), index)) {
      assertThat(execution.updateCount()).isEqualTo(2);
    }
    assertThat(query("SELECT id FROM t WHERE id < 3", List.of(), "scan")).containsExactly(List.of(0));
  }

  private PhysicalIndexScan indexScan(String sql, String mode) {
    PreparedPlan plan = planner.prepare(sql, SessionSettings.DEFAULTS.set("access_path", mode));
    return find(plan.root());
  }

  private static PhysicalIndexScan find(PhysicalNode node) {
    if (node instanceof PhysicalIndexScan scan) {
      return scan;
    }
    for (PhysicalNode input : node.inputs()) {
      PhysicalIndexScan found = find(input);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private void run(String sql) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql), List.of(), SessionSettings.DEFAULTS)) {
      execution.updateCount();
    }
  }

  private List<List<Object>> query(String sql, List<Object> parameters, String mode) {
    SessionSettings settings = SessionSettings.DEFAULTS.set("access_path", mode);
    try (QueryExecution execution = executor.execute(planner.prepare(sql, settings), new ArrayList<>(parameters),
        settings)) {
      return ExecutorTestBase.drain(execution);
    }
  }
}
