package dev.quaver.storage.io;

import java.util.Arrays;

/**
 * A growable byte buffer with big-endian fixed-width writes and unsigned LEB128 varints, used to
 * build keys, row values and log records without a {@code ByteBuffer} per value.
 *
 * <p>Thread safety: confined to one thread.
 */
public final class ByteWriter {
  private byte[] bytes;
  private int size;

  public ByteWriter(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  public int size() {
    return size;
  }

  /** Forgets the content, keeping the capacity. */
  public void reset() {
    size = 0;
  }

  /** Shrinks back to {@code newSize} bytes (drops what was written after it). */
  public void truncate(int newSize) {
    size = newSize;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** The internal array; valid up to {@link #size()} until the next write. */
  public byte[] array() {
    return bytes;
  }

  public ByteWriter writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
    return this;
  }

  public ByteWriter writeBytes(byte[] source) {
    return writeBytes(source, 0, source.length);
  }

  public ByteWriter writeBytes(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
    return this;
  }

  public ByteWriter writeShort(int value) {
    ensure(2);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
    return this;
  }

  public ByteWriter writeInt(int value) {
    ensure(4);
    bytes[size++] = (byte) (value >>> 24);
    bytes[size++] = (byte) (value >>> 16);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
    return this;
  }

  public ByteWriter writeLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** Unsigned LEB128: 7 bits per byte, low group first, high bit set on all but the last byte. */
  public ByteWriter writeVarLong(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
    return this;
  }

  /** A varint length followed by the bytes. */
  public ByteWriter writeLengthPrefixed(byte[] source) {
    writeVarLong(source.length);
    return writeBytes(source);
  }

  /** Overwrites 4 bytes at {@code position} (for lengths and checksums known only later). */
  public void putInt(int position, int value) {
    bytes[position] = (byte) (value >>> 24);
    bytes[position + 1] = (byte) (value >>> 16);
    bytes[position + 2] = (byte) (value >>> 8);
    bytes[position + 3] = (byte) value;
  }

  private void ensure(int extra) {
    if (size + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
    }
  }
}
