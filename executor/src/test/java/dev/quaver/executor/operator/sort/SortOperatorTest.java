package dev.quaver.executor.operator.sort;

import static dev.quaver.type.ColumnType.INTEGER;
import static dev.quaver.type.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.ExecutorTestBase;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.SortKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortOperatorTest extends ExecutorTestBase {
  private PhysicalNode input() {
    return values(List.of(field("A", INTEGER), field("B", TEXT)),
        new Object[] {2, "p"}, new Object[] {null, "q"}, new Object[] {1, "r"}, new Object[] {2, "s"},
        new Object[] {null, "t"}, new Object[] {3, "u"}, new Object[] {1, "v"});
  }

  private List<List<Object>> sort(List<SortKey> keys, long offset, long fetch) {
    return query(new PhysicalSort(input(), keys, offset, fetch, SINGLE, 7));
  }

  @Test
  void ascendingNullsLastIsStable() {
    assertThat(sort(List.of(new SortKey(0, false, false)), 0, -1)).extracting(r -> r.get(1))
        .containsExactly("r", "v", "p", "s", "u", "q", "t");
  }

  @Test
  void descendingNullsFirst() {
    assertThat(sort(List.of(new SortKey(0, true, true)), 0, -1)).extracting(r -> r.get(1))
        .containsExactly("q", "t", "u", "p", "s", "r", "v");
  }

  @Test
  void multipleKeys() {
    assertThat(sort(List.of(new SortKey(0, false, true), new SortKey(1, true, false)), 0, -1))
        .extracting(r -> r.get(1)).containsExactly("t", "q", "v", "r", "s", "p", "u");
  }

  @Test
  void topNWithOffsetKeepsStableOrder() {
    assertThat(sort(List.of(new SortKey(0, false, false)), 1, 3)).extracting(r -> r.get(1))
        .containsExactly("v", "p", "s");
    assertThat(sort(List.of(new SortKey(0, false, false)), 0, 0)).isEmpty();
    assertThat(sort(List.of(new SortKey(0, false, false)), 5, 100)).extracting(r -> r.get(1))
        .containsExactly("q", "t");
  }
}
