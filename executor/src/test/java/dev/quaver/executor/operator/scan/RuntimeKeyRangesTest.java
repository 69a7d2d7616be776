package dev.quaver.executor.operator.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.SqlExecutorTestBase;
import dev.quaver.planner.SessionSettings;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hash join's build-key range passed to the probe-side scan (RuntimeKeyRanges): same rows as
 * without it, fewer rows read from a fact table stored in key order, nothing read when the build
 * side is empty, and no range where a probe row must survive without a match (LEFT join). The
 * build keys as a filter: only the fact rows with a build key leave the scan (segment and delta
 * rows), from one join or two on the same scan.
 */
class RuntimeKeyRangesTest extends SqlExecutorTestBase {
  /** The dimension side broadcast into the fact scan's fragment (a shuffle puts an exchange between them). */
  private static final SessionSettings BROADCAST = SessionSettings.DEFAULTS.set("join_distribution", "broadcast");
  private static final String PROPERTY = "quaver.exec.runtimeKeyRanges";
  private static final String FILTERS = "quaver.exec.runtimeKeyFilters";
  private static final int FACT_ROWS = 60_000;
  private static final Pattern FACT_SCAN = Pattern.compile("TableScan\\(table=FACT.*actual_rows=(\\d+)");

  @BeforeEach
  void load() {
    run("CREATE TABLE fact (k INTEGER, v BIGINT) PARTITIONS 1 ORDER BY (k)");
    run("CREATE TABLE dim (dk INTEGER PRIMARY KEY, tag VARCHAR(8))");
    run("CREATE TABLE dim_nulls (nk INTEGER, tag VARCHAR(8))");
    run("CREATE TABLE digits (x INTEGER)");
    run("INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
    String i = "(a.x * 10000 + b.x * 1000 + c.x * 100 + d.x * 10 + e.x)";
    run("INSERT INTO fact SELECT " + i + " / 10, " + i + " FROM digits a, digits b, digits c, digits d, digits e"
        + " WHERE a.x < " + FACT_ROWS / 10_000);
    StringBuilder dims = new StringBuilder("INSERT INTO dim VALUES ");
    for (int k = 0; k < FACT_ROWS / 10; k += 100) {
      dims.append(k == 0 ? "" : ", ").append('(').append(k).append(", '")
          .append(k >= 100 && k < 600 ? "mid" : "other").append("')");
    }
    run(dims.toString());
    run("INSERT INTO dim_nulls VALUES (NULL, 'mid'), (200, 'mid'), (300, 'mid'), (NULL, 'other')");
    run("OPTIMIZE TABLE fact");
    run("ANALYZE");
  }

  @Test
  void innerJoinReadsOnlyTheBuildKeyRangeAndReturnsTheSameRows() {
    String sql = "SELECT COUNT(*), SUM(v) FROM fact JOIN dim ON k = dk WHERE tag = 'mid'";
    // Keys 100, 200, ..., 500 (in the first of four 16,384-row groups): 10 fact rows each, v = 10k .. 10k+9.
    long sum = 0;
    for (int k = 100; k < 600; k += 100) {
      for (int i = 0; i < 10; i++) {
        sum += 10L * k + i;
      }
    }
    assertThat(queryWith(BROADCAST, sql)).containsExactly(List.of(50L, sum));
    assertThat(withoutRanges(() -> queryWith(BROADCAST, sql))).containsExactly(List.of(50L, sum));
    assertThat(factRowsRead(sql)).isLessThan(FACT_ROWS / 2);
    assertThat(withoutRanges(() -> factRowsRead(sql))).isEqualTo(FACT_ROWS);
  }

  @Test
  void nullBuildKeysAreIgnored() {
    String sql = "SELECT COUNT(*) FROM fact JOIN dim_nulls ON k = nk WHERE tag = 'mid'";
    assertThat(queryWith(BROADCAST, sql)).containsExactly(List.of(20L));
    assertThat(factRowsRead(sql)).isLessThan(FACT_ROWS / 2);
  }

  @Test
  void emptyBuildSideReadsNothing() {
    String sql = "SELECT COUNT(*) FROM fact JOIN dim ON k = dk WHERE tag = 'none'";
    assertThat(queryWith(BROADCAST, sql)).containsExactly(List.of(0L));
    assertThat(factRowsRead(sql)).isZero();
  }

  @Test
  void leftJoinKeepsEveryProbeRow() {
    String sql = "SELECT COUNT(*), COUNT(dk) FROM fact LEFT JOIN (SELECT dk FROM dim WHERE tag = 'mid') d ON k = dk";
    assertThat(queryWith(BROADCAST, sql)).containsExactly(List.of((long) FACT_ROWS, 50L));
  }

  @Test
  void rangeThroughAnotherJoinAndAFilter() {
    String sql = "SELECT COUNT(*) FROM fact JOIN dim_nulls ON k = nk JOIN dim ON k = dk"
        + " WHERE dim.tag = 'mid' AND dim_nulls.tag = 'mid' AND v >= 0";
    assertThat(queryWith(BROADCAST, sql)).containsExactly(List.of(20L));
    assertThat(withoutRanges(() -> queryWith(BROADCAST, sql))).containsExactly(List.of(20L));
    assertThat(factRowsRead(sql)).isLessThan(FACT_ROWS / 2);
  }

  @Test
  void keyFilterPassesOnlyFactRowsWithABuildKey() {
    // 'other' keys: 0 and 600, 700, ..., 5900, spread over the whole fact table (55 keys, 10 rows each)
    String sql = "SELECT COUNT(*), SUM(v) FROM fact JOIN dim ON k = dk WHERE tag = 'other'";
    List<List<Object>> expected = withoutRanges(() -> queryWith(BROADCAST, sql));
    assertThat(expected.get(0).get(0)).isEqualTo(550L);
    assertThat(queryWith(BROADCAST, sql)).isEqualTo(expected);
    assertThat(factRowsRead(sql)).isEqualTo(550);
    assertThat(withoutFilters(() -> factRowsRead(sql))).isEqualTo(FACT_ROWS);
  }

  @Test
  void keyFilterAppliesToDeltaRows() {
    run("INSERT INTO fact VALUES (600, -1), (601, -2), (NULL, -3), (5900, -4)");
    run("DELETE FROM fact WHERE v = 6000");
    String sql = "SELECT COUNT(*), SUM(v) FROM fact JOIN dim ON k = dk WHERE tag = 'other'";
    List<List<Object>> expected = withoutRanges(() -> queryWith(BROADCAST, sql));
    assertThat(expected.get(0).get(0)).isEqualTo(551L);
    assertThat(queryWith(BROADCAST, sql)).isEqualTo(expected);
    assertThat(factRowsRead(sql)).isEqualTo(551);
  }

  @Test
  void twoJoinsFilterTheSameScan() {
    run("CREATE TABLE fact2 (k INTEGER, j INTEGER, v BIGINT) PARTITIONS 1 ORDER BY (k)");
    run("INSERT INTO fact2 SELECT k, MOD(v, 7), v FROM fact");
    run("CREATE TABLE sevens (s INTEGER, tag VARCHAR(8))");
    run("INSERT INTO sevens VALUES (0, 'a'), (3, 'b'), (5, 'a')");
    run("OPTIMIZE TABLE fact2");
    run("ANALYZE");
    String sql = "SELECT COUNT(*), SUM(v) FROM fact2 JOIN dim ON k = dk JOIN sevens ON j = s"
        + " WHERE dim.tag = 'other' AND sevens.tag = 'a'";
    List<List<Object>> expected = withoutRanges(() -> queryWith(BROADCAST, sql));
    assertThat(queryWith(BROADCAST, sql)).isEqualTo(expected);
    long rows = 0;
    for (List<Object> line : queryWith(BROADCAST, "EXPLAIN ANALYZE " + sql)) {
      Matcher matcher = Pattern.compile("TableScan\\(table=FACT2.*actual_rows=(\\d+)").matcher(String.valueOf(line.get(0)));
      if (matcher.find()) {
        rows += Long.parseLong(matcher.group(1));
      }
    }
    assertThat(rows).isEqualTo((Long) expected.get(0).get(0));
  }

  private long factRowsRead(String sql) {
    long rows = 0;
    boolean found = false;
    for (List<Object> line : queryWith(BROADCAST, "EXPLAIN ANALYZE " + sql)) {
      Matcher matcher = FACT_SCAN.matcher(String.valueOf(line.get(0)));
      if (matcher.find()) {
        rows += Long.parseLong(matcher.group(1));
        found = true;
      }
    }
    assertThat(found).as("a FACT scan line in EXPLAIN ANALYZE").isTrue();
    return rows;
  }

  private static <T> T withoutFilters(Supplier<T> body) {
    System.setProperty(FILTERS, "false");
    try {
      return body.get();
    } finally {
      System.clearProperty(FILTERS);
    }
  }

  private static <T> T withoutRanges(Supplier<T> body) {
    System.setProperty(PROPERTY, "false");
    try {
      return body.get();
    } finally {
      System.clearProperty(PROPERTY);
    }
  }
}
