package dev.quaver.executor.operator.join;

import static dev.quaver.type.ColumnType.BOOLEAN;
import static dev.quaver.type.ColumnType.INTEGER;
import static dev.quaver.type.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.ExecutorTestBase;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalCorrelate;
import dev.quaver.planner.physical.PhysicalFilter;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalNestedLoopJoin;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JoinOperatorsTest extends ExecutorTestBase {
  private TableDef left;
  private TableDef right;

  @BeforeEach
  void tables() {
    left = table("L", List.of(field("K", INTEGER), field("LV", TEXT)),
        new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {null, "c"}, new Object[] {4, "d"});
    right = table("R", List.of(field("K", INTEGER), field("RV", TEXT), field("FLAG", BOOLEAN)),
        new Object[] {1, "x", true}, new Object[] {1, "y", false}, new Object[] {3, "z", true},
        new Object[] {null, "w", true});
  }

  private List<List<Object>> hashJoin(JoinType type, PhysicalExpr residual) {
    PhysicalNode l = scan(left, false, null);
    PhysicalNode r = scan(right, false, null);
    return query(new PhysicalHashJoin(l, r, type, List.of(0), List.of(0), residual, fields(l, r, type),
        SINGLE, 1));
  }

  private List<List<Object>> loopJoin(JoinType type, PhysicalExpr condition, PhysicalNode r) {
    PhysicalNode l = scan(left, false, null);
    return query(new PhysicalNestedLoopJoin(l, r, type, condition, fields(l, r, type), SINGLE, 1));
  }

  private static List<Field> fields(PhysicalNode l, PhysicalNode r, JoinType type) {
    List<Field> fields = new ArrayList<>(l.fields());
    if (type.projectsRight()) {
      fields.addAll(r.fields());
    }
    return fields;
  }

  @Test
  void hashInnerJoinSkipsNullKeys() {
    assertThat(hashJoin(JoinType.INNER, null)).containsExactlyInAnyOrder(
        row(1, "a", 1, "x", true), row(1, "a", 1, "y", false));
  }

  @Test
  void hashLeftRightFullJoins() {
    List<Object> nullRight = row(null, null, null);
    assertThat(hashJoin(JoinType.LEFT, null)).containsExactlyInAnyOrder(
        row(1, "a", 1, "x", true), row(1, "a", 1, "y", false), row(2, "b", null, null, null),
        row(null, "c", null, null, null), row(4, "d", null, null, null));
    assertThat(hashJoin(JoinType.RIGHT, null)).containsExactlyInAnyOrder(
        row(1, "a", 1, "x", true), row(1, "a", 1, "y", false), row(null, null, 3, "z", true),
        row(null, null, null, "w", true));
    assertThat(hashJoin(JoinType.FULL, null)).hasSize(7).contains(row(null, "c", null, null, null),
        row(null, null, null, "w", true));
    assertThat(nullRight).hasSize(3);
  }

  @Test
  void hashSemiAndAnti() {
    assertThat(hashJoin(JoinType.SEMI, null)).containsExactly(row(1, "a"));
    assertThat(hashJoin(JoinType.ANTI, null)).containsExactlyInAnyOrder(row(2, "b"), row(null, "c"),
        row(4, "d"));
  }

  @Test
  void hashJoinResidualOverConcatenatedRow() {
    PhysicalExpr flag = ref(4, BOOLEAN);
    assertThat(hashJoin(JoinType.INNER, flag)).containsExactly(row(1, "a", 1, "x", true));
    assertThat(hashJoin(JoinType.RIGHT, flag)).containsExactlyInAnyOrder(row(1, "a", 1, "x", true),
        row(null, null, 1, "y", false), row(null, null, 3, "z", true), row(null, null, null, "w", true));
    assertThat(hashJoin(JoinType.LEFT, flag)).hasSize(4);
    assertThat(hashJoin(JoinType.SEMI, flag)).containsExactly(row(1, "a"));
    assertThat(hashJoin(JoinType.ANTI, flag)).hasSize(3);
  }

  @Test
  void nestedLoopCrossAndConditionJoins() {
    assertThat(loopJoin(JoinType.INNER, null, scan(right, false, null))).hasSize(16);
    PhysicalExpr flag = ref(4, BOOLEAN);
    assertThat(loopJoin(JoinType.INNER, flag, scan(right, false, null))).hasSize(12);
    assertThat(loopJoin(JoinType.LEFT, flag, scan(right, false, null))).hasSize(12);
    assertThat(loopJoin(JoinType.RIGHT, flag, scan(right, false, null))).hasSize(13)
        .contains(row(null, null, 1, "y", false));
    assertThat(loopJoin(JoinType.FULL, flag, scan(right, false, null))).hasSize(13);
    assertThat(loopJoin(JoinType.SEMI, flag, scan(right, false, null))).hasSize(4);
    assertThat(loopJoin(JoinType.ANTI, flag, scan(right, false, null))).isEmpty();
  }

  @Test
  void nestedLoopWithEmptyRight() {
    PhysicalNode empty = new PhysicalFilter(scan(right, false, null), literal(false, BOOLEAN), SINGLE, 0);
    assertThat(loopJoin(JoinType.LEFT, null, empty)).hasSize(4).contains(row(2, "b", null, null, null));
    assertThat(loopJoin(JoinType.INNER, null, empty)).isEmpty();
    assertThat(loopJoin(JoinType.ANTI, null, empty)).hasSize(4);
  }

  @Test
  void correlateRerunsRightPerLeftRow() {
    TableDef outer = table("O", List.of(field("K", INTEGER), field("B", BOOLEAN)),
        new Object[] {1, true}, new Object[] {2, false}, new Object[] {3, null});
    PhysicalNode rightSide = new PhysicalFilter(scan(right, false, null),
        new PhysicalExpr.CorrelationRef(7, 1, BOOLEAN, true), SINGLE, 1);
    PhysicalNode l = scan(outer, false, null);
    for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT, JoinType.SEMI, JoinType.ANTI)) {
      List<List<Object>> rows = query(new PhysicalCorrelate(l, rightSide, type, 7, fields(l, rightSide, type),
          SINGLE, 1));
      switch (type) {
        case INNER -> assertThat(rows).hasSize(4).allMatch(r -> r.get(0).equals(1));
        case LEFT -> assertThat(rows).hasSize(6).contains(row(2, false, null, null, null));
        case SEMI -> assertThat(rows).containsExactly(row(1, true));
        default -> assertThat(rows).containsExactly(row(2, false), row(3, null));
      }
    }
  }
}
