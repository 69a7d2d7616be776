package dev.quaver.storage.row;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.io.ByteWriter;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: unsigned byte order of encodings equals SQL order, for every type and for tuples. */
class KeyEncoderTest {
  private static final long SEED = Long.getLong("seed", System.nanoTime());
  private static final List<ColumnType> TYPES = List.of(ColumnType.BOOLEAN, ColumnType.TINYINT,
      ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL,
      ColumnType.DOUBLE, ColumnType.decimal(20, 3), ColumnType.decimal(38, 0),
      ColumnType.varchar(50), ColumnType.character(10), ColumnType.DATE, ColumnType.TIME,
      ColumnType.TIMESTAMP);

  @Test
  void singleValuesSortLikeSql() {
    Random random = new Random(SEED);
    for (ColumnType type : TYPES) {
      for (int i = 0; i < 3000; i++) {
        Object a = randomValue(random, type);
        Object b = random.nextInt(10) == 0 ? a : randomValue(random, type);
        int expected = Integer.signum(sqlCompare(type, a, b));
        int actual = Integer.signum(Arrays.compareUnsigned(encode(type, a), encode(type, b)));
        assertThat(actual).as("seed %d: %s: %s vs %s", SEED, type, a, b).isEqualTo(expected);
      }
    }
  }

  @Test
  void tuplesSortColumnByColumn() {
    Random random = new Random(SEED);
    for (int i = 0; i < 5000; i++) {
      ColumnType first = TYPES.get(random.nextInt(TYPES.size()));
      ColumnType second = TYPES.get(random.nextInt(TYPES.size()));
      Object a1 = randomValue(random, first);
      Object b1 = random.nextBoolean() ? a1 : randomValue(random, first);
      Object a2 = randomValue(random, second);
      Object b2 = randomValue(random, second);
      int expected = sqlCompare(first, a1, b1);
      if (expected == 0) {
        expected = sqlCompare(second, a2, b2);
      }
      ByteWriter a = new ByteWriter(16);
      KeyEncoder.encode(a, first, a1);
      KeyEncoder.encode(a, second, a2);
      ByteWriter b = new ByteWriter(16);
      KeyEncoder.encode(b, first, b1);
      KeyEncoder.encode(b, second, b2);
      assertThat(Integer.signum(Arrays.compareUnsigned(a.toByteArray(), b.toByteArray())))
          .as("seed %d: (%s, %s) vs (%s, %s)", SEED, a1, a2, b1, b2)
          .isEqualTo(Integer.signum(expected));
    }
  }

  @Test
  void edgeValues() {
    assertOrdered(ColumnType.DOUBLE, null, Double.NEGATIVE_INFINITY, -1.5, -Double.MIN_VALUE, 0.0,
        Double.MIN_VALUE, 2.0, Double.POSITIVE_INFINITY, Double.NaN);
    assertThat(encode(ColumnType.DOUBLE, -0.0)).isEqualTo(encode(ColumnType.DOUBLE, 0.0));
    assertOrdered(ColumnType.BIGINT, null, Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE);
    assertOrdered(ColumnType.TEXT, null, "", "\0", "\0\0", "\0a", "a", "a\0", "ab", "b", "\uD83D\uDE00");
    assertOrdered(ColumnType.decimal(38, 0), null,
        new BigDecimal("-99999999999999999999999999999999999999"), new BigDecimal("-1"),
        BigDecimal.ZERO, new BigDecimal("99999999999999999999999999999999999999"));
    assertThat(encode(ColumnType.decimal(10, 2), new BigDecimal("1.5")))
        .isEqualTo(encode(ColumnType.decimal(10, 2), new BigDecimal("1.50")));
  }

  private static void assertOrdered(ColumnType type, Object... values) {
    for (int i = 1; i < values.length; i++) {
      assertThat(Arrays.compareUnsigned(encode(type, values[i - 1]), encode(type, values[i])))
          .as("%s < %s", values[i - 1], values[i]).isNegative();
    }
  }

  private static byte[] encode(ColumnType type, Object value) {
    ByteWriter out = new ByteWriter(16);
    KeyEncoder.encode(out, type, value);
    return out.toByteArray();
  }

  /** SQL order with NULLs first; floats: -0 = 0, NaN above everything; strings by code point. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int sqlCompare(ColumnType type, Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (type.type() == SqlType.REAL || type.type() == SqlType.DOUBLE) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      return x == y ? 0 : Double.compare(x, y);
    }
    if (type.type() == SqlType.DECIMAL) {
      return ((BigDecimal) a).compareTo((BigDecimal) b);
    }
    if (type.type().isCharacter()) {
      return Arrays.compare(((String) a).codePoints().toArray(), ((String) b).codePoints().toArray());
    }
    return ((Comparable) a).compareTo(b);
  }

  static Object randomValue(Random random, ColumnType type) {
    if (random.nextInt(12) == 0) {
      return null;
    }
    return switch (type.type()) {
      case BOOLEAN -> random.nextBoolean();
      case TINYINT -> (byte) random.nextInt();
      case SMALLINT -> (short) random.nextInt();
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> random.nextInt(4) == 0 ? random.nextInt(5) - 2 : random.nextInt();
      case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> random.nextInt(4) == 0 ? (long) random.nextInt(5) - 2 : random.nextLong();
      case REAL -> randomFloat(random);
      case DOUBLE -> randomDouble(random);
      case DECIMAL -> {
        int digits = 1 + random.nextInt(type.precision());
        BigInteger unscaled = new BigInteger(String.valueOf(random.nextLong() & Long.MAX_VALUE)
            .repeat(3).substring(0, Math.min(digits, 19 * 3)));
        yield new BigDecimal(random.nextBoolean() ? unscaled.negate() : unscaled, type.scale());
      }
      case CHAR, VARCHAR -> randomString(random);
    };
  }

  private static Float randomFloat(Random random) {
    float[] specials = {0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1.0f, -1.0f};
    if (random.nextInt(4) == 0) {
      return specials[random.nextInt(specials.length)];
    }
    return Float.intBitsToFloat(random.nextInt());
  }

  private static Double randomDouble(Random random) {
    double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1.0, -1.0};
    if (random.nextInt(4) == 0) {
      return specials[random.nextInt(specials.length)];
    }
    return random.nextBoolean() ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian();
  }

  private static String randomString(Random random) {
    String alphabet = "\0\1ab\u00e9\u4e2d\uD83D\uDE00z";
    List<Integer> points = new ArrayList<>();
    alphabet.codePoints().forEach(points::add);
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(6);
    for (int i = 0; i < length; i++) {
      s.appendCodePoint(points.get(random.nextInt(points.size())));
    }
    return s.toString();
  }
}
