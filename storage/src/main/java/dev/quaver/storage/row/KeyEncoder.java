package dev.quaver.storage.row;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Order-preserving encoding of SQL values: for two values of one type, the unsigned
 * lexicographic order of their encodings equals their SQL order, NULL first. Each encoding is
 * prefix-free, so a tuple of values encodes as the concatenation and compares column by column.
 * The layout is specified in {@code docs/formats/keys.md}.
 *
 * <pre>
 *   NULL            00
 *   INTEGER 5       01 80 00 00 05      (big-endian, sign bit flipped)
 *   VARCHAR 'a\0b'  01 61 00 FF 62 00 01  (00 escaped as 00 FF, terminated by 00 01)
 * </pre>
 *
 * Stateless.
 */
public final class KeyEncoder {
  /** Marks a NULL value; sorts before {@link #NOT_NULL}. */
  public static final int NULL = 0x00;
  public static final int NOT_NULL = 0x01;
  static final int STRING_ESCAPE = 0xFF;
  static final int STRING_TERMINATOR = 0x01;
  /** Width of an encoded DECIMAL's unscaled value: two's complement, 128 bits. */
  static final int DECIMAL_BYTES = 16;

  private KeyEncoder() {}

  /** Appends the encoding of {@code value} (a Java value of {@code type}, or null). */
  public static void encode(ByteWriter out, ColumnType type, Object value) {
    if (value == null) {
      out.writeByte(NULL);
      return;
    }
    out.writeByte(NOT_NULL);
    switch (type.type()) {
      case BOOLEAN -> out.writeByte(((Boolean) value) ? 1 : 0);
      case TINYINT -> out.writeByte(((Byte) value) ^ 0x80);
      case SMALLINT -> out.writeShort(((Short) value) ^ 0x8000);
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> out.writeInt(((Integer) value) ^ Integer.MIN_VALUE);
      case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> out.writeLong(((Long) value) ^ Long.MIN_VALUE);
      case REAL -> out.writeInt(floatKey((Float) value));
      case DOUBLE -> out.writeLong(doubleKey((Double) value));
      case DECIMAL -> encodeDecimal(out, type, (BigDecimal) value);
      case CHAR, VARCHAR -> encodeString(out, (String) value);
    }
  }

  /**
   * IEEE bits made order-preserving: negative numbers have all bits flipped, others only the sign
   * bit. -0.0 is folded into 0.0 (SQL equal) and every NaN into the canonical NaN, which sorts
   * above +Infinity as in PostgreSQL.
   */
  static int floatKey(float value) {
    int bits = Float.floatToIntBits(value == 0.0f ? 0.0f : value);
    return bits ^ ((bits >> 31) | Integer.MIN_VALUE);
  }

  static long doubleKey(double value) {
    long bits = Double.doubleToLongBits(value == 0.0d ? 0.0d : value);
    return bits ^ ((bits >> 63) | Long.MIN_VALUE);
  }

  /** The unscaled value at the column's scale as a sign-flipped 128-bit two's complement. */
  private static void encodeDecimal(ByteWriter out, ColumnType type, BigDecimal value) {
    BigInteger unscaled = normalizeDecimal(value, type).unscaledValue();
    byte[] raw = unscaled.toByteArray();
    int pad = DECIMAL_BYTES - raw.length;
    int fill = unscaled.signum() < 0 ? 0xFF : 0x00;
    for (int i = 0; i < pad; i++) {
      out.writeByte(i == 0 ? fill ^ 0x80 : fill);
    }
    for (int i = 0; i < raw.length; i++) {
      out.writeByte(pad == 0 && i == 0 ? raw[i] ^ 0x80 : raw[i]);
    }
  }

  private static void encodeString(ByteWriter out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        encodeUtf8Slow(out, value);
        return;
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.writeByte(c);
      if (c == 0) {
        out.writeByte(STRING_ESCAPE);
      }
    }
    out.writeByte(0).writeByte(STRING_TERMINATOR);
  }

  private static void encodeUtf8Slow(ByteWriter out, String value) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      out.writeByte(b);
      if (b == 0) {
        out.writeByte(STRING_ESCAPE);
      }
    }
    out.writeByte(0).writeByte(STRING_TERMINATOR);
  }

  /**
   * The value at the column's scale (rounded half up, as casts do), or NUMERIC_VALUE_OUT_OF_RANGE
   * when it has more digits than the column's precision allows.
   */
  public static BigDecimal normalizeDecimal(BigDecimal value, ColumnType type) {
    BigDecimal scaled = value.scale() == type.scale() ? value : value.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > type.precision() - type.scale()
        && scaled.signum() != 0) {
      throw QuaverException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
          "numeric field overflow: %s does not fit %s", value.toPlainString(), type);
    }
    return scaled;
  }
}
