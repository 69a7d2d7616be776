package dev.quaver.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQL through the real planner and storage into the executor: the path a server statement takes. */
class SqlEndToEndTest extends SqlExecutorTestBase {
  @BeforeEach
  void createTables() {
    run("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(10), score INTEGER)");
    run("CREATE TABLE u (id INTEGER, tag VARCHAR(10))");
    assertThat(run("INSERT INTO t VALUES (1, 'ann', 10), (2, 'bob', NULL), (3, 'cy', 30), (4, 'dee', 30)"))
        .isEqualTo(4);
    run("INSERT INTO u VALUES (1, 'x'), (1, 'y'), (3, 'z'), (NULL, 'w')");
  }

  @Test
  void selectWithFilterAndOrder() {
    assertThat(query("SELECT name FROM t WHERE score >= 20 ORDER BY id DESC"))
        .containsExactly(List.of("dee"), List.of("cy"));
  }

  @Test
  void joinsAndAggregates() {
    assertThat(query("SELECT t.name, u.tag FROM t JOIN u ON t.id = u.id ORDER BY u.tag"))
        .containsExactly(List.of("ann", "x"), List.of("ann", "y"), List.of("cy", "z"));
    assertThat(query("SELECT score, COUNT(*) FROM t GROUP BY score ORDER BY score NULLS FIRST"))
        .containsExactly(Arrays.asList(null, 1L), List.of(10, 1L), List.of(30, 2L));
    assertThat(query("SELECT COUNT(*), SUM(score) FROM t WHERE id > 100"))
        .containsExactly(Arrays.asList(0L, null));
    assertThat(query("SELECT t.id FROM t LEFT JOIN u ON t.id = u.id WHERE u.id IS NULL ORDER BY t.id"))
        .containsExactly(List.of(2), List.of(4));
  }

  @Test
  void subqueriesAndSetOperations() {
    assertThat(query("SELECT id FROM t WHERE id IN (SELECT id FROM u) ORDER BY id"))
        .containsExactly(List.of(1), List.of(3));
    assertThat(query("SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id) ORDER BY id"))
        .containsExactly(List.of(1), List.of(3));
    assertThat(query("SELECT id FROM t UNION SELECT id FROM u")).hasSize(5);
    assertThat(query("SELECT id FROM t EXCEPT SELECT id FROM u")).hasSize(2);
  }

  private long runPlanned(dev.quaver.planner.PreparedPlan plan) {
    try (QueryExecution execution = executor.execute(plan, List.of())) {
      return execution.updateCount();
    }
  }

  @Test
  void update() {
    assertThat(runPlanned(planner.prepare("UPDATE t SET score = score + 1 WHERE score = 30"))).isEqualTo(2);
    assertThat(query("SELECT id FROM t WHERE score = ? ORDER BY id", 31)).containsExactly(List.of(3), List.of(4));
  }

  @Test
  void delete() {
    assertThat(runPlanned(planner.prepare("DELETE FROM t WHERE name LIKE 'd%'"))).isEqualTo(1);
    assertThat(query("SELECT COUNT(*) FROM t")).containsExactly(List.of(3L));
  }

  @Test
  void parametersAndLimit() {
    assertThat(query("SELECT id FROM t WHERE score = ? ORDER BY id", 30)).containsExactly(List.of(3), List.of(4));
    assertThat(query("SELECT id FROM t ORDER BY id LIMIT 1 OFFSET 1")).containsExactly(List.of(2));
  }

  @Test
  void failingStatementWritesNothing() {
    assertThatThrownBy(() -> run("INSERT INTO t VALUES (9, 'new', 1), (1, 'dup', 1)"))
        .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION));
    assertThat(query("SELECT COUNT(*) FROM t")).containsExactly(List.of(4L));
    assertThatThrownBy(() -> query("SELECT 1 / (score - score) FROM t"))
        .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
  }

  @Test
  void explainAndDdl() {
    assertThat(query("EXPLAIN PLAN FOR SELECT * FROM t")).isNotEmpty();
    run("CREATE VIEW v AS SELECT id FROM t");
    assertThat(query("SELECT COUNT(*) FROM v")).containsExactly(List.of(4L));
    run("DROP VIEW v");
    run("DROP TABLE u");
    run("DROP TABLE IF EXISTS u");
  }
}
