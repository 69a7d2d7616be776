package dev.quaver.executor.operator.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.QueryExecution;
import dev.quaver.executor.SqlExecutorTestBase;
import dev.quaver.planner.SessionSettings;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Window functions through the real planner and storage, with batches of 3 rows so partitions,
 * peer groups and frames cross batch boundaries. Every statement leaves the allocator empty.
 */
class WindowOperatorTest extends SqlExecutorTestBase {
  @Override
  protected ExecutorConfig executorConfig() {
    ExecutorConfig defaults = super.executorConfig();
    return new ExecutorConfig(defaults.queryMemoryLimitBytes(), defaults.totalMemoryLimitBytes(), 3,
        defaults.spillDirectory());
  }

  @BeforeEach
  void createTable() {
    run("CREATE TABLE s (id INTEGER PRIMARY KEY, g INTEGER, v INTEGER)");
    run("INSERT INTO s VALUES (1, 1, 5), (2, 1, 5), (3, 1, 7), (4, 2, NULL), (5, 2, 1), (6, 2, 1), (7, 2, 9),"
        + " (8, NULL, 4)");
  }

  @Test
  void rankingAcrossBatchBoundaries() {
    assertThat(query("SELECT id, ROW_NUMBER() OVER (PARTITION BY g ORDER BY v, id), RANK() OVER (PARTITION BY g"
        + " ORDER BY v), DENSE_RANK() OVER (PARTITION BY g ORDER BY v) FROM s ORDER BY id")).containsExactly(
        List.of(1, 1L, 1L, 1L), List.of(2, 2L, 1L, 1L), List.of(3, 3L, 3L, 2L), List.of(4, 1L, 1L, 1L),
        List.of(5, 2L, 2L, 2L), List.of(6, 3L, 2L, 2L), List.of(7, 4L, 4L, 3L), List.of(8, 1L, 1L, 1L));
  }

  @Test
  void defaultFrameIncludesPeersAndRowsFrameDoesNot() {
    assertThat(query("SELECT id, SUM(v) OVER (PARTITION BY g ORDER BY v), SUM(v) OVER (PARTITION BY g ORDER BY v, id"
        + " ROWS UNBOUNDED PRECEDING) FROM s WHERE g = 1 ORDER BY id")).containsExactly(
        List.of(1, 10L, 5L), List.of(2, 10L, 10L), List.of(3, 17L, 17L));
  }

  @Test
  void slidingAndSuffixFrames() {
    assertThat(query("SELECT id, SUM(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
        + " COUNT(v) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),"
        + " MAX(v) OVER (ORDER BY id ROWS BETWEEN 2 FOLLOWING AND UNBOUNDED FOLLOWING) FROM s ORDER BY id"))
        .containsExactly(
            List.of(1, 10L, 7L, 9), List.of(2, 17L, 6L, 9), List.of(3, 12L, 5L, 9), Arrays.asList(4, 8L, 4L, 9),
            List.of(5, 2L, 4L, 9), List.of(6, 11L, 3L, 4), Arrays.asList(7, 14L, 2L, null),
            Arrays.asList(8, 13L, 1L, null));
  }

  @Test
  void lagLeadWithDefaults() {
    assertThat(query("SELECT id, LAG(v, 1, -1) OVER (PARTITION BY g ORDER BY id), LEAD(v, 2) OVER (PARTITION BY g"
        + " ORDER BY id) FROM s WHERE g = 2 ORDER BY id")).containsExactly(
        Arrays.asList(4, -1, 1), Arrays.asList(5, null, 9), Arrays.asList(6, 1, null), Arrays.asList(7, 1, null));
  }

  @Test
  void aPartitionLargerThanTheLimitSpillsAndEqualsTheUnlimitedRunAndReleasesEverything() {
    StringBuilder insert = new StringBuilder("INSERT INTO s VALUES ");
    for (int i = 100; i < 20_100; i++) {
      insert.append(i == 100 ? "" : ", ").append("(").append(i).append(", 3, ").append(i).append(")");
    }
    run(insert.toString());
    SessionSettings small = SessionSettings.DEFAULTS.set("query_memory_limit", "1MB");
    // The sort below the window spills, and so does the one 20 000-row partition (it was 53200).
    String sql = "SELECT id, SUM(v) OVER (ORDER BY id), RANK() OVER (ORDER BY id) FROM s";
    List<List<Object>> limited;
    try (QueryExecution execution = executor.execute(planner.prepare(sql), List.of(), small)) {
      limited = drain(execution);
    }
    assertThat(executor.allocatedBytes()).isZero();
    assertThat(limited).hasSize(20_008).isEqualTo(query(sql));
    // Many small partitions fit: the sort spills and the window streams partition by partition.
    long count = 0;
    try (QueryExecution execution = executor.execute(planner.prepare(
        "SELECT id, ROW_NUMBER() OVER (PARTITION BY id / 10 ORDER BY id) FROM s"), List.of(), small)) {
      for (List<Object> row : drain(execution)) {
        count++;
      }
    }
    assertThat(count).isEqualTo(20_008);
  }
}
