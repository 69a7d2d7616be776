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

  /**
   * Appends the encoding of row {@code row} of {@code rows}, read column by column (no boxing
   * of fixed-width values); the same bytes as {@link #encode(ByteWriter, List, Object[])} of that
   * row as an {@code Object[]}.
   */
  public static void encode(ByteWriter out, List<ColumnType> types, ColumnRows rows, int row) {
    int count = types.size();
    out.writeVarLong(count);
    int bitmapStart = out.size();
    for (int i = 0; i < (count + 7) / 8; i++) {
      out.writeByte(0);
    }
    for (int i = 0; i < count; i++) {
      if (rows.isNull(i, row)) {
        out.array()[bitmapStart + (i >>> 3)] |= (byte) (1 << (i & 7));
        continue;
      }
      ColumnType type = types.get(i);
      switch (type.type()) {
        case BOOLEAN -> out.writeByte(rows.getLong(i, row) != 0 ? 1 : 0);
        case TINYINT -> out.writeByte((byte) rows.getLong(i, row));
        case SMALLINT -> out.writeShort((short) rows.getLong(i, row));
        case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> out.writeInt((int) rows.getLong(i, row));
        case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> out.writeLong(rows.getLong(i, row));
        case REAL -> out.writeInt(Float.floatToRawIntBits((float) rows.getDouble(i, row)));
        case DOUBLE -> out.writeLong(Double.doubleToRawLongBits(rows.getDouble(i, row)));
        case DECIMAL -> out.writeLengthPrefixed(KeyEncoder.normalizeDecimal((BigDecimal) rows.get(i, row), type)
            .unscaledValue().toByteArray());
        case CHAR, VARCHAR -> writeString(out, (String) rows.get(i, row));
      }
    }
  }

  /**
   * A string as its UTF-8 length and bytes; a Latin-1-only string of ASCII characters is
   * written in place (no intermediate {@code byte[]}).
   */
  private static void writeString(ByteWriter out, String value) {
    int length = value.length();
    int start = out.size();
    out.writeVarLong(length);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        out.truncate(start);
        out.writeLengthPrefixed(value.getBytes(StandardCharsets.UTF_8));
        return;
      }
      out.writeByte(c);
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
