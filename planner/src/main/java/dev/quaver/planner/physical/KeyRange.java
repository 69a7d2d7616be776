package dev.quaver.planner.physical;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
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
  /**
   * An element of {@code equal} that means "the key column IS NULL" (an equality with a NULL
   * value matches nothing, so it cannot say this): the executor reads the keys whose column is
   * NULL.
   */
  public static final PhysicalExpr IS_NULL = new PhysicalExpr.Call(ScalarFunction.IS_NULL, List.of(),
      ColumnType.of(SqlType.BOOLEAN), false);

  public KeyRange {
    equal = List.copyOf(equal);
  }

  /** Whether {@code value} (an element of {@code equal}) is {@link #IS_NULL}. */
  public static boolean isNull(PhysicalExpr value) {
    return value == IS_NULL;
  }

  /** The number of key columns this range constrains. */
  public int width() {
    return equal.size() + (lower != null || upper != null ? 1 : 0);
  }
}
