package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Comparisons with a NULL literal plan (they used to fail Calcite's predicate metadata check). */
class NullComparisonPlanningTest {
  private final Planner planner = new Planner(PlannerFixture.catalog());

  @Test
  void distinctOverAFilterComparingWithNullPlans() {
    PreparedPlan plan = planner.prepare("SELECT DISTINCT - 98 FROM t1 WHERE NOT + - CAST ( NULL AS"
        + " INTEGER ) NOT IN ( + - b + CAST ( NULL AS REAL ), 37 )");
    assertThat(plan.root()).isNotNull();
  }

  @Test
  void comparisonWithNullInsideOrPlans() {
    PreparedPlan plan = planner.prepare(
        "SELECT DISTINCT a FROM t1 WHERE b = CAST(NULL AS INTEGER) OR a < NULL OR a = 3");
    assertThat(plan.root()).isNotNull();
  }
}
