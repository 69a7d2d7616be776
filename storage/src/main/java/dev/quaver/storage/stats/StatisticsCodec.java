package dev.quaver.storage.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Encodes one table's statistics as the bytes of a statistics file and back
 * ({@code docs/formats/stats.md}): magic, version, payload length, payload, CRC32C of the
 * payload. Stateless.
 */
final class StatisticsCodec {
  static final int MAGIC = 0x51535441; // "QSTA"
  static final int VERSION = 1;

  private static final int NULL = 0;
  private static final int BOOLEAN = 1;
  private static final int BYTE = 2;
  private static final int SHORT = 3;
  private static final int INT = 4;
  private static final int LONG = 5;
  private static final int FLOAT = 6;
  private static final int DOUBLE = 7;
  private static final int DECIMAL = 8;
  private static final int STRING = 9;
  private static final int BYTES = 10;

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
        writeValue(out, column.min());
        writeValue(out, column.max());
        out.writeInt(column.sketch().length);
        out.write(column.sketch());
        out.writeInt(column.histogram().size());
        for (Object bound : column.histogram()) {
          writeValue(out, bound);
        }
        out.writeInt(column.mostCommon().size());
        for (ValueCount common : column.mostCommon()) {
          writeValue(out, common.value());
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
        Object min = readValue(in);
        Object max = readValue(in);
        byte[] sketch = new byte[in.readInt()];
        in.readFully(sketch);
        int bounds = in.readInt();
        List<Object> histogram = new ArrayList<>(bounds);
        for (int i = 0; i < bounds; i++) {
          histogram.add(readValue(in));
        }
        int commons = in.readInt();
        List<ValueCount> mostCommon = new ArrayList<>(commons);
        for (int i = 0; i < commons; i++) {
          Object value = readValue(in);
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

  private static void writeValue(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Boolean flag) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(flag);
    } else if (value instanceof Byte b) {
      out.writeByte(BYTE);
      out.writeByte(b);
    } else if (value instanceof Short s) {
      out.writeByte(SHORT);
      out.writeShort(s);
    } else if (value instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (value instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (value instanceof Float f) {
      out.writeByte(FLOAT);
      out.writeFloat(f);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (value instanceof BigDecimal decimal) {
      out.writeByte(DECIMAL);
      writeBytes(out, decimal.toString().getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof String text) {
      out.writeByte(STRING);
      writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof byte[] raw) {
      out.writeByte(BYTES);
      writeBytes(out, raw);
    } else {
      throw new IllegalArgumentException("no statistics encoding for " + value.getClass().getName());
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static Object readValue(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case NULL -> null;
      case BOOLEAN -> in.readBoolean();
      case BYTE -> in.readByte();
      case SHORT -> in.readShort();
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case FLOAT -> in.readFloat();
      case DOUBLE -> in.readDouble();
      case DECIMAL -> new BigDecimal(new String(readBytes(in), StandardCharsets.UTF_8));
      case STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
      case BYTES -> readBytes(in);
      default -> throw new IllegalArgumentException("unknown value tag " + tag);
    };
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > (1 << 26)) {
      throw new IllegalArgumentException("bad value length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }
}
