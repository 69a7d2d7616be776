package dev.quaver.protocol;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one frame's payload with bounds checks: reading past the end, a negative
 * length or an impossible type is a PROTOCOL_VIOLATION (08P01) naming the field, never an
 * IndexOutOfBoundsException.
 *
 * <p>Thread safety: confined to one thread.
 */
final class WireReader {
  private static final SqlType[] TYPES = SqlType.values();

  private final ByteBuffer buffer;
  private final MessageType messageType;

  WireReader(ByteBuffer payload, MessageType messageType) {
    this.buffer = payload.slice();
    this.messageType = messageType;
  }

  int remaining() {
    return buffer.remaining();
  }

  /**
   * The payload itself, for bulk reads of a fixed-width column whose size the caller has
   * checked against {@link #remaining()} (one check per column instead of one per value).
   */
  ByteBuffer buffer() {
    return buffer;
  }

  int u8(String field) {
    need(1, field);
    return buffer.get() & 0xFF;
  }

  boolean bool(String field) {
    int value = u8(field);
    if (value > 1) {
      throw violation("field " + field + " is " + value + ", expected 0 or 1");
    }
    return value == 1;
  }

  int u16(String field) {
    need(2, field);
    return buffer.getShort() & 0xFFFF;
  }

  int i32(String field) {
    need(4, field);
    return buffer.getInt();
  }

  /** An i32 that must be 0 or more (a count or length). */
  int count(String field) {
    int value = i32(field);
    if (value < 0) {
      throw violation("field " + field + " is negative: " + value);
    }
    return value;
  }

  long i64(String field) {
    need(8, field);
    return buffer.getLong();
  }

  byte[] bytes(int length, String field) {
    need(length, field);
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }

  String string(String field) {
    int length = i32(field);
    if (length == -1) {
      return null;
    }
    if (length < 0) {
      throw violation("field " + field + " has length " + length);
    }
    return utf8(bytes(length, field), field);
  }

  /** A string that may not be null. */
  String requiredString(String field) {
    String value = string(field);
    if (value == null) {
      throw violation("field " + field + " is null");
    }
    return value;
  }

  ColumnType columnType(String field) {
    int tag = u8(field + ".type");
    int precision = i32(field + ".precision");
    int scale = i32(field + ".scale");
    try {
      return new ColumnType(SqlType.fromTag(tag), precision, scale);
    } catch (IllegalArgumentException e) {
      throw violation("field " + field + " is not a valid type: " + e.getMessage());
    }
  }

  /**
   * {@link #columnType(String)} of field {@code prefix[index]}, the field's name built only for
   * an error (a column batch reads one per column of every EXECUTE).
   */
  ColumnType columnType(String prefix, int index) {
    if (buffer.remaining() < 9) {
      return columnType(prefix + "[" + index + "]"); // names the truncated field
    }
    int tag = buffer.get() & 0xFF;
    int precision = buffer.getInt();
    int scale = buffer.getInt();
    try {
      return new ColumnType(typeOf(tag), precision, scale);
    } catch (IllegalArgumentException e) {
      throw violation("field " + prefix + "[" + index + "] is not a valid type: " + e.getMessage());
    }
  }

  /** {@link #bytes(int, String)} of field {@code prefix[index]suffix}, named only for an error. */
  byte[] bytes(int length, String prefix, int index, String suffix) {
    if (length < 0 || buffer.remaining() < length) {
      need(length, prefix + "[" + index + "]" + suffix);
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }

  /** {@link SqlType#fromTag} without its copy of {@code values()} per call. */
  private static SqlType typeOf(int tag) {
    for (SqlType type : TYPES) {
      if (type.tag() == tag) {
        return type;
      }
    }
    return SqlType.fromTag(tag); // throws its own message
  }

  QuaverException violation(String detail) {
    return new QuaverException(ErrorCode.PROTOCOL_VIOLATION,
        "malformed " + messageType + " message: " + detail);
  }

  static String utf8(byte[] bytes, String field) {
    return utf8(ByteBuffer.wrap(bytes), field);
  }

  /** The remaining bytes of {@code bytes} as strict UTF-8 (malformed input is a violation). */
  static String utf8(ByteBuffer bytes, String field) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new QuaverException(ErrorCode.PROTOCOL_VIOLATION, "field " + field + " is not valid UTF-8");
    }
  }

  private void need(int bytes, String field) {
    if (bytes < 0 || buffer.remaining() < bytes) {
      throw violation("truncated at field " + field + ": needs " + bytes + " bytes, " + buffer.remaining() + " left");
    }
  }
}
