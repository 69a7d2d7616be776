package dev.quaver.planner.expr;

import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * A scalar expression of a physical plan: Quaver's own tree, free of Calcite, which the executor
 * compiles into vectorized code. Every node knows its result type and nullability; the planner
 * has already inserted the casts SQL's typing rules need, so operands of arithmetic and
 * comparisons have the same type except where {@link ScalarFunction} says otherwise. Immutable.
 */
public sealed interface PhysicalExpr {
  ColumnType type();

  boolean nullable();

  /** Column {@code index} of the operator's input (for joins: left columns, then right). */
  record InputRef(int index, ColumnType type, boolean nullable) implements PhysicalExpr {}

  /** A constant: {@code value} is the Java value of {@code type} (see SqlType), or null. */
  record Literal(Object value, ColumnType type) implements PhysicalExpr {
    @Override
    public boolean nullable() {
      return value == null;
    }
  }

  /** The value of the 0-based {@code index}-th {@code ?} parameter of a prepared statement. */
  record Parameter(int index, ColumnType type) implements PhysicalExpr {
    @Override
    public boolean nullable() {
      return true;
    }
  }

  /**
   * Column {@code index} of the current left row of the correlate {@code correlationId} (see
   * PhysicalCorrelate): the outer reference of a correlated subquery.
   */
  record CorrelationRef(int correlationId, int index, ColumnType type, boolean nullable)
      implements PhysicalExpr {}

  /** A call of a scalar function on operands; semantics on each {@link ScalarFunction}. */
  record Call(ScalarFunction function, List<PhysicalExpr> operands, ColumnType type, boolean nullable)
      implements PhysicalExpr {
    public Call {
      Objects.requireNonNull(function, "function is null");
      Objects.requireNonNull(type, "type is null");
      operands = List.copyOf(operands);
    }
  }
}
