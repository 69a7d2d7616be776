package dev.quaver.protocol;

import dev.quaver.type.ColumnType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends big-endian integers, strings and types to a growing byte array: the payload of one
 * frame. Strings are {@code length:i32 utf8[length]}, length -1 meaning null.
 *
 * <p>Thread safety: confined to one thread.
 */
final class WireWriter {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buffer;
  private int size;

  WireWriter(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  /** The bytes written; the backing array itself when it is exactly full (no copy). */
  byte[] toByteArray() {
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }

  /** Makes room for {@code more} bytes at once (a column of known size: one growth, not many). */
  void reserve(long more) {
    if (more > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("frame larger than 2 GiB");
    }
    ensure((int) more);
  }

  /** i32 without a capacity check. Requires: room reserved. */
  void i32Reserved(int value) {
    INT.set(buffer, size, value);
    size += 4;
  }

  /** i64 without a capacity check. Requires: room reserved. */
  void i64Reserved(long value) {
    LONG.set(buffer, size, value);
    size += 8;
  }

  /** The backing array; valid bytes are [0, size()). */
  byte[] array() {
    return buffer;
  }

  void u8(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  void bool(boolean value) {
    u8(value ? 1 : 0);
  }

  void u16(int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException("value " + value + " does not fit in u16");
    }
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  void i32(int value) {
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  void i64(long value) {
    i32((int) (value >>> 32));
    i32((int) value);
  }

  /** Overwrites 4 bytes at {@code offset} (a length written before its content was known). */
  void i32At(int offset, int value) {
    buffer[offset] = (byte) (value >>> 24);
    buffer[offset + 1] = (byte) (value >>> 16);
    buffer[offset + 2] = (byte) (value >>> 8);
    buffer[offset + 3] = (byte) value;
  }

  void bytes(byte[] bytes) {
    bytes(bytes, 0, bytes.length);
  }

  void bytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
  }

  void string(String value) {
    if (value == null) {
      i32(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    i32(utf8.length);
    bytes(utf8);
  }

  void columnType(ColumnType type) {
    u8(type.type().tag());
    i32(type.precision());
    i32(type.scale());
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      long wanted = Math.max((long) buffer.length * 2, (long) size + more);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("frame larger than 2 GiB");
      }
      buffer = Arrays.copyOf(buffer, (int) wanted);
    }
  }
}
