package dev.quaver.planner.cost;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Builds the join graph of a flattened inner-join tree for {@link JoinEnumerator}: each factor's
 * estimated rows, and each conjunct as an edge over the factors it references with its
 * selectivity (an equality of two columns: one over the larger of their distinct counts; a
 * predicate on one factor: {@link Selectivity}; anything else: 1/3). Stateless.
 */
public final class JoinGraphs {
  private JoinGraphs() {}

  /** Factor rows and edges (conjuncts that reference at least one factor). */
  public record Graph(double[] rows, List<JoinEnumerator.Edge> edges) {}

  /**
   * {@code start[i]}: the first field of factor i in the concatenated row; {@code conditionFactors}:
   * per condition, the factors it references.
   */
  public static Graph of(CostMetadataQuery costs, List<RelNode> factors, int[] start, List<RexNode> conditions,
      List<BitSet> conditionFactors) {
    double[] rows = new double[factors.size()];
    for (int i = 0; i < rows.length; i++) {
      Double estimate = costs.getRowCount(factors.get(i));
      rows[i] = estimate == null ? CostModel.UNKNOWN_TABLE_ROWS : Math.max(1, estimate);
    }
    List<JoinEnumerator.Edge> edges = new ArrayList<>();
    if (factors.size() > 63) {
      return new Graph(rows, edges);
    }
    for (int c = 0; c < conditions.size(); c++) {
      BitSet bits = conditionFactors.get(c);
      if (bits.isEmpty()) {
        continue;
      }
      double selectivity = selectivity(costs, factors, start, rows, conditions.get(c), bits);
      edges.add(new JoinEnumerator.Edge(bits.toLongArray()[0], selectivity));
    }
    return new Graph(rows, edges);
  }

  /** Left-deep order for joins too wide for bit sets: smallest factor, then smallest connected. */
  public static int[] leftDeepOrder(double[] rows, List<BitSet> conditionFactors) {
    int count = rows.length;
    int[] order = new int[count];
    BitSet joined = new BitSet();
    for (int step = 0; step < count; step++) {
      int next = smallest(rows, joined, step == 0 ? null : joined, conditionFactors);
      if (next < 0) {
        next = smallest(rows, joined, null, conditionFactors);
      }
      order[step] = next;
      joined.set(next);
    }
    return order;
  }

  private static double selectivity(CostMetadataQuery costs, List<RelNode> factors, int[] start, double[] rows,
      RexNode condition, BitSet bits) {
    if (bits.cardinality() == 1) {
      int factor = bits.nextSetBit(0);
      RexNode local = RexUtil.shift(condition, -start[factor]);
      return Selectivity.of(factors.get(factor), local, costs.statistics(),
          factors.get(factor).getCluster().getRexBuilder());
    }
    if (bits.cardinality() == 2 && condition instanceof RexCall call
        && (call.getKind() == SqlKind.EQUALS || call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM)) {
      RexNode a = RexUtil.removeCast(call.getOperands().get(0));
      RexNode b = RexUtil.removeCast(call.getOperands().get(1));
      if (a instanceof RexInputRef x && b instanceof RexInputRef y) {
        double da = distinct(costs, factors, start, rows, x.getIndex());
        double db = distinct(costs, factors, start, rows, y.getIndex());
        return 1 / Math.max(1, Math.max(da, db));
      }
    }
    return Selectivity.RANGE;
  }

  private static double distinct(CostMetadataQuery costs, List<RelNode> factors, int[] start, double[] rows,
      int field) {
    int factor = 0;
    while (field >= start[factor + 1]) {
      factor++;
    }
    return costs.distinct(factors.get(factor), field - start[factor], rows[factor]);
  }

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
}
