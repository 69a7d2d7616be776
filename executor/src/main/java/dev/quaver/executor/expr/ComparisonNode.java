package dev.quaver.executor.expr;

import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * =, <>, <, <=, >, >=, IS [NOT] DISTINCT FROM, column at a time: one tight loop computes the sign
 * of the comparison of every row in the operands' representation (long, double, BigDecimal or
 * String), a second turns it into the BOOLEAN result. Doubles compare as SQL numbers (-0.0 = 0.0)
 * with NaN equal to itself and above every other value; strings by {@code String.compareTo}, with
 * trailing spaces removed when an operand is CHAR.
 *
 * <p>Thread safety: immutable.
 */
final class ComparisonNode extends ExprNode {
  /** The representation both operands are read in. */
  enum Kind {
    LONG,
    DOUBLE,
    DECIMAL,
    STRING,
    PADDED_STRING
  }

  private final ScalarFunction function;
  private final Kind kind;

  ComparisonNode(ScalarFunction function, Kind kind, ExprNode left, ExprNode right) {
    super(ColumnType.BOOLEAN, List.of(left, right));
    this.function = function;
    this.kind = kind;
  }

  ScalarFunction function() {
    return function;
  }

  Kind kind() {
    return kind;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    try (Operand left = Operand.evaluate(children.get(0), input, context);
        Operand right = Operand.evaluate(children.get(1), input, context)) {
      boolean[] leftNulls = left.nulls();
      boolean[] rightNulls = right.nulls();
      int[] signs = compare(left, right, rowCount);
      boolean[] values = new boolean[rowCount];
      boolean[] nulls = null;
      switch (function) {
        case EQUALS:
          for (int i = 0; i < rowCount; i++) {
            values[i] = signs[i] == 0;
          }
          break;
        case NOT_EQUALS:
          for (int i = 0; i < rowCount; i++) {
            values[i] = signs[i] != 0;
          }
          break;
        case LESS_THAN:
          for (int i = 0; i < rowCount; i++) {
            values[i] = signs[i] < 0;
          }
          break;
        case LESS_THAN_OR_EQUAL:
          for (int i = 0; i < rowCount; i++) {
            values[i] = signs[i] <= 0;
          }
          break;
        case GREATER_THAN:
          for (int i = 0; i < rowCount; i++) {
            values[i] = signs[i] > 0;
          }
          break;
        case GREATER_THAN_OR_EQUAL:
          for (int i = 0; i < rowCount; i++) {
            values[i] = signs[i] >= 0;
          }
          break;
        case IS_DISTINCT_FROM:
          for (int i = 0; i < rowCount; i++) {
            values[i] = leftNulls[i] || rightNulls[i] ? leftNulls[i] != rightNulls[i] : signs[i] != 0;
          }
          break;
        case IS_NOT_DISTINCT_FROM:
          for (int i = 0; i < rowCount; i++) {
            values[i] = leftNulls[i] || rightNulls[i] ? leftNulls[i] == rightNulls[i] : signs[i] == 0;
          }
          break;
        default:
          throw new IllegalStateException("not a comparison: " + function);
      }
      if (function != ScalarFunction.IS_DISTINCT_FROM && function != ScalarFunction.IS_NOT_DISTINCT_FROM) {
        nulls = Columns.or(leftNulls, rightNulls);
      }
      BitVector out = (BitVector) Vectors.allocate(ColumnType.BOOLEAN, rowCount, context.allocator());
      Columns.writeBooleans(out, values, nulls);
      return out;
    }
  }

  @Override
  boolean mayRaise() {
    return false;
  }

  /** Sign of left - right per row; meaningless (0) where either is NULL. */
  private int[] compare(Operand left, Operand right, int rowCount) {
    int[] signs = new int[rowCount];
    switch (kind) {
      case LONG: {
        long[] x = left.longs(0);
        long[] y = right.longs(0);
        for (int i = 0; i < rowCount; i++) {
          signs[i] = Long.compare(x[i], y[i]);
        }
        break;
      }
      case DOUBLE: {
        double[] x = left.doubles(0);
        double[] y = right.doubles(0);
        for (int i = 0; i < rowCount; i++) {
          signs[i] = compareDoubles(x[i], y[i]);
        }
        break;
      }
      case DECIMAL: {
        BigDecimal[] x = left.decimals();
        BigDecimal[] y = right.decimals();
        for (int i = 0; i < rowCount; i++) {
          signs[i] = x[i] == null || y[i] == null ? 0 : x[i].compareTo(y[i]);
        }
        break;
      }
      case STRING:
      case PADDED_STRING: {
        boolean padded = kind == Kind.PADDED_STRING;
        String[] x = left.strings(padded);
        String[] y = right.strings(padded);
        for (int i = 0; i < rowCount; i++) {
          signs[i] = x[i] == null || y[i] == null ? 0 : Integer.signum(x[i].compareTo(y[i]));
        }
        break;
      }
    }
    return signs;
  }

  /** SQL order of doubles: -0.0 equals 0.0; NaN equals NaN and sorts above everything. */
  static int compareDoubles(double x, double y) {
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
    if (x == y) {
      return 0;
    }
    return Double.compare(x, y);
  }
}
