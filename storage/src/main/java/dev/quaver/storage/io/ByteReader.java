package dev.quaver.storage.io;

import java.util.Arrays;

/**
 * Reads what {@link ByteWriter} wrote: big-endian fixed-width integers and unsigned LEB128
 * varints. Reading past the end throws {@link IndexOutOfBoundsException}; callers that parse
 * bytes from disk turn that into DATA_CORRUPTED with the file and offset.
 *
 * <p>Thread safety: confined to one thread.
 */
public final class ByteReader {
  private final byte[] bytes;
  private final int limit;
  private int position;

  public ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public ByteReader(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.limit = offset + length;
  }

  public int position() {
    return position;
  }

  public boolean hasRemaining() {
    return position < limit;
  }

  public int remaining() {
    return limit - position;
  }

  public int readByte() {
    check(1);
    return bytes[position++] & 0xFF;
  }

  public short readShort() {
    check(2);
    int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
    position += 2;
    return (short) value;
  }

  public int readInt() {
    check(4);
    int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
        | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
    position += 4;
    return value;
  }

  public long readLong() {
    check(8);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[position++] & 0xFF);
    }
    return value;
  }

  public long readVarLong() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IndexOutOfBoundsException("varint longer than 10 bytes at " + position);
  }

  /** A varint length that must fit in what is left. */
  public int readLength() {
    long length = readVarLong();
    if (length < 0 || length > remaining()) {
      throw new IndexOutOfBoundsException("length " + length + " exceeds remaining " + remaining());
    }
    return (int) length;
  }

  public byte[] readBytes(int length) {
    check(length);
    byte[] result = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return result;
  }

  public byte[] readLengthPrefixed() {
    return readBytes(readLength());
  }

  public void skip(int length) {
    check(length);
    position += length;
  }

  private void check(int length) {
    if (length < 0 || position + length > limit) {
      throw new IndexOutOfBoundsException(
          "read of " + length + " bytes at " + position + " past end " + limit);
    }
  }
}
