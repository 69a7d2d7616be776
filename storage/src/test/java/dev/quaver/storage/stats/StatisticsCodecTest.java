package dev.quaver.storage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The statistics file format (docs/formats/stats.md) against bytes written by the codec before
 * its per-type value blocks became one table: existing files must still decode, and the same
 * statistics must still encode to the same bytes.
 */
class StatisticsCodecTest {
  /** {@link #everyTag()} as StatisticsCodec wrote it at commit ea49c30 (version 1). */
  private static final String EVERY_TAG_V1 =
      "5153544101000000f4000000000000004d00000000000003e8403f4000000000000000018bcfe5687b000000030000000000000003404540000000000004000000010400000063000000030708090000000800010102fe03012c0400011170050000010000000000063fc0000007c002000000000000000000020400000005000000000000001109000000017800000000000000020000000000000000400000000000000009000000056170706c6509000000067a657461c3a9000000000000000308000000072d31322e33343009000000016d0a0000000200ff00000000000000000000000a0000000000000000000000000000000000000000000093d40285";

  /** Statistics with every value tag of the format, NULL included. */
  private static TableStatistics everyTag() {
    ColumnStatistics numbers = new ColumnStatistics(3, 1, 99, 42.5, new byte[] {7, 8, 9},
        Arrays.asList(null, true, (byte) -2, (short) 300, 70000, 1L << 40, 1.5f, -2.25d),
        List.of(new ValueCount(5, 17), new ValueCount("x", 2)));
    ColumnStatistics texts = new ColumnStatistics(0, "apple", "zeta\u00e9", 2, null,
        List.of(new BigDecimal("-12.340"), "m", new byte[] {0, (byte) 255}), List.of());
    ColumnStatistics empty = new ColumnStatistics(10, null, null, 0, null, null, null);
    return new TableStatistics(77, 1000, 31.25, 1_700_000_000_123L, List.of(numbers, texts, empty));
  }

  @Test
  void encodesToTheVersion1Bytes() {
    assertThat(HexFormat.of().formatHex(StatisticsCodec.encode(everyTag()))).isEqualTo(EVERY_TAG_V1);
  }

  @Test
  void decodesVersion1BytesToEveryValueAndItsJavaType() {
    TableStatistics decoded = StatisticsCodec.decode(HexFormat.of().parseHex(EVERY_TAG_V1));
    TableStatistics expected = everyTag();
    assertThat(decoded.tableId()).isEqualTo(77);
    assertThat(decoded.rowCount()).isEqualTo(1000);
    assertThat(decoded.averageRowBytes()).isEqualTo(31.25);
    assertThat(decoded.collectedAtMillis()).isEqualTo(1_700_000_000_123L);
    assertThat(decoded.columns()).hasSize(3);
    for (int c = 0; c < 3; c++) {
      ColumnStatistics actual = decoded.column(c);
      ColumnStatistics wanted = expected.column(c);
      assertThat(actual.nullCount()).isEqualTo(wanted.nullCount());
      assertThat(actual.distinctCount()).isEqualTo(wanted.distinctCount());
      assertThat(actual.min()).isEqualTo(wanted.min());
      assertThat(actual.max()).isEqualTo(wanted.max());
      assertThat(actual.sketch()).isEqualTo(wanted.sketch());
      assertThat(actual.histogram()).hasSameSizeAs(wanted.histogram());
      for (int i = 0; i < wanted.histogram().size(); i++) {
        Object value = wanted.histogram().get(i);
        assertThat(actual.histogram().get(i)).isEqualTo(value);
        if (value != null) {
          assertThat(actual.histogram().get(i)).isExactlyInstanceOf(value.getClass());
        }
      }
      assertThat(actual.mostCommon()).hasSameSizeAs(wanted.mostCommon());
      for (int i = 0; i < wanted.mostCommon().size(); i++) {
        assertThat(actual.mostCommon().get(i).value()).isEqualTo(wanted.mostCommon().get(i).value());
        assertThat(actual.mostCommon().get(i).count()).isEqualTo(wanted.mostCommon().get(i).count());
      }
    }
  }

  @Test
  void rejectsAnUnencodableValue() {
    assertThatThrownBy(() -> StatisticsCodec.encode(new TableStatistics(1, 1, 1, 1,
        List.of(new ColumnStatistics(0, new Object(), null, 0, null, null, null)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no statistics encoding for java.lang.Object");
  }

  @Test
  void rejectsAnUnknownValueTagAndACorruptChecksum() {
    byte[] bytes = HexFormat.of().parseHex(EVERY_TAG_V1);
    int minTag = 9 + 36 + 16; // header, table fields, the first column's null and distinct counts
    assertThat(bytes[minTag]).isEqualTo((byte) 4); // INTEGER 1
    bytes[minTag] = 11;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 9, bytes.length - 13);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    assertThatThrownBy(() -> StatisticsCodec.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown value tag 11");
    bytes[bytes.length - 1] ^= 1;
    assertThatThrownBy(() -> StatisticsCodec.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum");
  }
}
