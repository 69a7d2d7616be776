package dev.quaver.executor.expr;

import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * +, -, *, /, % and unary minus on numbers (and intervals as integers), column at a time: the
 * operands are read into primitive arrays and one tight loop per operator computes the result.
 * Integral kernels run on longs with exact arithmetic and a range check of the result type
 * (22003); DOUBLE/REAL follow IEEE except that a zero divisor raises 22012 as in every SQL type;
 * DECIMAL runs on BigDecimal, rounded half up to the call type's scale and checked against its
 * precision. Both operands of a row with a NULL are replaced by 0 and 1 before the loop, so no
 * kernel can fail on a NULL row (NULL / 0 is NULL, BIGINT max + NULL is NULL).
 *
 * <p>Thread safety: immutable.
 */
final class ArithmeticNode extends ExprNode {
  /** The representation the kernel computes in, fixed by the call type. */
  enum Kind {
    LONG,
    DOUBLE,
    DECIMAL
  }

  private final ScalarFunction function;
  private final Kind kind;

  ArithmeticNode(ScalarFunction function, Kind kind, List<ExprNode> operands, ColumnType type) {
    super(type, operands);
    this.function = function;
    this.kind = kind;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    boolean unary = children.size() == 1;
    try (Operand left = Operand.evaluate(children.get(0), input, context);
        Operand right = unary ? null : Operand.evaluate(children.get(1), input, context)) {
      boolean[] nulls = unary ? left.nulls() : Columns.or(left.nulls(), right.nulls());
      FieldVector out = Vectors.allocate(type, rowCount, context.allocator());
      try {
        switch (kind) {
          case LONG:
            Columns.writeLongs(out, type, longKernel(left, right, nulls), nulls);
            break;
          case DOUBLE:
            Columns.writeDoubles(out, doubleKernel(left, right, nulls), nulls);
            break;
          case DECIMAL:
            Columns.writeDecimals(out, type, decimalKernel(left, right, rowCount));
            break;
        }
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
    }
  }

  ScalarFunction function() {
    return function;
  }

  Kind kind() {
    return kind;
  }

  @Override
  boolean mayRaise() {
    return kind != Kind.DOUBLE || function == ScalarFunction.DIVIDE || function == ScalarFunction.MOD;
  }

  private long[] longKernel(Operand left, Operand right, boolean[] nulls) {
    int rowCount = nulls.length;
    long[] x = left.longs(0);
    long[] y = right == null ? null : right.longs(1);
    for (int i = 0; i < rowCount; i++) {
      if (nulls[i]) { // NULL + 1 must not overflow, NULL / 0 must not raise: neutral operands
        x[i] = 0;
        if (y != null) {
          y[i] = 1;
        }
      }
    }
    long[] r = new long[rowCount];
    try {
      switch (function) {
        case PLUS:
          for (int i = 0; i < rowCount; i++) {
            r[i] = Math.addExact(x[i], y[i]);
          }
          break;
        case MINUS:
          for (int i = 0; i < rowCount; i++) {
            r[i] = Math.subtractExact(x[i], y[i]);
          }
          break;
        case MULTIPLY:
          for (int i = 0; i < rowCount; i++) {
            r[i] = Math.multiplyExact(x[i], y[i]);
          }
          break;
        case DIVIDE:
          for (int i = 0; i < rowCount; i++) {
            if (y[i] == 0) {
              throw ExprErrors.divisionByZero();
            }
            if (y[i] == -1) {
              r[i] = Math.negateExact(x[i]);
            } else {
              r[i] = x[i] / y[i];
            }
          }
          break;
        case MOD:
          for (int i = 0; i < rowCount; i++) {
            if (y[i] == 0) {
              throw ExprErrors.divisionByZero();
            }
            r[i] = x[i] % y[i];
          }
          break;
        case NEGATE:
          for (int i = 0; i < rowCount; i++) {
            r[i] = Math.negateExact(x[i]);
          }
          break;
        default:
          throw new IllegalStateException("not arithmetic: " + function);
      }
    } catch (ArithmeticException e) {
      throw ExprErrors.overflow(function.name(), type);
    }
    return r;
  }

  private double[] doubleKernel(Operand left, Operand right, boolean[] nulls) {
    int rowCount = nulls.length;
    double[] x = left.doubles(0);
    double[] y = right == null ? null : right.doubles(1);
    if (y != null) {
      for (int i = 0; i < rowCount; i++) {
        if (nulls[i]) {
          y[i] = 1; // NULL / 0 must not raise
        }
      }
    }
    double[] r = new double[rowCount];
    switch (function) {
      case PLUS:
        for (int i = 0; i < rowCount; i++) {
          r[i] = x[i] + y[i];
        }
        break;
      case MINUS:
        for (int i = 0; i < rowCount; i++) {
          r[i] = x[i] - y[i];
        }
        break;
      case MULTIPLY:
        for (int i = 0; i < rowCount; i++) {
          r[i] = x[i] * y[i];
        }
        break;
      case DIVIDE:
        for (int i = 0; i < rowCount; i++) {
          if (y[i] == 0) {
            throw ExprErrors.divisionByZero();
          }
          r[i] = x[i] / y[i];
        }
        break;
      case MOD:
        for (int i = 0; i < rowCount; i++) {
          if (y[i] == 0) {
            throw ExprErrors.divisionByZero();
          }
          r[i] = x[i] % y[i];
        }
        break;
      case NEGATE:
        for (int i = 0; i < rowCount; i++) {
          r[i] = -x[i];
        }
        break;
      default:
        throw new IllegalStateException("not arithmetic: " + function);
    }
    return r;
  }

  private BigDecimal[] decimalKernel(Operand left, Operand right, int rowCount) {
    BigDecimal[] x = left.decimals();
    BigDecimal[] y = right == null ? null : right.decimals();
    BigDecimal[] r = new BigDecimal[rowCount];
    for (int i = 0; i < rowCount; i++) {
      if (x[i] == null || (y != null && y[i] == null)) {
        continue;
      }
      switch (function) {
        case PLUS:
          r[i] = x[i].add(y[i]);
          break;
        case MINUS:
          r[i] = x[i].subtract(y[i]);
          break;
        case MULTIPLY:
          r[i] = x[i].multiply(y[i]);
          break;
        case DIVIDE:
          if (y[i].signum() == 0) {
            throw ExprErrors.divisionByZero();
          }
          r[i] = x[i].divide(y[i], type.scale(), RoundingMode.HALF_UP);
          break;
        case MOD:
          if (y[i].signum() == 0) {
            throw ExprErrors.divisionByZero();
          }
          r[i] = x[i].remainder(y[i]);
          break;
        case NEGATE:
          r[i] = x[i].negate();
          break;
        default:
          throw new IllegalStateException("not arithmetic: " + function);
      }
    }
    return r;
  }
}
