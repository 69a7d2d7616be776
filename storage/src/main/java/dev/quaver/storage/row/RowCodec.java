package dev.quaver.storage.row;

import dev.quaver.storage.io.ByteReader;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The value stored under a row key: a compact binary form of the row's {@code Object[]}
 * ({@code docs/formats/keys.md}, "Row values").
 *
 * <pre>
 *   row := columnCount:varint nullBitmap[ceil(columnCount/8)] value*   (one value per non-null column)
 * </pre>
 *
 * A row with fewer columns than the table (a future ADD COLUMN) reads the missing ones as NULL.
 * Stateless.
 */
public final class RowCodec {
  private RowCodec() {}

  /** Appends the encoding of {@code row}, whose values have the Java types of {@code types}. */
  public static void encode(ByteWriter out, List<ColumnType> types, Object[] row) {
    int count = row.length;
    out.writeVarLong(count);
    int bitmapStart = out.size();
    for (int i = 0; i < (count + 7) / 8; i++) {
      out.writeByte(0);
    }
    byte[] bitmap = null;
    for (int i = 0; i < count; i++) {
      Object value = row[i];
      if (value == null) {
        bitmap = out.array();
        bitmap[bitmapStart + (i >>> 3)] |= (byte) (1 << (i & 7));
        continue;
      }
      ColumnType type = types.get(i);
      switch (type.type()) {
        case BOOLEAN -> out.writeByte(((Boolean) value) ? 1 : 0);
        case TINYINT -> out.writeByte((Byte) value);
        case SMALLINT -> out.writeShort((Short) value);
        case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> out.writeInt((Integer) value);
        case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> out.writeLong((Long) value);
        case REAL -> out.writeInt(Float.floatToRawIntBits((Float) value));
        case DOUBLE -> out.writeLong(Double.doubleToRawLongBits((Double) value));
        case DECIMAL -> out.writeLengthPrefixed(
            KeyEncoder.normalizeDecimal((BigDecimal) value, type).unscaledValue().toByteArray());
        case CHAR, VARCHAR -> out.writeLengthPrefixed(((String) value).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  public static byte[] encode(List<ColumnType> types, Object[] row) {
    ByteWriter out = new ByteWriter(16 + row.length * 8);
    encode(out, types, row);
    return out.toByteArray();
  }

  /** Decodes a row value into {@code out} (length = the table's column count). */
  public static void decode(byte[] value, List<ColumnType> types, Object[] out) {
    ByteReader in = new ByteReader(value);
    int count = (int) in.readVarLong();
    int bitmapStart = in.position();
    in.skip((count + 7) / 8);
    for (int i = 0; i < out.length; i++) {
      if (i >= count || (value[bitmapStart + (i >>> 3)] & (1 << (i & 7))) != 0) {
        out[i] = null;
        continue;
      }
      ColumnType type = types.get(i);
      out[i] = switch (type.type()) {
        case BOOLEAN -> in.readByte() != 0;
        case TINYINT -> (byte) in.readByte();
        case SMALLINT -> in.readShort();
        case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> in.readInt();
        case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> in.readLong();
        case REAL -> Float.intBitsToFloat(in.readInt());
        case DOUBLE -> Double.longBitsToDouble(in.readLong());
        case DECIMAL -> new BigDecimal(new BigInteger(in.readLengthPrefixed()), type.scale());
        case CHAR, VARCHAR -> {
          int length = in.readLength();
          String s = new String(value, in.position(), length, StandardCharsets.UTF_8);
          in.skip(length);
          yield s;
        }
      };
    }
  }

  public static Object[] decode(byte[] value, List<ColumnType> types) {
    Object[] row = new Object[types.size()];
    decode(value, types, row);
    return row;
  }
}
