package dev.quaver.protocol;

import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads a {@link ColumnBatch} in the layout of docs/protocol.md:
 *
 * <pre>
 *   batch    := rowCount:i32 columnCount:u16 type[columnCount] column[columnCount]
 *   type     := tag:u8 precision:i32 scale:i32
 *   column   := validity[(rowCount + 7) / 8] (fixed[rowCount] | offsets:i32[rowCount + 1] data)
 * </pre>
 *
 * Validity bit {@code i % 8} (least significant first) of byte {@code i / 8} is 1 when row i has
 * a value. Fixed-width slots of NULL rows are zero; variable-width NULL rows have empty ranges.
 * Stateless.
 */
final class ColumnBatchCodec {
  private ColumnBatchCodec() {}

  /** Bytes per value of a fixed-width type, or -1 for the variable-width ones. */
  static int fixedWidth(SqlType type) {
    switch (type) {
      case BOOLEAN:
      case TINYINT:
        return 1;
      case SMALLINT:
        return 2;
      case INTEGER:
      case DATE:
      case TIME:
      case INTERVAL_YEAR_MONTH:
      case REAL:
        return 4;
      case BIGINT:
      case TIMESTAMP:
      case INTERVAL_DAY_TIME:
      case DOUBLE:
        return 8;
      case DECIMAL:
      case CHAR:
      case VARCHAR:
        return -1;
    }
    throw new AssertionError(type);
  }

  static void encode(WireWriter out, ColumnBatch batch) {
    int rows = batch.rowCount();
    out.i32(rows);
    out.u16(batch.columnCount());
    for (ColumnType type : batch.types()) {
      out.columnType(type);
    }
    for (int column = 0; column < batch.columnCount(); column++) {
      SqlType type = batch.types().get(column).type();
      byte[] validity = new byte[(rows + 7) / 8];
      for (int row = 0; row < rows; row++) {
        if (batch.get(column, row) != null) {
          validity[row >>> 3] |= (byte) (1 << (row & 7));
        }
      }
      out.bytes(validity);
      if (fixedWidth(type) > 0) {
        for (int row = 0; row < rows; row++) {
          writeFixed(out, type, batch.get(column, row));
        }
      } else {
        writeVariable(out, type, batch, column);
      }
    }
  }

  static ColumnBatch decode(WireReader in) {
    int rows = in.count("rowCount");
    int columnCount = in.u16("columnCount");
    List<ColumnType> types = new ArrayList<>(columnCount);
    for (int i = 0; i < columnCount; i++) {
      types.add(in.columnType("column[" + i + "]"));
    }
    int validityBytes = (int) ((rows + 7L) / 8);
    if (columnCount > 0 && (long) validityBytes * columnCount > in.remaining()) {
      throw in.violation("batch claims " + rows + " rows but only " + in.remaining() + " bytes follow");
    }
    Object[][] columns = new Object[columnCount][];
    for (int column = 0; column < columnCount; column++) {
      SqlType type = types.get(column).type();
      byte[] validity = in.bytes(validityBytes, "validity[" + column + "]");
      Object[] values = new Object[rows];
      int width = fixedWidth(type);
      if (width > 0) {
        if ((long) width * rows > in.remaining()) {
          throw in.violation("column " + column + " needs " + (long) width * rows + " bytes, " + in.remaining() + " left");
        }
        String field = "column[" + column + "].values"; // once per column, not per value
        for (int row = 0; row < rows; row++) {
          Object value = readFixed(in, type, field);
          values[row] = isValid(validity, row) ? value : null;
        }
      } else {
        readVariable(in, type, column, validity, values);
      }
      columns[column] = values;
    }
    return ColumnBatch.of(types, rows, columns);
  }

  private static boolean isValid(byte[] validity, int row) {
    return (validity[row >>> 3] & (1 << (row & 7))) != 0;
  }

