package dev.quaver.planner.logical;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * What a logical plan contains that decides which optimizer phases can change it: subqueries
 * (RexSubQuery in any expression), Correlates and Joins. Found by one walk over the plan, so that
 * PlannerPhases can skip the phases that cannot apply. Immutable.
 */
record PlanFeatures(boolean subQuery, boolean correlate, boolean join) {
  static PlanFeatures of(RelNode rel) {
    boolean[] found = new boolean[3];
    walk(rel, found);
    return new PlanFeatures(found[0], found[1], found[2]);
  }

  private static void walk(RelNode rel, boolean[] found) {
    if (rel instanceof Correlate) {
      found[1] = true;
    } else if (rel instanceof Join) {
      found[2] = true;
    }
    if (!found[0]) {
      SubQueryDetector detector = new SubQueryDetector();
      rel.accept(detector);
      found[0] = detector.found;
    }
    for (RelNode input : rel.getInputs()) {
      walk(input, found);
    }
  }

  /** Visits the expressions of one node (RelNode.accept(RexShuttle) does not descend into inputs). */
  private static final class SubQueryDetector extends RexShuttle {
    private boolean found;

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      found = true;
      return subQuery;
    }
  }
}
