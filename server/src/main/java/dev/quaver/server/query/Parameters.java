package dev.quaver.server.query;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one row of a parameter batch into the Java values a statement expects. The driver sends
 * values already in the declared parameter types; anything else that converts without loss is
 * accepted too, the rest is INVALID_PARAMETER_VALUE (22023). Stateless.
 */
final class Parameters {
  private Parameters() {}

  static List<Object> row(ColumnBatch batch, int row, List<ColumnType> expected) {
    if (batch.columnCount() != expected.size()) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
          "statement has %d parameters but %d values were given", expected.size(), batch.columnCount());
    }
    List<Object> values = new ArrayList<>(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      values.add(convert(batch.get(i, row), expected.get(i).type(), i + 1));
    }
    return values;
  }

  /**
   * The whole batch with every column of its parameter's SqlType: the batch itself when the
   * client sent the declared types (the driver always does: no copy, primitive columns stay
   * primitive), else a converted copy, each value as {@link #row} converts it.
   */
  static ColumnBatch batch(ColumnBatch batch, List<ColumnType> expected) {
    if (batch.columnCount() != expected.size()) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
          "statement has %d parameters but %d values were given", expected.size(), batch.columnCount());
    }
    boolean same = true;
    for (int i = 0; i < expected.size() && same; i++) {
      same = batch.types().get(i).type() == expected.get(i).type();
    }
    if (same) {
      return batch;
    }
    List<List<Object>> rows = new ArrayList<>(batch.rowCount());
    for (int row = 0; row < batch.rowCount(); row++) {
      rows.add(row(batch, row, expected));
    }
    return ColumnBatch.ofRows(expected, rows);
  }

  static Object convert(Object value, SqlType type, int position) {
    if (value == null || type.javaClass().isInstance(value)) {
      return value;
    }
    try {
      if (value instanceof Number number && type.isNumeric()) {
        BigDecimal exact = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
        switch (type) {
          case TINYINT:
            return exact.byteValueExact();
          case SMALLINT:
            return exact.shortValueExact();
          case INTEGER:
            return exact.intValueExact();
          case BIGINT:
            return exact.longValueExact();
          case REAL:
            return number.floatValue();
          case DOUBLE:
            return number.doubleValue();
          case DECIMAL:
            return exact;
          default:
            break;
        }
      }
      if (type.isCharacter()) {
        return value.toString();
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw QuaverException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
          "parameter %d: value %s is out of range for %s", position, value, type.sqlName());
    }
    throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
        "parameter %d: a %s value cannot be used as %s", position, value.getClass().getSimpleName(), type.sqlName());
  }
}
