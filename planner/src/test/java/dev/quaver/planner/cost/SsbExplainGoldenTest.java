package dev.quaver.planner.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.Planner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden EXPLAIN of the 13 SSB queries and the dashboard query over SF1-sized statistics, in
 * src/test/resources/plans/ssb/NAME.plan (first line "-- " + SQL). Regenerate with
 * -Dquaver.overwrite=true and review the diff.
 */
class SsbExplainGoldenTest {
  private static final Path PLANS = Path.of("src/test/resources/plans/ssb");
  @TempDir static Path directory;
  private static StatisticsFixture fixture;
  private static Planner planner;

  @BeforeAll
  static void schema() {
    fixture = new StatisticsFixture(directory);
    SsbSchema.create(fixture);
    planner = new Planner(fixture.engine().catalog());
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"q1.1", "q1.2", "q1.3", "q2.1", "q2.2", "q2.3", "q3.1", "q3.2", "q3.3", "q3.4",
      "q4.1", "q4.2", "q4.3", "dashboard"})
  void explain(String name) throws Exception {
    String sql = SsbSchema.QUERIES.get(name);
    List<String> plan = planner.prepare("EXPLAIN " + sql).explainLines();
    Path file = PLANS.resolve(name + ".plan");
    if (Boolean.getBoolean("quaver.overwrite")) {
      Files.createDirectories(PLANS);
      StringBuilder text = new StringBuilder("-- " + sql + "\n");
      plan.forEach(line -> text.append(line).append('\n'));
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("-- " + sql);
    assertThat(String.join("\n", plan)).isEqualTo(String.join("\n", lines.subList(1, lines.size())));
  }
}
