package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden EXPLAIN text in src/test/resources/plans/NAME.plan: the first line "-- " + SQL, then the
 * plan. Run with -Dquaver.overwrite=true to regenerate, then review the diff.
 */
class ExplainGoldenTest {
  private static final Path PLANS = Path.of("src/test/resources/plans");

  @ParameterizedTest
  @ValueSource(strings = {"filter_project", "join_aggregate_sort", "correlated_subquery", "insert_values",
      "update_in_subquery", "union_limit", "three_way_comma_join"})
  void explain(String name) throws Exception {
    Path file = PLANS.resolve(name + ".plan");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String sql = lines.get(0).substring(3);
    List<String> plan = new Planner(PlannerFixture.catalog()).prepare("EXPLAIN " + sql).explainLines();
    if (Boolean.getBoolean("quaver.overwrite")) {
      StringBuilder text = new StringBuilder("-- " + sql + "\n");
      plan.forEach(line -> text.append(line).append('\n'));
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
      return;
    }
    assertThat(String.join("\n", plan)).isEqualTo(String.join("\n", lines.subList(1, lines.size())));
  }
}
