package dev.quaver.executor.operator.setop;

import static dev.quaver.type.ColumnType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.ExecutorTestBase;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalSetOp;
import dev.quaver.planner.physical.SetOpKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetOpOperatorTest extends ExecutorTestBase {
  private static final List<Field> FIELDS = List.of(field("A", INTEGER));

  private PhysicalNode first() {
    return values(FIELDS, new Object[] {1}, new Object[] {1}, new Object[] {1}, new Object[] {2},
        new Object[] {null}, new Object[] {null}, new Object[] {3});
  }

  private PhysicalNode second() {
    return values(FIELDS, new Object[] {1}, new Object[] {null}, new Object[] {4}, new Object[] {4});
  }

  private List<Object> run(SetOpKind kind, boolean all) {
    return query(new PhysicalSetOp(List.of(first(), second()), kind, all, FIELDS, SINGLE, 1)).stream()
        .map(r -> r.get(0)).toList();
  }

  @Test
  void union() {
    assertThat(run(SetOpKind.UNION, true)).hasSize(11);
    assertThat(run(SetOpKind.UNION, false)).containsExactly(1, 2, null, 3, 4);
  }

  @Test
  void intersect() {
    assertThat(run(SetOpKind.INTERSECT, false)).containsExactly(1, null);
    assertThat(run(SetOpKind.INTERSECT, true)).containsExactly(1, null);
  }

  @Test
  void except() {
    assertThat(run(SetOpKind.EXCEPT, false)).containsExactly(2, 3);
    assertThat(run(SetOpKind.EXCEPT, true)).containsExactly(1, 1, 2, null, 3);
  }

  @Test
  void foldsThreeInputsLeftToRight() {
    PhysicalNode third = values(FIELDS, new Object[] {1});
    List<List<Object>> rows = query(new PhysicalSetOp(List.of(first(), second(), third), SetOpKind.EXCEPT, true,
        FIELDS, SINGLE, 1));
    assertThat(rows).extracting(r -> r.get(0)).containsExactly(1, 2, null, 3);
  }
}
