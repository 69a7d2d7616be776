package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A DOUBLE math function of one or two DOUBLE operands (SQRT, SIN, POWER, ATAN2, ...), applied
 * over primitive arrays without boxing. NULL in, NULL out.
 *
 * <p>Thread safety: immutable.
 */
final class DoubleFunctionNode extends ExprNode {
  private final DoubleBinaryOperator function;
  private final boolean mayRaise;

  /** For a unary function, {@code function} ignores its second argument. */
  DoubleFunctionNode(DoubleBinaryOperator function, boolean mayRaise, List<ExprNode> operands, ColumnType type) {
    super(type, operands);
    this.function = function;
    this.mayRaise = mayRaise;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    boolean unary = children.size() == 1;
    try (FieldVector left = children.get(0).evaluate(input, context);
        FieldVector right = unary ? null : children.get(1).evaluate(input, context)) {
      boolean[] nulls = Columns.nulls(left, rowCount);
      double[] x = Columns.doubles(left, rowCount, 1);
      double[] y = unary ? new double[rowCount] : Columns.doubles(right, rowCount, 1);
      if (!unary) {
        nulls = Columns.or(nulls, Columns.nulls(right, rowCount));
      }
      double[] result = new double[rowCount];
      for (int i = 0; i < rowCount; i++) {
        result[i] = nulls[i] ? 0 : function.applyAsDouble(x[i], y[i]);
      }
      FieldVector out = Vectors.allocate(type, rowCount, context.allocator());
      Columns.writeDoubles(out, result, nulls);
      return out;
    }
  }

  @Override
  boolean mayRaise() {
    return mayRaise;
  }
}