  private static void writeFixed(WireWriter out, SqlType type, Object value) {
    boolean isNull = value == null;
    try {
      switch (type) {
        case BOOLEAN -> out.u8(isNull ? 0 : ((Boolean) value) ? 1 : 0);
        case TINYINT -> out.u8(isNull ? 0 : (Byte) value);
        case SMALLINT -> out.u16(isNull ? 0 : ((Short) value) & 0xFFFF);
        case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> out.i32(isNull ? 0 : (Integer) value);
        case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> out.i64(isNull ? 0 : (Long) value);
        case REAL -> out.i32(isNull ? 0 : Float.floatToIntBits((Float) value));
        case DOUBLE -> out.i64(isNull ? 0 : Double.doubleToLongBits((Double) value));
        default -> throw new AssertionError(type);
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("value " + value + " of " + value.getClass().getSimpleName()
          + " in a " + type + " column");
    }
  }

  private static Object readFixed(WireReader in, SqlType type, String field) {
    switch (type) {
      case BOOLEAN:
        return in.bool(field);
      case TINYINT:
        return (byte) in.u8(field);
      case SMALLINT:
        return (short) in.u16(field);
      case INTEGER:
      case DATE:
      case TIME:
      case INTERVAL_YEAR_MONTH:
        return in.i32(field);
      case BIGINT:
      case TIMESTAMP:
      case INTERVAL_DAY_TIME:
        return in.i64(field);
      case REAL:
        return Float.intBitsToFloat(in.i32(field));
      case DOUBLE:
        return Double.longBitsToDouble(in.i64(field));
      default:
        throw new AssertionError(type);
    }
  }

  private static void writeVariable(WireWriter out, SqlType type, ColumnBatch batch, int column) {
    int rows = batch.rowCount();
    byte[][] encoded = new byte[rows][];
    int offset = 0;
    out.i32(0);
    for (int row = 0; row < rows; row++) {
      Object value = batch.get(column, row);
      if (value != null) {
        encoded[row] = encodeVariable(type, value);
        offset = Math.addExact(offset, encoded[row].length);
      }
      out.i32(offset);
    }
    for (byte[] bytes : encoded) {
      if (bytes != null) {
        out.bytes(bytes);
      }
    }
  }

  private static byte[] encodeVariable(SqlType type, Object value) {
    if (type == SqlType.DECIMAL) {
      if (!(value instanceof BigDecimal decimal)) {
        throw new IllegalArgumentException("value " + value + " of " + value.getClass().getSimpleName() + " in a DECIMAL column");
      }
      byte[] unscaled = decimal.unscaledValue().toByteArray();
      byte[] bytes = new byte[4 + unscaled.length];
      int scale = decimal.scale();
      bytes[0] = (byte) (scale >>> 24);
      bytes[1] = (byte) (scale >>> 16);
      bytes[2] = (byte) (scale >>> 8);
      bytes[3] = (byte) scale;
      System.arraycopy(unscaled, 0, bytes, 4, unscaled.length);
      return bytes;
    }
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("value " + value + " of " + value.getClass().getSimpleName() + " in a " + type + " column");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void readVariable(WireReader in, SqlType type, int column, byte[] validity, Object[] values) {
    int rows = values.length;
    String field = "column[" + column + "]";
    String offsetsField = field + ".offsets";
    if ((long) (rows + 1) * 4 > in.remaining()) {
      throw in.violation(field + " needs " + (rows + 1) * 4L + " bytes of offsets, " + in.remaining() + " left");
    }
    int[] offsets = new int[rows + 1];
    for (int i = 0; i <= rows; i++) {
      offsets[i] = in.i32(offsetsField);
      if (i == 0 ? offsets[0] != 0 : offsets[i] < offsets[i - 1]) {
        throw in.violation(field + " has a bad offset " + offsets[i] + " at row " + i);
      }
    }
    byte[] data = in.bytes(offsets[rows], field + ".data");
    for (int row = 0; row < rows; row++) {
      if (!isValid(validity, row)) {
        continue;
      }
      int start = offsets[row];
      int length = offsets[row + 1] - start;
      if (type == SqlType.DECIMAL) {
        if (length < 5) {
          throw in.violation(field + " has a DECIMAL of " + length + " bytes at row " + row);
        }
        int scale = ((data[start] & 0xFF) << 24) | ((data[start + 1] & 0xFF) << 16)
            | ((data[start + 2] & 0xFF) << 8) | (data[start + 3] & 0xFF);
        values[row] = new BigDecimal(new BigInteger(data, start + 4, length - 4), scale);
      } else {
        byte[] utf8 = new byte[length];
        System.arraycopy(data, start, utf8, 0, length);
        values[row] = WireReader.utf8(utf8, field);
      }
    }
  }
}
