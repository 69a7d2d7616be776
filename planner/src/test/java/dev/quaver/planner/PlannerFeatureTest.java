package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.physical.PhysicalNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements using a broad range of SQL features plan without error. */
class PlannerFeatureTest {
  private final Planner planner = new Planner(PlannerFixture.catalog());

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT EXTRACT(YEAR FROM d), FLOOR(d TO MONTH), d + INTERVAL '1' DAY, (d - DATE '2020-01-01') DAY FROM t2",
      "SELECT CAST('2020-01-02' AS DATE), TIMESTAMP '2020-01-02 03:04:05', TIME '10:00:00'",
      "SELECT TRIM(BOTH ' ' FROM c), SUBSTRING(c FROM 2 FOR 3), UPPER(c), CHAR_LENGTH(c), c || 'x', POSITION('a' IN c) FROM t1",
      "SELECT c FROM t1 WHERE c LIKE 'a!%' ESCAPE '!' AND c NOT LIKE '%b'",
      "SELECT NULLIF(a, 1), COALESCE(b, a, 0), CASE b WHEN 1 THEN 'one' WHEN 2 THEN 'two' END FROM t1",
      "SELECT a FROM t1 WHERE b BETWEEN 1 AND 10 AND a NOT IN (1, 2, 3) AND b IS NOT NULL",
      "SELECT a FROM t1 WHERE NOT EXISTS (SELECT 1 FROM t2 WHERE x = a)",
      "SELECT a FROM t1 WHERE a NOT IN (SELECT x FROM t2)",
      "SELECT a, x FROM t1 LEFT JOIN t2 ON a = x AND y > 1",
      "SELECT a, x FROM t1 FULL JOIN t2 ON a = x",
      "SELECT a, x FROM t1 RIGHT JOIN t2 ON a < x",
      "SELECT a FROM t1 INTERSECT SELECT x FROM t2",
      "SELECT a FROM t1 EXCEPT ALL SELECT x FROM t2",
      "SELECT DISTINCT b FROM t1 ORDER BY b NULLS FIRST",
      "SELECT b, COUNT(*) FROM t1 GROUP BY b HAVING COUNT(*) > 1 ORDER BY 2 DESC",
      "SELECT a FROM t1 ORDER BY a LIMIT ? OFFSET ?",
      "SELECT a FROM t1 LIMIT 2, 3",
      "SELECT a FROM t1 WHERE b = ? AND c = ?",
      "SELECT ABS(a), ROUND(y, 1), SQRT(a), POWER(a, 2), MOD(a, 3), a % 3, SIGN(y), CEIL(y) FROM t1, t2",
      "SELECT a / 2, y / 3, y * y, -y, +a FROM t1, t2",
      "SELECT SUM(y), AVG(y), MIN(z), MAX(d), COUNT(DISTINCT z) FROM t2",
      "SELECT COUNT(*) FILTER (WHERE a > 1) FROM t1",
      "SELECT a, (SELECT MAX(x) FROM t2 WHERE x < a) FROM t1",
      "SELECT * FROM t1 WHERE a = (SELECT MIN(x) FROM t2)",
      "SELECT * FROM (SELECT a, b FROM t1 UNION SELECT x, 1 FROM t2) AS u WHERE a > 1",
      "INSERT INTO t2 VALUES (1, 2.5, 'abc', DATE '2020-01-01'), (2, NULL, DEFAULT, NULL)",
      "INSERT INTO t2 (x, z) VALUES (?, ?)",
      "INSERT INTO t1 (a, c) SELECT x, z FROM t2",
      "UPDATE t2 SET y = (SELECT MAX(b) FROM t1 WHERE a = x) WHERE x > 0",
      "UPDATE t1 SET c = 'new'",
      "DELETE FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE x = a)",
      "DELETE FROM t2",
      "SELECT * FROM v1",
      "SELECT z = 'abc', z || 'x' FROM t2",
      "SELECT 1 + 1, 'a', NULL, TRUE",
      "VALUES (1, 'a'), (2, 'bb')",
      "SELECT a FROM t1 WHERE b IN (SELECT b FROM t1 WHERE b > 2) OR a > 5",
      "SELECT a + x FROM t1, t2 WHERE a = x",
      // unary plus is the identity on any type (SQLite corpus: + col on a text column)
      "SELECT + c, + + a FROM t1 WHERE + c IS NOT NULL",
      "INSERT INTO t1 (a, c) VALUES (+ 1, + 'x')",
      // an unreachable COALESCE operand may name a column outside GROUP BY
      "SELECT - COALESCE(- 86, c, a) FROM t1 GROUP BY b",
      "SELECT COALESCE(b, 63, c) FROM t1 GROUP BY b",
      "SELECT COALESCE(COALESCE(- 86, c), a, c) FROM t1 GROUP BY b",
  })
  void plans(String sql) {
    PreparedPlan plan = planner.prepare(sql);
    PhysicalNode root = plan.root();
    assertThat(root).isNotNull();
    planner.prepare("EXPLAIN " + sql).explainLines();
  }
}
