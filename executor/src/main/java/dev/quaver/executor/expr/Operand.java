package dev.quaver.executor.expr;

import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One operand of a kernel, read column at a time into primitive arrays: an evaluated vector, an
 * input column read in place, or, for a literal ({@code x > 5}, {@code a * 2}), the constant
 * itself, which then costs neither an Arrow allocation nor a fill.
 *
 * <p>Thread safety: confined to one evaluation; owns its vector until {@link #close()}.
 */
final class Operand implements AutoCloseable {
  private final FieldVector vector;
  private final boolean ownsVector;
  private final Object constant;
  private final int rowCount;

  private Operand(FieldVector vector, boolean ownsVector, Object constant, int rowCount) {
    this.vector = vector;
    this.ownsVector = ownsVector;
    this.constant = constant;
    this.rowCount = rowCount;
  }

  /** A column reference is read in place from the input (borrowed, not copied). */
  static Operand evaluate(ExprNode node, VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    if (node instanceof ConstantNode constant && constant.isLiteral()) {
      return new Operand(null, false, constant.literalValue(), rowCount);
    }
    if (node instanceof InputRefNode ref) {
      return new Operand(input.getVector(ref.index()), false, null, rowCount);
    }
    return new Operand(node.evaluate(input, context), true, null, rowCount);
  }

  boolean[] nulls() {
    if (vector == null) {
      boolean[] nulls = new boolean[rowCount];
      Arrays.fill(nulls, constant == null);
      return nulls;
    }
    return Columns.nulls(vector, rowCount);
  }

  long[] longs(long nullValue) {
    if (vector == null) {
      long[] values = new long[rowCount];
      Arrays.fill(values, constant == null ? nullValue : asLong(constant));
      return values;
    }
    return Columns.longs(vector, rowCount, nullValue);
  }

  double[] doubles(double nullValue) {
    if (vector == null) {
      double[] values = new double[rowCount];
      Arrays.fill(values, constant == null ? nullValue : ((Number) constant).doubleValue());
      return values;
    }
    return Columns.doubles(vector, rowCount, nullValue);
  }

  BigDecimal[] decimals() {
    if (vector == null) {
      BigDecimal[] values = new BigDecimal[rowCount];
      Arrays.fill(values, constant == null ? null : asDecimal(constant));
      return values;
    }
    return Columns.decimals(vector, rowCount);
  }

  String[] strings(boolean stripPadding) {
    if (vector == null) {
      String[] values = new String[rowCount];
      String value = constant == null ? null
          : stripPadding ? SqlText.stripTrailingSpaces((String) constant) : (String) constant;
      Arrays.fill(values, value);
      return values;
    }
    return Columns.strings(vector, rowCount, stripPadding);
  }

  @Override
  public void close() {
    if (ownsVector) {
      vector.close();
    }
  }

  private static long asLong(Object value) {
    return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
  }

  private static BigDecimal asDecimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double || value instanceof Float) {
      return Casts.doubleToDecimal(((Number) value).doubleValue());
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }
}
