package dev.quaver.slt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Formats one result value the way the original C runner (sqllogictest.c with its SQLite
 * driver) does, chosen by the query's column type letter, not by the value's own type:
 *
 * <ul>
 *   <li>{@code I}: a 64-bit integer; a fractional value is truncated toward zero and text is
 *       converted by its longest numeric prefix, 0 if none (SQLite's integer conversion);
 *   <li>{@code R}: {@code printf("%.3f")} of the double, rounded from its exact binary value;
 *   <li>{@code T}: the text; the empty string prints as {@code (empty)}; a TIMESTAMP prints
 *       as {@code yyyy-MM-dd HH:mm:ss[.fff]} and a TIME as {@code HH:mm:ss[.fff]}, fractions
 *       only when non-zero (the JDBC classes' toString would add ".0" or drop milliseconds).
 * </ul>
 *
 * NULL prints as {@code NULL}, and every byte of the UTF-8 text outside printable ASCII
 * (0x20–0x7e) prints as {@code @}. Thread safety: stateless.
 */
public final class ValueFormatter {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private ValueFormatter() {}

  /** Requires: {@code type} is one of I, R, T. {@code value} is what getObject returned. */
  public static String format(Object value, char type) {
    if (value == null) {
      return "NULL";
    }
    String text = switch (type) {
      case 'I' -> Long.toString(toLong(value));
      case 'R' -> formatReal(toDouble(value));
      case 'T' -> toText(value);
      default -> throw new IllegalArgumentException("unknown column type " + type);
    };
    return text.isEmpty() ? "(empty)" : printable(text);
  }

  static long toLong(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal decimal) {
      return saturate(decimal);
    }
    if (value instanceof BigInteger integer) {
      return saturate(new BigDecimal(integer));
    }
    if (value instanceof Number number) {
      // Java's double-to-long cast truncates toward zero, saturates, and maps NaN to 0.
      return (long) number.doubleValue();
    }
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    BigDecimal prefix = numericPrefix(value.toString());
    return prefix == null ? 0 : saturate(prefix);
  }

  static double toDouble(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    BigDecimal prefix = numericPrefix(value.toString());
    return prefix == null ? 0 : prefix.doubleValue();
  }

  /** C's {@code %.3f}: exact binary value rounded half-even, sign kept on a negative zero. */
  static String formatReal(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String digits = new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    boolean isNegative = value < 0 || (value == 0 && 1 / value < 0);
    return isNegative && !digits.startsWith("-") ? "-" + digits : digits;
  }

  private static String toText(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return formatG15(((Number) value).doubleValue());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return DateTimeText.timestamp(timestamp.toLocalDateTime());
    }
    if (value instanceof java.time.LocalDateTime dateTime) {
      return DateTimeText.timestamp(dateTime);
    }
    if (value instanceof java.sql.Time time) {
      return DateTimeText.time(time);
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return value.toString();
  }

  /** SQLite's text of a REAL ({@code %!.15g}): 15 significant digits, ".0" when integral. */
  static String formatG15(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return formatReal(value);
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(15, RoundingMode.HALF_EVEN))
        .stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 15) {
      BigDecimal mantissa = rounded.movePointLeft(exponent);
      String m = mantissa.toPlainString();
      if (!m.contains(".")) {
        m = m + ".0";
      }
      return String.format("%se%s%02d", m, exponent < 0 ? "-" : "+", Math.abs(exponent));
    }
    String plain = rounded.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** The longest prefix of {@code text} that reads as a number (after leading spaces). */
  static BigDecimal numericPrefix(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int start = i;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digitsStart = i;
    while (i < n && Character.isDigit(text.charAt(i))) {
      i++;
    }
    int intDigits = i - digitsStart;
    int fracDigits = 0;
    if (i < n && text.charAt(i) == '.') {
      int dot = i;
      i++;
      while (i < n && Character.isDigit(text.charAt(i))) {
        i++;
      }
      fracDigits = i - dot - 1;
      if (fracDigits == 0) {
        i = dot + (intDigits > 0 ? 1 : 0);
      }
    }
    if (intDigits + fracDigits == 0) {
      return null;
    }
    int end = i;
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
        j++;
      }
      int expStart = j;
      while (j < n && Character.isDigit(text.charAt(j))) {
        j++;
      }
      if (j > expStart) {
        end = j;
      }
    }
    String number = text.substring(start, end);
    if (number.endsWith(".")) {
      number = number.substring(0, number.length() - 1);
    }
    try {
      return new BigDecimal(number.startsWith("+") ? number.substring(1) : number);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static long saturate(BigDecimal value) {
    if (value.compareTo(LONG_MIN) <= 0) {
      return Long.MIN_VALUE;
    }
    if (value.compareTo(LONG_MAX) >= 0) {
      return Long.MAX_VALUE;
    }
    return value.setScale(0, RoundingMode.DOWN).longValueExact();
  }

  private static String printable(String text) {
    boolean isPlain = true;
    for (int i = 0; i < text.length() && isPlain; i++) {
      char c = text.charAt(i);
      isPlain = c >= 0x20 && c <= 0x7e;
    }
    if (isPlain) {
      return text;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      out.append(b >= 0x20 && b <= 0x7e ? (char) b : '@');
    }
    return out.toString();
  }
}
