package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.QuaverException;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalWindow;
import dev.quaver.planner.physical.WindowFunction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlanTest {
  private final Planner planner = new Planner(PlannerFixture.catalog());

  @Test
  void oneWindowPerDistinctPartitionAndOrder() {
    PreparedPlan plan = planner.prepare("SELECT A, ROW_NUMBER() OVER (PARTITION BY B ORDER BY A),"
        + " RANK() OVER (PARTITION BY B ORDER BY A), SUM(A) OVER (ORDER BY C), LAG(C, 2, 'x') OVER (ORDER BY A)"
        + " FROM T1");
    List<PhysicalWindow> windows = new ArrayList<>();
    collect(plan.root(), windows);
    assertThat(windows).hasSize(3);
    List<WindowFunction> functions = new ArrayList<>();
    windows.forEach(w -> w.calls().forEach(c -> functions.add(c.function())));
    assertThat(functions).contains(WindowFunction.ROW_NUMBER, WindowFunction.RANK, WindowFunction.LAG);
    assertThat(plan.resultFields()).hasSize(5);
    String explain = String.join("\n", planner.prepare("EXPLAIN SELECT A, SUM(B) OVER (PARTITION BY C ORDER BY A"
        + " ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM T1").explainLines());
    System.out.println(explain);
    System.out.println(String.join("\n", planner.prepare("EXPLAIN SELECT A, AVG(B) OVER (ORDER BY A), "
        + "COUNT(*) OVER (), MIN(B) OVER (PARTITION BY C) FROM T1").explainLines()));
    assertThat(explain).contains("Window(partition=").contains("ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING");
  }

  @Test
  void unsupportedWindowFunctionIs0A000() {
    assertThatThrownBy(() -> planner.prepare("SELECT NTILE(2) OVER (ORDER BY A) FROM T1"))
        .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
  }

  private static void collect(PhysicalNode node, List<PhysicalWindow> windows) {
    if (node instanceof PhysicalWindow window) {
      windows.add(window);
    }
    node.inputs().forEach(input -> collect(input, windows));
  }
}
