package dev.quaver.planner.logical;

import dev.quaver.planner.cost.CostMetadataQuery;
import dev.quaver.planner.cost.JoinEnumerator;
import dev.quaver.planner.cost.JoinGraphs;
import dev.quaver.planner.cost.StatisticsLookup;
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
 * Orders each maximal tree of inner joins by cost: the tree is flattened into factors and
 * conjuncts (a join graph), {@link JoinEnumerator} picks the order — dynamic programming over
 * connected subsets up to 10 factors, greedy beyond — and the tree is rebuilt with each conjunct
 * at the lowest join where all its factors are present, the smaller side as build (right) side.
 * A Project on top restores the original column order. Outer, semi and anti joins are never
 * reordered: they bound the inner-join trees (their inputs are ordered separately), which keeps
 * every reordering valid. Row counts and selectivities come from the cluster's
 * {@link CostMetadataQuery} (the statistics); joins of more than 63 factors are ordered left-deep,
 * smallest connected factor first.
 *
 * <pre>
 *   Filter(a1 = b2 AND b2 = c3) ← t1 × t2 × t3     becomes e.g.
 *   Project ← Join(b2 = c3) ← (Join(a1 = b2) ← (t1, t2), t3)
 * </pre>
 *
 * Stateless.
 */
final class JoinOrdering {
  private JoinOrdering() {}

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
    RelMetadataQuery metadata = original.getCluster().getMetadataQuery();
    CostMetadataQuery costs = metadata instanceof CostMetadataQuery cost ? cost
        : new CostMetadataQuery(StatisticsLookup.NONE);
    int count = factors.size();
    int[] start = new int[count + 1];
    for (int i = 0; i < count; i++) {
      start[i + 1] = start[i] + factors.get(i).getRowType().getFieldCount();
    }
    List<BitSet> conditionFactors = new ArrayList<>();
    for (RexNode condition : conditions) {
      BitSet bits = new BitSet();
      for (int field : RelOptUtil.InputFinder.bits(condition)) {
        bits.set(factorOf(start, field));
      }
      conditionFactors.add(bits);
    }
    JoinGraphs.Graph graph = JoinGraphs.of(costs, factors, start, conditions, conditionFactors);
    Builder builder = new Builder(original, factors, conditions, conditionFactors, start, relBuilder);
    Built tree = count <= 63
        ? builder.build(JoinEnumerator.order(graph.rows(), graph.edges()))
        : builder.leftDeep(JoinGraphs.leftDeepOrder(graph.rows(), conditionFactors));
    return builder.finish(tree).rel();
  }

  private static int factorOf(int[] start, int field) {
    for (int i = 0; i < start.length - 1; i++) {
      if (field < start[i + 1]) {
        return i;
      }
    }
    throw new IllegalStateException("field " + field + " beyond the join's width");
  }

  /** A rebuilt subtree and its columns (global field numbers of the flattened join, in order). */
  private record Built(RelNode rel, List<Integer> fields) {}

  /** Rebuilds RelNodes from a join tree, placing each condition at the lowest possible join. */
  private static final class Builder {
    private final RelNode original;
    private final List<RelNode> factors;
    private final List<RexNode> conditions;
    private final List<BitSet> conditionFactors;
    private final int[] start;
    private final RelBuilder relBuilder;
    private final RexBuilder rexBuilder;
    private final boolean[] used;

    Builder(RelNode original, List<RelNode> factors, List<RexNode> conditions, List<BitSet> conditionFactors,
        int[] start, RelBuilder relBuilder) {
      this.original = original;
      this.factors = factors;
      this.conditions = conditions;
      this.conditionFactors = conditionFactors;
      this.start = start;
      this.relBuilder = relBuilder;
      this.rexBuilder = original.getCluster().getRexBuilder();
      this.used = new boolean[conditions.size()];
    }

    Built build(JoinEnumerator.Tree tree) {
      if (tree instanceof JoinEnumerator.Leaf leaf) {
        return leaf(leaf.factor());
      }
      JoinEnumerator.Node node = (JoinEnumerator.Node) tree;
      return join(build(node.left()), build(node.right()), node.factors());
    }

    Built leftDeep(int[] order) {
      Built tree = leaf(order[0]);
      BitSet joined = new BitSet();
      joined.set(order[0]);
      for (int i = 1; i < order.length; i++) {
        joined.set(order[i]);
        tree = join(tree, leaf(order[i]), joined);
      }
      return tree;
    }

    Built finish(Built tree) {
      int[] position = positions(tree.fields());
      List<RexNode> rest = new ArrayList<>();
      for (int c = 0; c < conditions.size(); c++) {
        if (!used[c]) {
          rest.add(remap(conditions.get(c), position));
        }
      }
      relBuilder.push(tree.rel());
      if (!rest.isEmpty()) {
        relBuilder.filter(rest);
      }
      List<RexNode> projection = new ArrayList<>(position.length);
      for (int field = 0; field < position.length; field++) {
        projection.add(relBuilder.field(position[field]));
      }
      return new Built(relBuilder.project(projection, original.getRowType().getFieldNames(), true).build(),
          List.of());
    }

    private Built leaf(int factor) {
      List<Integer> fields = new ArrayList<>();
      for (int field = start[factor]; field < start[factor + 1]; field++) {
        fields.add(field);
      }
      return new Built(factors.get(factor), fields);
    }

    private Built join(Built left, Built right, long factorSet) {
      BitSet set = BitSet.valueOf(new long[] {factorSet});
      return join(left, right, set);
    }

    private Built join(Built left, Built right, BitSet factorSet) {
      List<Integer> fields = new ArrayList<>(left.fields());
      fields.addAll(right.fields());
      int[] position = positions(fields);
      List<RexNode> joinConditions = new ArrayList<>();
      for (int c = 0; c < conditions.size(); c++) {
        BitSet bits = conditionFactors.get(c);
        if (!used[c] && !bits.isEmpty() && isSubset(bits, factorSet)) {
          used[c] = true;
          joinConditions.add(remap(conditions.get(c), position));
        }
      }
      RelNode rel = relBuilder.push(left.rel()).push(right.rel())
          .join(JoinRelType.INNER, RexUtil.composeConjunction(rexBuilder, joinConditions))
          .build();
      return new Built(rel, fields);
    }

    private int[] positions(List<Integer> fields) {
      int[] position = new int[start[start.length - 1]];
      java.util.Arrays.fill(position, -1);
      for (int i = 0; i < fields.size(); i++) {
        position[fields.get(i)] = i;
      }
      return position;
    }

    private static boolean isSubset(BitSet bits, BitSet of) {
      BitSet rest = (BitSet) bits.clone();
      rest.andNot(of);
      return rest.isEmpty();
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
}
