package dev.quaver.storage.stats;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The encodings of one value in a statistics file ({@code value := tag:u8 body} in
 * docs/formats/stats.md), one constant a tag: the tag byte, the Java class it stands for and how
 * its body is written and read. The table is the format: a tag's number and body never change.
 */
enum ValueEncoding {
  NULL(0, Void.class, (out, value) -> { }, in -> null),
  BOOLEAN(1, Boolean.class, (out, value) -> out.writeBoolean((Boolean) value), DataInputStream::readBoolean),
  BYTE(2, Byte.class, (out, value) -> out.writeByte((Byte) value), DataInputStream::readByte),
  SHORT(3, Short.class, (out, value) -> out.writeShort((Short) value), DataInputStream::readShort),
  INT(4, Integer.class, (out, value) -> out.writeInt((Integer) value), DataInputStream::readInt),
  LONG(5, Long.class, (out, value) -> out.writeLong((Long) value), DataInputStream::readLong),
  FLOAT(6, Float.class, (out, value) -> out.writeFloat((Float) value), DataInputStream::readFloat),
  DOUBLE(7, Double.class, (out, value) -> out.writeDouble((Double) value), DataInputStream::readDouble),
  DECIMAL(8, BigDecimal.class, (out, value) -> writeText(out, value.toString()),
      in -> new BigDecimal(readText(in))),
  STRING(9, String.class, (out, value) -> writeText(out, (String) value), ValueEncoding::readText),
  BYTES(10, byte[].class, (out, value) -> writeBytes(out, (byte[]) value), ValueEncoding::readBytes);

  /** The longest text or bytes body a reader accepts, against corrupt lengths. */
  private static final int MAX_BODY_BYTES = 1 << 26;
  private static final ValueEncoding[] BY_TAG = byTag();

  private final int tag;
  private final Class<?> javaClass;
  private final BodyWriter writer;
  private final BodyReader reader;

  ValueEncoding(int tag, Class<?> javaClass, BodyWriter writer, BodyReader reader) {
    this.tag = tag;
    this.javaClass = javaClass;
    this.writer = writer;
    this.reader = reader;
  }

  /** Writes {@code value}'s tag and body; throws IllegalArgumentException for a class no tag has. */
  static void write(DataOutputStream out, Object value) throws IOException {
    ValueEncoding encoding = of(value);
    out.writeByte(encoding.tag);
    encoding.writer.write(out, value);
  }

  /** Reads one tag and body; throws IllegalArgumentException for an unknown tag. */
  static Object read(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    if (tag >= BY_TAG.length || BY_TAG[tag] == null) {
      throw new IllegalArgumentException("unknown value tag " + tag);
    }
    return BY_TAG[tag].reader.read(in);
  }

  private static ValueEncoding of(Object value) {
    if (value == null) {
      return NULL;
    }
    for (ValueEncoding encoding : values()) {
      if (encoding.javaClass.isInstance(value)) {
        return encoding;
      }
    }
    throw new IllegalArgumentException("no statistics encoding for " + value.getClass().getName());
  }

  private static ValueEncoding[] byTag() {
    ValueEncoding[] byTag = new ValueEncoding[values().length];
    for (ValueEncoding encoding : values()) {
      byTag[encoding.tag] = encoding;
    }
    return byTag;
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readText(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("bad value length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  /** Writes a value's body (the tag is already written). */
  @FunctionalInterface
  private interface BodyWriter {
    void write(DataOutputStream out, Object value) throws IOException;
  }

  /** Reads a value's body (the tag is already read). */
  @FunctionalInterface
  private interface BodyReader {
    Object read(DataInputStream in) throws IOException;
  }
}
