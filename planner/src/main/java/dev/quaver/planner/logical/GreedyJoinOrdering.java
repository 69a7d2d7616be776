package dev.quaver.planner.logical;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;

/**
 * Orders each maximal tree of inner joins greedily, left-deep: start from the factor with the
 * fewest estimated rows, then repeatedly add the smallest factor that a join predicate connects
 * to the factors already joined (a cross product only when none is connected). Each predicate
 * goes to the first join where all its factors are present. A Project on top restores the
 * original column order. O(factors² × predicates), so the SQLite corpus's 64-table comma joins
 * plan in milliseconds, where Calcite's LoptOptimizeJoinRule takes minutes.
 *
 * <pre>
 *   Filter(a1 = b2 AND b2 = c3) ← t1 × t2 × t3     becomes
 *   Project ← Join(b2 = c3) ← (Join(a1 = b2) ← (t1, t2), t3)
 * </pre>
 *
 * TODO(#7): replaced by Quaver's cost-based DP (small joins) / greedy (large joins) planner.
 * Immutable.
 */
final class GreedyJoinOrdering {
  private GreedyJoinOrdering() {}

  static RelNode apply(RelNode rel, RelBuilder relBuilder) {
    if (isInnerJoin(rel)) {
      List<RelNode> factors = new ArrayList<>();
      List<RexNode> conditions = new ArrayList<>();
      flatten(rel, factors, conditions, 0);
      List<RelNode> ordered = new ArrayList<>(factors.size());
      for (RelNode factor : factors) {
        ordered.add(apply(factor, relBuilder));
      }
      return order(rel, ordered, conditions, relBuilder);
    }
    List<RelNode> inputs = rel.getInputs();
    if (inputs.isEmpty()) {
      return rel;
    }
    List<RelNode> newInputs = new ArrayList<>(inputs.size());
    boolean changed = false;
    for (RelNode input : inputs) {
      RelNode newInput = apply(input, relBuilder);
      changed |= newInput != input;
      newInputs.add(newInput);
    }
    return changed ? rel.copy(rel.getTraitSet(), newInputs) : rel;
  }

  private static boolean isInnerJoin(RelNode rel) {
    return rel instanceof Join join && join.getJoinType() == JoinRelType.INNER
        && join.getSystemFieldList().isEmpty();
  }

  /** Collects the factors of an inner-join tree and its conditions over their concatenated fields. */
  private static void flatten(RelNode rel, List<RelNode> factors, List<RexNode> conditions, int offset) {
    if (!isInnerJoin(rel)) {
      factors.add(rel);
      return;
    }
    Join join = (Join) rel;
    flatten(join.getLeft(), factors, conditions, offset);
    flatten(join.getRight(), factors, conditions, offset + join.getLeft().getRowType().getFieldCount());
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      if (!conjunct.isAlwaysTrue()) {
        conditions.add(offset == 0 ? conjunct : RexUtil.shift(conjunct, offset));
      }
    }
  }

  private static RelNode order(RelNode original, List<RelNode> factors, List<RexNode> conditions,
      RelBuilder relBuilder) {
    RexBuilder rexBuilder = original.getCluster().getRexBuilder();
    RelMetadataQuery metadata = original.getCluster().getMetadataQuery();
    int count = factors.size();
    int[] start = new int[count + 1];
    double[] rows = new double[count];
    for (int i = 0; i < count; i++) {
      start[i + 1] = start[i] + factors.get(i).getRowType().getFieldCount();
      Double estimate = metadata.getRowCount(factors.get(i));
      rows[i] = estimate == null ? 1e6 : estimate;
    }
    List<BitSet> conditionFactors = new ArrayList<>();
    for (RexNode condition : conditions) {
      BitSet bits = new BitSet();
      for (int field : RelOptUtil.InputFinder.bits(condition)) {
        bits.set(factorOf(start, field));
      }
      conditionFactors.add(bits);
    }
    int[] position = new int[start[count]];
    BitSet joined = new BitSet();
    boolean[] used = new boolean[conditions.size()];
    int first = smallest(rows, joined, null, conditionFactors);
    RelNode tree = factors.get(first);
    joined.set(first);
    int width = place(position, start, first, 0);
    while (joined.cardinality() < count) {
      int next = smallest(rows, joined, joined, conditionFactors);
      if (next < 0) {
        next = smallest(rows, joined, null, conditionFactors);
      }
      BitSet after = (BitSet) joined.clone();
      after.set(next);
      width = place(position, start, next, width);
      List<RexNode> joinConditions = new ArrayList<>();
      for (int c = 0; c < conditions.size(); c++) {
        BitSet factorsOfCondition = conditionFactors.get(c);
        if (!used[c] && factorsOfCondition.get(next) && isSubset(factorsOfCondition, after)) {
          used[c] = true;
          joinConditions.add(remap(conditions.get(c), position));
        }
      }
      tree = relBuilder.push(tree).push(factors.get(next))
          .join(JoinRelType.INNER, RexUtil.composeConjunction(rexBuilder, joinConditions))
          .build();
      joined = after;
    }
    List<RexNode> rest = new ArrayList<>();
    for (int c = 0; c < conditions.size(); c++) {
      if (!used[c]) {
        rest.add(remap(conditions.get(c), position));
      }
    }
    relBuilder.push(tree);
    if (!rest.isEmpty()) {
      relBuilder.filter(rest);
    }
    List<RexNode> projection = new ArrayList<>(position.length);
    for (int field = 0; field < position.length; field++) {
      projection.add(relBuilder.field(position[field]));
    }
    return relBuilder.project(projection, original.getRowType().getFieldNames(), true).build();
  }

  /**
   * The not-yet-joined factor with the fewest rows; with {@code connectedTo}, only factors a
   * condition links to those factors (-1 if none).
   */
  private static int smallest(double[] rows, BitSet joined, BitSet connectedTo, List<BitSet> conditionFactors) {
    int best = -1;
    for (int i = 0; i < rows.length; i++) {
      if (joined.get(i) || (connectedTo != null && !isConnected(i, connectedTo, conditionFactors))) {
        continue;
      }
      if (best < 0 || rows[i] < rows[best]) {
        best = i;
      }
    }
    return best;
  }

  private static boolean isConnected(int factor, BitSet joined, List<BitSet> conditionFactors) {
    for (BitSet bits : conditionFactors) {
      if (bits.get(factor) && bits.intersects(joined)) {
        BitSet others = (BitSet) bits.clone();
        others.clear(factor);
        others.andNot(joined);
        if (others.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isSubset(BitSet bits, BitSet of) {
    BitSet rest = (BitSet) bits.clone();
    rest.andNot(of);
    return rest.isEmpty();
  }

  private static int place(int[] position, int[] start, int factor, int width) {
    for (int field = start[factor]; field < start[factor + 1]; field++) {
      position[field] = width++;
    }
    return width;
  }

  private static int factorOf(int[] start, int field) {
    for (int i = 0; i < start.length - 1; i++) {
      if (field < start[i + 1]) {
        return i;
      }
    }
    throw new IllegalStateException("field " + field + " beyond the join's width");
  }

  private static RexNode remap(RexNode condition, int[] position) {
    return condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(position[ref.getIndex()], ref.getType());
      }
    });
  }

}
