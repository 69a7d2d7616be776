package dev.quaver.planner.cost;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The distribution of a projection's output: its input's, with hash keys renumbered to the
 * output columns that pass them through unchanged; a hash key the projection drops or computes
 * leaves the rows partitioned by something the output cannot name ({@code any}). Stateless.
 */
final class ProjectDistribution {
  private ProjectDistribution() {}

  static Distribution map(Distribution input, List<PhysicalExpr> expressions) {
    if (input.kind() != Distribution.Kind.HASH) {
      return input;
    }
    List<Integer> keys = new ArrayList<>();
    for (int key : input.keys()) {
      int position = -1;
      for (int i = 0; i < expressions.size(); i++) {
        if (expressions.get(i) instanceof PhysicalExpr.InputRef ref && ref.index() == key) {
          position = i;
          break;
        }
      }
      if (position < 0) {
        return Distribution.any();
      }
      keys.add(position);
    }
    return Distribution.hash(keys);
  }
}
