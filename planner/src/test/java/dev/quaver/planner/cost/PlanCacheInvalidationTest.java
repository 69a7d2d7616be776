package dev.quaver.planner.cost;

import static dev.quaver.planner.cost.StatisticsFixture.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.Planner;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.planner.SessionSettings;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cached plans are re-planned when the statistics of a table they read change (ANALYZE, an ETL
 * refresh) or when DDL moves the catalog, and only then: new statistics of another table keep the
 * plan (#7).
 */
class PlanCacheInvalidationTest {
  private static final String JOIN = "EXPLAIN SELECT f.v, d.name FROM f JOIN d ON f.k = d.k";
  private static final String OTHER = "SELECT COUNT(*) FROM o";

  @TempDir Path directory;
  private StatisticsFixture fixture;
  private Planner planner;
  private TableDef fact;
  private TableDef dimension;
  private TableDef other;

  @BeforeEach
  void tables() {
    fixture = new StatisticsFixture(directory);
    fact = fixture.tableWithStatistics("F", List.of("ID"), 4, 10_000_000, factColumns());
    dimension = fixture.tableWithStatistics("D", List.of("K"), 4, 1_000, dimensionColumns(1_000));
    other = fixture.tableWithStatistics("O", List.of(), 1, 100, List.of(col("X", ColumnType.INTEGER, 100)));
    planner = new Planner(fixture.engine().catalog());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static List<StatisticsFixture.Col> factColumns() {
    return List.of(col("ID", ColumnType.BIGINT, 10_000_000), col("K", ColumnType.INTEGER, 1_000),
        col("V", ColumnType.BIGINT, 1_000_000));
  }

  private static List<StatisticsFixture.Col> dimensionColumns(double rows) {
    return List.of(col("K", ColumnType.INTEGER, rows), col("NAME", ColumnType.varchar(16), rows));
  }

  private static String joinDecision(PreparedPlan plan) {
    return plan.explainLines().stream().filter(line -> line.contains("HashJoin")).findFirst().orElseThrow();
  }

  @Test
  void repeatedStatementIsServedFromTheCache() {
    assertThat(planner.prepare(JOIN)).isSameAs(planner.prepare(JOIN));
  }

  @Test
  void newStatisticsOfAReadTableReplanWithTheNewFigures() {
    PreparedPlan small = planner.prepare(JOIN);
    assertThat(joinDecision(small)).contains("[broadcast");

    // ANALYZE (or the ETL) finds the dimension has grown to 5M rows: broadcasting it is now wrong.
    fixture.analyzed(dimension, 5_000_000, dimensionColumns(5_000_000));
    PreparedPlan large = planner.prepare(JOIN);
    assertThat(large).isNotSameAs(small);
    assertThat(joinDecision(large)).contains("[shuffle");
    assertThat(planner.prepare(JOIN)).isSameAs(large);
  }

  @Test
  void newStatisticsOfAnotherTableKeepThePlan() {
    PreparedPlan join = planner.prepare(JOIN);
    PreparedPlan count = planner.prepare(OTHER);
    fixture.analyzed(other, 200, List.of(col("X", ColumnType.INTEGER, 200)));
    assertThat(planner.prepare(JOIN)).isSameAs(join);
    assertThat(planner.prepare(OTHER)).isNotSameAs(count);
  }

  @Test
  void droppedStatisticsReplan() {
    PreparedPlan before = planner.prepare(JOIN);
    fixture.engine().catalog().statistics().remove(dimension.id());
    PreparedPlan after = planner.prepare(JOIN);
    assertThat(after).isNotSameAs(before);
    // Unknown is large: the dimension is no longer broadcast.
    assertThat(joinDecision(after)).doesNotContain("[broadcast");
  }

  @Test
  void ddlReplans() {
    PreparedPlan before = planner.prepare(OTHER);
    fixture.engine().catalog().createTable(new TableDef(0, "UNRELATED",
        List.of(new ColumnDef("A", ColumnType.INTEGER, true, null)), List.of(), List.of(), 1, List.of()));
    assertThat(planner.prepare(OTHER)).isNotSameAs(before);
  }

  @Test
  void statisticsOfATableFirstAnalyzedReplan() {
    TableDef fresh = fixture.table("N", List.of(), 1, List.of(col("Y", ColumnType.INTEGER, 10)));
    Planner current = new Planner(fixture.engine().catalog());
    PreparedPlan before = current.prepare("SELECT Y FROM n");
    fixture.analyzed(fresh, 10, List.of(col("Y", ColumnType.INTEGER, 10)));
    PreparedPlan after = current.prepare("SELECT Y FROM n");
    assertThat(after).isNotSameAs(before);
    assertThat(after.root().estimatedRows()).isLessThan(before.root().estimatedRows());
  }

  @Test
  void plansUnderForcedSettingsAreCachedApartFromTheDefaultOnes() {
    SessionSettings shuffle = SessionSettings.DEFAULTS.set("join_distribution", "shuffle");
    PreparedPlan forced = planner.prepare(JOIN, shuffle);
    PreparedPlan auto = planner.prepare(JOIN);
    assertThat(joinDecision(forced)).contains("[shuffle");
    assertThat(joinDecision(auto)).contains("[broadcast");
    assertThat(planner.prepare(JOIN, shuffle)).isSameAs(forced);
    assertThat(planner.prepare(JOIN)).isSameAs(auto);
  }

  @Test
  void aHeldPlanStaysCurrentUntilItsTablesGetNewStatistics() {
    // What a server-side prepared statement holds: its plan, re-checked before each execution.
    PreparedPlan held = planner.prepare(JOIN);
    assertThat(planner.current(held, SessionSettings.DEFAULTS)).isSameAs(held);
    fixture.analyzed(other, 300, List.of(col("X", ColumnType.INTEGER, 300)));
    assertThat(planner.current(held, SessionSettings.DEFAULTS)).isSameAs(held);

    fixture.analyzed(dimension, 5_000_000, dimensionColumns(5_000_000));
    PreparedPlan replanned = planner.current(held, SessionSettings.DEFAULTS);
    assertThat(replanned).isNotSameAs(held);
    assertThat(joinDecision(held)).contains("[broadcast");
    assertThat(joinDecision(replanned)).contains("[shuffle");
    assertThat(planner.current(replanned, SessionSettings.DEFAULTS)).isSameAs(replanned);
  }

  @Test
  void aHeldPlanFollowsTheSessionsPlannerSettings() {
    PreparedPlan held = planner.prepare(JOIN);
    SessionSettings shuffle = SessionSettings.DEFAULTS.set("join_distribution", "shuffle");
    PreparedPlan forced = planner.current(held, shuffle);
    assertThat(joinDecision(forced)).contains("[shuffle");
    assertThat(planner.current(forced, shuffle)).isSameAs(forced);
  }
}
