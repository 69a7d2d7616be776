package dev.quaver.executor.operator.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.SqlExecutorTestBase;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Triggers through the real planner, executor and storage; firing survives a reopen. */
class TriggerFiringTest extends SqlExecutorTestBase {
  @Test
  void firesAroundEachRowAndCountsOnlyTheStatementsRows() {
    run("CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(5))");
    run("CREATE TABLE log (id INTEGER, what VARCHAR(20))");
    run("CREATE TRIGGER a AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id, 'after ' || new.v); END");
    run("CREATE TRIGGER b BEFORE UPDATE ON t WHEN old.v <> new.v BEGIN"
        + " INSERT INTO log VALUES (old.id, old.v || '>' || new.v); END");
    run("CREATE TRIGGER c AFTER DELETE ON t BEGIN DELETE FROM log WHERE id = old.id; END");
    assertThat(run("INSERT INTO t VALUES (1, 'x'), (2, 'y')")).isEqualTo(2);
    assertThat(run("UPDATE t SET v = CASE WHEN id = 1 THEN 'z' ELSE v END")).isEqualTo(2);
    assertThat(query("SELECT id, what FROM log ORDER BY what")).containsExactly(
        List.of(1, "after x"), List.of(2, "after y"), List.of(1, "x>z"));
    assertThat(run("DELETE FROM t WHERE id = 1")).isEqualTo(1);
    assertThat(query("SELECT id FROM log")).containsExactly(List.of(2));
  }

  @Test
  void aFailingBodyWritesNothingAndRecursionStops() {
    run("CREATE TABLE t (id INTEGER)");
    run("CREATE TABLE must (id INTEGER NOT NULL)");
    run("CREATE TRIGGER a AFTER INSERT ON t WHEN new.id < 0 BEGIN INSERT INTO must VALUES (NULL); END");
    assertCode(() -> run("INSERT INTO t VALUES (1), (-1)"), ErrorCode.NOT_NULL_VIOLATION);
    assertThat(query("SELECT id FROM t")).isEmpty();
    run("CREATE TABLE loop_t (n INTEGER)");
    run("CREATE TRIGGER l AFTER INSERT ON loop_t BEGIN INSERT INTO loop_t VALUES (new.n + 1); END");
    assertCode(() -> run("INSERT INTO loop_t VALUES (1)"), ErrorCode.PROGRAM_LIMIT_EXCEEDED);
    assertThat(query("SELECT n FROM loop_t")).isEmpty();
  }

  @Test
  void bodiesSeeTheWritesOfTheStatementAndOfEarlierTriggers() {
    run("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER, touched INTEGER)");
    run("INSERT INTO t VALUES (1, 1, 0)");
    run("CREATE TRIGGER a AFTER UPDATE OF v ON t BEGIN UPDATE t SET touched = touched + 1 WHERE id = new.id; END");
    assertThat(run("UPDATE t SET v = 2")).isEqualTo(1);
    assertThat(query("SELECT v, touched FROM t")).containsExactly(List.of(2, 1));

    run("CREATE TABLE total (n INTEGER)");
    run("INSERT INTO total VALUES (0)");
    run("CREATE TABLE item (v INTEGER)");
    run("CREATE TRIGGER s AFTER INSERT ON item BEGIN UPDATE total SET n = n + new.v; END");
    run("CREATE TRIGGER d BEFORE INSERT ON item WHEN new.v = 3 BEGIN DELETE FROM item WHERE v = 1; END");
    run("INSERT INTO item VALUES (1), (2), (3)");
    assertThat(query("SELECT n FROM total")).containsExactly(List.of(6));
    assertThat(query("SELECT v FROM item ORDER BY v")).containsExactly(List.of(2), List.of(3));
  }

  @Test
  void triggersSurviveAReopen() {
    run("CREATE TABLE t (id INTEGER)");
    run("CREATE TABLE log (id INTEGER)");
    run("CREATE TRIGGER a AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id * 10); END");
    reopen();
    run("INSERT INTO t VALUES (4)");
    assertThat(query("SELECT id FROM log")).containsExactly(Arrays.asList(40));
  }

  private static void assertCode(Runnable action, ErrorCode code) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }
}
