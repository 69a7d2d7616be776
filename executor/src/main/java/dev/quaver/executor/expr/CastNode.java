package dev.quaver.executor.expr;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CAST(a AS type). Casts between the numeric types run as tight loops over primitive arrays
 * (integral to integral with a range check, integral to floating point, floating point to
 * integral rounding half away from zero, to DECIMAL via BigDecimal); every other pair converts
 * value by value with {@link Casts#cast}.
 *
 * <p>Thread safety: immutable.
 */
final class CastNode extends ExprNode {
  private final ColumnType sourceType;

  CastNode(ExprNode operand, ColumnType type) {
    super(type, List.of(operand));
    this.sourceType = operand.type();
  }

  /** True for a CHAR value cast to VARCHAR: its padding was dropped, comparisons ignore it too. */
  boolean unpadsChar() {
    return sourceType.type() == SqlType.CHAR && type.type() == SqlType.VARCHAR;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    try (FieldVector operand = children.get(0).evaluate(input, context)) {
      FieldVector out = Vectors.allocate(type, rowCount, context.allocator());
      try {
        convert(operand, out, rowCount);
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
    }
  }

  private void convert(FieldVector operand, FieldVector out, int rowCount) {
    SqlType from = sourceType.type();
    SqlType to = type.type();
    boolean integralFrom = from.isIntegral();
    boolean floatingFrom = from == SqlType.DOUBLE || from == SqlType.REAL;
    if (integralFrom && to.isIntegral()) {
      Columns.writeLongs(out, type, Columns.longs(operand, rowCount, 0), Columns.nulls(operand, rowCount));
    } else if ((integralFrom || floatingFrom) && (to == SqlType.DOUBLE || to == SqlType.REAL)) {
      double[] values = Columns.doubles(operand, rowCount, 0);
      if (to == SqlType.REAL) {
        for (int i = 0; i < rowCount; i++) {
          if (!Double.isInfinite(values[i]) && Math.abs(values[i]) > Float.MAX_VALUE) {
            throw ExprErrors.outOfRange(type, values[i]);
          }
        }
      }
      Columns.writeDoubles(out, values, Columns.nulls(operand, rowCount));
    } else if (floatingFrom && to.isIntegral()) {
      double[] values = Columns.doubles(operand, rowCount, 0);
      long[] longs = new long[rowCount];
      for (int i = 0; i < rowCount; i++) {
        longs[i] = Casts.doubleToLong(values[i], type, Long.MIN_VALUE, Long.MAX_VALUE);
      }
      Columns.writeLongs(out, type, longs, Columns.nulls(operand, rowCount));
    } else if ((integralFrom || floatingFrom || from == SqlType.DECIMAL) && to == SqlType.DECIMAL) {
      Columns.writeDecimals(out, type, Columns.decimals(operand, rowCount));
    } else {
      for (int i = 0; i < rowCount; i++) {
        ArrowTypes.set(out, i, type, Casts.cast(ArrowTypes.get(operand, i, sourceType), sourceType, type));
      }
      out.setValueCount(rowCount);
    }
  }

  @Override
  boolean mayRaise() {
    SqlType from = sourceType.type();
    SqlType to = type.type();
    boolean widening = (from.isIntegral() || from == SqlType.REAL) && to == SqlType.DOUBLE
        || from.isIntegral() && to == SqlType.BIGINT
        || to == SqlType.VARCHAR && type.length() == ColumnType.UNBOUNDED_LENGTH;
    return !widening;
  }
}
