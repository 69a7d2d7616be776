package dev.quaver.protocol;

import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
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

  /**
   * Writes {@code batch}. The variable-width values are encoded first, so the whole batch's size
   * is known and the frame grows once (a frame whose size is exact is sent without a copy); a
   * primitive column is written straight from its array.
   */
  static void encode(WireWriter out, ColumnBatch batch) {
    int rows = batch.rowCount();
    int columnCount = batch.columnCount();
    int validityBytes = (rows + 7) / 8;
    byte[][][] variable = new byte[columnCount][][];
    long bytes = 6 + 9L * columnCount;
    for (int column = 0; column < columnCount; column++) {
      SqlType type = batch.types().get(column).type();
      int width = fixedWidth(type);
      bytes += validityBytes;
      if (width > 0) {
        bytes += (long) width * rows;
      } else {
        variable[column] = encodeVariables(type, batch.column(column));
        bytes += 4L * (rows + 1);
        for (byte[] value : variable[column]) {
          bytes += value == null ? 0 : value.length;
        }
      }
    }
    out.reserve(bytes);
    out.i32(rows);
    out.u16(columnCount);
    for (ColumnType type : batch.types()) {
      out.columnType(type);
    }
    for (int column = 0; column < columnCount; column++) {
      SqlType type = batch.types().get(column).type();
      BatchColumn values = batch.column(column);
      byte[] validity = new byte[validityBytes];
      for (int row = 0; row < rows; row++) {
        if (!values.isNull(row)) {
          validity[row >>> 3] |= (byte) (1 << (row & 7));
        }
      }
      out.bytes(validity);
      if (fixedWidth(type) > 0) {
        writeFixedColumn(out, type, values, rows);
      } else {
        writeVariable(out, variable[column]);
      }
    }
  }

  static ColumnBatch decode(WireReader in) {
    int rows = in.count("rowCount");
    int columnCount = in.u16("columnCount");
    List<ColumnType> types = new ArrayList<>(columnCount);
    for (int i = 0; i < columnCount; i++) {
      types.add(in.columnType("column", i));
    }
    int validityBytes = (int) ((rows + 7L) / 8);
    if (columnCount > 0 && (long) validityBytes * columnCount > in.remaining()) {
      throw in.violation("batch claims " + rows + " rows but only " + in.remaining() + " bytes follow");
    }
    BatchColumn[] columns = new BatchColumn[columnCount];
    for (int column = 0; column < columnCount; column++) {
      SqlType type = types.get(column).type();
      byte[] validity = in.bytes(validityBytes, "validity", column, "");
      int width = fixedWidth(type);
      if (width > 0) {
        if ((long) width * rows > in.remaining()) {
          throw in.violation("column " + column + " needs " + (long) width * rows + " bytes, " + in.remaining() + " left");
        }
        columns[column] = readFixedColumn(in, type, column, validity, rows);
      } else {
        Object[] values = new Object[rows];
        readVariable(in, type, column, validity, values);
        columns[column] = BatchColumn.ofObjects(type, values);
      }
    }
    return ColumnBatch.ofColumns(types, rows, columns);
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

  /** A column's fixed-width slots (zero for NULL rows), straight from a primitive column. */
  private static void writeFixedColumn(WireWriter out, SqlType type, BatchColumn values, int rows) {
    if (values.layout() == BatchColumn.Layout.OBJECTS) {
      for (int row = 0; row < rows; row++) {
        writeFixed(out, type, values.get(row));
      }
      return;
    }
    out.reserve((long) fixedWidth(type) * rows);
    switch (type) {
      case BOOLEAN, TINYINT -> {
        for (int row = 0; row < rows; row++) {
          out.u8(values.isNull(row) ? 0 : (int) values.getLong(row) & 0xFF);
        }
      }
      case SMALLINT -> {
        for (int row = 0; row < rows; row++) {
          out.u16(values.isNull(row) ? 0 : (int) values.getLong(row) & 0xFFFF);
        }
      }
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> {
        for (int row = 0; row < rows; row++) {
          out.i32Reserved(values.isNull(row) ? 0 : (int) values.getLong(row));
        }
      }
      case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> {
        for (int row = 0; row < rows; row++) {
          out.i64Reserved(values.isNull(row) ? 0 : values.getLong(row));
        }
      }
      case REAL -> {
        for (int row = 0; row < rows; row++) {
          out.i32Reserved(values.isNull(row) ? 0 : Float.floatToIntBits((float) values.getDouble(row)));
        }
      }
      case DOUBLE -> {
        for (int row = 0; row < rows; row++) {
          out.i64Reserved(values.isNull(row) ? 0 : Double.doubleToLongBits(values.getDouble(row)));
        }
      }
      default -> throw new AssertionError(type);
    }
  }

  /**
   * A fixed-width column into a primitive array (no boxed value per row). The caller checked
   * that {@code width * rows} bytes remain.
   */
  private static BatchColumn readFixedColumn(WireReader in, SqlType type, int column, byte[] validity, int rows) {
    boolean[] nulls = null;
    for (int row = 0; row < rows; row++) {
      if (!isValid(validity, row)) {
        if (nulls == null) {
          nulls = new boolean[rows];
        }
        nulls[row] = true;
      }
    }
    ByteBuffer buffer = in.buffer();
    if (BatchColumn.layoutOf(type) == BatchColumn.Layout.DOUBLES) {
      double[] values = new double[rows];
      if (type == SqlType.REAL) {
        for (int row = 0; row < rows; row++) {
          values[row] = Float.intBitsToFloat(buffer.getInt());
        }
      } else {
        for (int row = 0; row < rows; row++) {
          values[row] = Double.longBitsToDouble(buffer.getLong());
        }
      }
      if (nulls != null) {
        for (int row = 0; row < rows; row++) {
          values[row] = nulls[row] ? 0 : values[row];
        }
      }
      return BatchColumn.ofDoubles(type, values, nulls, rows);
    }
    long[] values = new long[rows];
    switch (type) {
      case BOOLEAN -> {
        for (int row = 0; row < rows; row++) {
          int value = buffer.get() & 0xFF;
          if (value > 1) {
            throw in.violation("field column[" + column + "].values is " + value + ", expected 0 or 1");
          }
          values[row] = value;
        }
      }
      case TINYINT -> {
        for (int row = 0; row < rows; row++) {
          values[row] = buffer.get();
        }
      }
      case SMALLINT -> {
        for (int row = 0; row < rows; row++) {
          values[row] = buffer.getShort();
        }
      }
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> {
        for (int row = 0; row < rows; row++) {
          values[row] = buffer.getInt();
        }
      }
      case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> {
        for (int row = 0; row < rows; row++) {
          values[row] = buffer.getLong();
        }
      }
      default -> throw new AssertionError(type);
    }
    if (nulls != null) {
      for (int row = 0; row < rows; row++) {
        values[row] = nulls[row] ? 0 : values[row];
      }
    }
    return BatchColumn.ofLongs(type, values, nulls, rows);
  }

  /** Each non-null value of a DECIMAL, CHAR or VARCHAR column in its wire form (null for NULL). */
  private static byte[][] encodeVariables(SqlType type, BatchColumn values) {
    byte[][] encoded = new byte[values.size()][];
    for (int row = 0; row < encoded.length; row++) {
      Object value = values.get(row);
      if (value != null) {
        encoded[row] = encodeVariable(type, value);
      }
    }
    return encoded;
  }

  private static void writeVariable(WireWriter out, byte[][] encoded) {
    int offset = 0;
    out.i32(0);
    for (byte[] bytes : encoded) {
      if (bytes != null) {
        offset = Math.addExact(offset, bytes.length);
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
    // The field's name is built only for an error: this runs for every text column of every EXECUTE.
    if ((long) (rows + 1) * 4 > in.remaining()) {
      throw in.violation("column[" + column + "] needs " + (rows + 1) * 4L + " bytes of offsets, " + in.remaining() + " left");
    }
    int[] offsets = new int[rows + 1];
    ByteBuffer offsetBytes = in.buffer();
    for (int i = 0; i <= rows; i++) {
      offsets[i] = offsetBytes.getInt(); // all there: checked above
      if (i == 0 ? offsets[0] != 0 : offsets[i] < offsets[i - 1]) {
        throw in.violation("column[" + column + "] has a bad offset " + offsets[i] + " at row " + i);
      }
    }
    byte[] data = in.bytes(offsets[rows], "column", column, ".data");
    for (int row = 0; row < rows; row++) {
      if (!isValid(validity, row)) {
        continue;
      }
      int start = offsets[row];
      int length = offsets[row + 1] - start;
      if (type == SqlType.DECIMAL) {
        if (length < 5) {
          throw in.violation("column[" + column + "] has a DECIMAL of " + length + " bytes at row " + row);
        }
        int scale = ((data[start] & 0xFF) << 24) | ((data[start + 1] & 0xFF) << 16)
            | ((data[start + 2] & 0xFF) << 8) | (data[start + 3] & 0xFF);
        values[row] = new BigDecimal(new BigInteger(data, start + 4, length - 4), scale);
      } else if (isAscii(data, start, length)) {
        // The usual case, without a decoder: ASCII bytes are their own Latin-1 string.
        values[row] = new String(data, start, length, StandardCharsets.ISO_8859_1);
      } else {
        values[row] = WireReader.utf8(ByteBuffer.wrap(data, start, length), "column[" + column + "]");
      }
    }
  }

  private static boolean isAscii(byte[] data, int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (data[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
