package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalTableScan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ColumnTrimmer (#6): joins output only the right columns used above them, scans read only the
 * columns used, join keys and residual conditions keep theirs, and the switch
 * {@code -Dquaver.planner.trimColumns=false} gives the untrimmed plans.
 */
class ColumnTrimmingTest {
  private static final String SWITCH = "quaver.planner.trimColumns";
  private final InMemoryCatalog catalog = PlannerFixture.catalog();
  private final Planner planner = new Planner(catalog);

  @AfterEach
  void restoreSwitch() {
    System.clearProperty(SWITCH);
  }

  @Test
  void aJoinDoesNotOutputARightColumnOnlyItsFilterReads() {
    PhysicalHashJoin join = onlyJoin("SELECT t1.c, t2.y FROM t1 JOIN t2 ON t1.a = t2.x WHERE t2.z = 'a'");
    List<String> output = names(join.fields());
    assertThat(output).contains("C", "Y").doesNotContain("Z");
    assertThat(join.rightOutput()).isNotNull();
    assertThat(join.fields()).hasSize(join.left().fields().size() + join.rightOutput().size());
  }

  @Test
  void keysAndResidualsKeepTheirColumnsButAreNotOutput() {
    PhysicalHashJoin join = onlyJoin("SELECT t1.c FROM t1 JOIN t2 ON t1.a = t2.x AND t1.b > t2.y");
    assertThat(join.residual()).isNotNull();
    List<String> inputs = names(join.left().fields());
    inputs.addAll(names(join.right().fields()));
    assertThat(inputs).contains("B", "X", "Y"); // the key A is cast to BIGINT (column A0)
    assertThat(names(join.fields())).contains("C").doesNotContain("X", "Y");
  }

  @Test
  void semiJoinsOutputNoRightColumn() {
    for (PhysicalHashJoin join : joins(planner.prepare("SELECT a FROM t1 WHERE a IN (SELECT x FROM t2)").root())) {
      if (join.joinType() == JoinType.SEMI || join.joinType() == JoinType.ANTI) {
        assertThat(join.rightOutput()).isNull();
        assertThat(join.rightColumns()).isEmpty();
      }
    }
  }

  @Test
  void scansReadOnlyUsedColumns() {
    PreparedPlan plan = planner.prepare("SELECT COUNT(*) FROM t1 JOIN t2 ON t1.a = t2.x WHERE t2.d IS NOT NULL");
    for (PhysicalTableScan scan : scans(plan.root())) {
      assertThat(names(scan.fields())).doesNotContain("C", "Y", "Z");
    }
  }

  @Test
  void theSwitchKeepsTheUntrimmedPlans() {
    String sql = "SELECT t1.c FROM t1 JOIN t2 ON t1.a = t2.x WHERE t2.z = 'a'";
    assertThat(onlyJoin(sql).rightOutput()).isNotNull();
    System.setProperty(SWITCH, "false");
    PhysicalHashJoin untrimmed = onlyJoin(sql);
    assertThat(untrimmed.rightOutput()).isNull();
    assertThat(untrimmed.fields()).hasSize(untrimmed.left().fields().size() + untrimmed.right().fields().size());
  }

  private PhysicalHashJoin onlyJoin(String sql) {
    List<PhysicalHashJoin> joins = joins(planner.prepare(sql).root());
    assertThat(joins).hasSize(1);
    return joins.get(0);
  }

  private static List<PhysicalHashJoin> joins(PhysicalNode node) {
    List<PhysicalHashJoin> joins = new ArrayList<>();
    collect(node, joins, PhysicalHashJoin.class);
    return joins;
  }

  private static List<PhysicalTableScan> scans(PhysicalNode node) {
    List<PhysicalTableScan> scans = new ArrayList<>();
    collect(node, scans, PhysicalTableScan.class);
    return scans;
  }

  private static <T> void collect(PhysicalNode node, List<T> found, Class<T> type) {
    if (type.isInstance(node)) {
      found.add(type.cast(node));
    }
    for (PhysicalNode input : node.inputs()) {
      collect(input, found, type);
    }
  }

  private static List<String> names(List<Field> fields) {
    List<String> names = new ArrayList<>();
    fields.forEach(field -> names.add(field.name()));
    return names;
  }
}
