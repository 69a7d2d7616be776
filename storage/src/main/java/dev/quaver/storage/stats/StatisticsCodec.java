package dev.quaver.storage.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Encodes one table's statistics as the bytes of a statistics file and back
 * ({@code docs/formats/stats.md}): magic, version, payload length, payload, CRC32C of the
 * payload. Values are encoded by {@link ValueEncoding}. Stateless.
 */
final class StatisticsCodec {
  static final int MAGIC = 0x51535441; // "QSTA"
  static final int VERSION = 1;

  private StatisticsCodec() {}

  static byte[] encode(TableStatistics stats) {
    try {
      ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(payloadBytes);
      out.writeLong(stats.tableId());
      out.writeLong(stats.rowCount());
      out.writeDouble(stats.averageRowBytes());
      out.writeLong(stats.collectedAtMillis());
      out.writeInt(stats.columns().size());
      for (ColumnStatistics column : stats.columns()) {
        out.writeLong(column.nullCount());
        out.writeDouble(column.distinctCount());
        ValueEncoding.write(out, column.min());
        ValueEncoding.write(out, column.max());
        out.writeInt(column.sketch().length);
        out.write(column.sketch());
        out.writeInt(column.histogram().size());
        for (Object bound : column.histogram()) {
          ValueEncoding.write(out, bound);
        }
        out.writeInt(column.mostCommon().size());
        for (ValueCount common : column.mostCommon()) {
          ValueEncoding.write(out, common.value());
          out.writeLong(common.count());
        }
      }
      out.flush();
      byte[] payload = payloadBytes.toByteArray();
      ByteArrayOutputStream fileBytes = new ByteArrayOutputStream(payload.length + 16);
      DataOutputStream file = new DataOutputStream(fileBytes);
      file.writeInt(MAGIC);
      file.writeByte(VERSION);
      file.writeInt(payload.length);
      file.write(payload);
      file.writeInt(crc(payload));
      file.flush();
      return fileBytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a file's bytes; throws IllegalArgumentException when they are not a valid file. */
  static TableStatistics decode(byte[] bytes) {
    try {
      DataInputStream file = new DataInputStream(new ByteArrayInputStream(bytes));
      if (file.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a statistics file (bad magic)");
      }
      int version = file.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("statistics file version " + version + " is not supported");
      }
      int length = file.readInt();
      if (length < 0 || length > bytes.length) {
        throw new IllegalArgumentException("bad payload length " + length);
      }
      byte[] payload = new byte[length];
      file.readFully(payload);
      if (file.readInt() != crc(payload)) {
        throw new IllegalArgumentException("statistics file checksum mismatch");
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
      long tableId = in.readLong();
      long rowCount = in.readLong();
      double averageRowBytes = in.readDouble();
      long collectedAt = in.readLong();
      int columnCount = in.readInt();
      List<ColumnStatistics> columns = new ArrayList<>(columnCount);
      for (int c = 0; c < columnCount; c++) {
        long nulls = in.readLong();
        double distinct = in.readDouble();
        Object min = ValueEncoding.read(in);
        Object max = ValueEncoding.read(in);
        byte[] sketch = new byte[in.readInt()];
        in.readFully(sketch);
        int bounds = in.readInt();
        List<Object> histogram = new ArrayList<>(bounds);
        for (int i = 0; i < bounds; i++) {
          histogram.add(ValueEncoding.read(in));
        }
        int commons = in.readInt();
        List<ValueCount> mostCommon = new ArrayList<>(commons);
        for (int i = 0; i < commons; i++) {
          Object value = ValueEncoding.read(in);
          mostCommon.add(new ValueCount(value, in.readLong()));
        }
        columns.add(new ColumnStatistics(nulls, min, max, distinct, sketch, histogram, mostCommon));
      }
      return new TableStatistics(tableId, rowCount, averageRowBytes, collectedAt, columns);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException illegal) {
        throw illegal;
      }
      throw new IllegalArgumentException("truncated or corrupt statistics file: " + e, e);
    }
  }

  private static int crc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }
}
