package dev.quaver.planner.physical;

import dev.quaver.planner.expr.PhysicalExpr;
import java.util.List;

/**
 * One range of key values of a {@link PhysicalIndexScan}, as expressions without input columns
 * (literals, {@code ?} parameters, outer references and casts of them) that the executor
 * evaluates once per execution: the leading key columns equal {@code equal}, the next one lies
 * between {@code lower} and {@code upper} (null: unbounded). The expressions keep the type of the
 * predicate they came from (an INTEGER column compared with a BIGINT parameter gives a BIGINT
 * bound); the executor converts each value to the key column's type, widening the range rather
 * than narrowing it, since the scan's filter is always applied on top. Immutable.
 */
public record KeyRange(List<PhysicalExpr> equal, PhysicalExpr lower, boolean lowerInclusive,
    PhysicalExpr upper, boolean upperInclusive) {
  public KeyRange {
    equal = List.copyOf(equal);
  }

  /** The number of key columns this range constrains. */
  public int width() {
    return equal.size() + (lower != null || upper != null ? 1 : 0);
  }
}
