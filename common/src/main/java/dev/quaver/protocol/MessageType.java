package dev.quaver.protocol;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;

/**
 * The tag byte of every frame. Client-to-server tags are 0x01-0x3F, server-to-client tags
 * 0x41-0x7F, so a frame's direction is visible in a hex dump. Tags are never renumbered; a
 * retired tag stays here as a comment.
 */
public enum MessageType {
  // client -> server
  HELLO(0x01),
  CANCEL_REQUEST(0x02),
  QUERY(0x03),
  PREPARE(0x04),
  EXECUTE(0x05),
  EXECUTE_BATCH(0x06),
  QUERY_BATCH(0x07),
  FETCH(0x08),
  CLOSE_CURSOR(0x09),
  CLOSE_STATEMENT(0x0A),
  CANCEL(0x0B),
  CATALOG_REQUEST(0x0C),
  PING(0x0D),
  TERMINATE(0x0E),
  /** Version 2. */
  QUERY_KEYS(0x0F),
  /** Version 2. */
  PREPARE_KEYS(0x10),
  // server -> client
  AUTH_OK(0x41),
  PREPARE_OK(0x42),
  RESULT_HEADER(0x43),
  ROW_BATCH(0x44),
  FETCH_DONE(0x45),
  UPDATE_COUNT(0x46),
  BATCH_RESULT(0x47),
  ERROR(0x48),
  CATALOG_INFO(0x49),
  PONG(0x4A),
  /** Version 2. */
  GENERATED_KEYS(0x4B);

  private static final MessageType[] BY_TAG = new MessageType[256];

  static {
    for (MessageType type : values()) {
      BY_TAG[type.tag] = type;
    }
  }

  private final int tag;

  MessageType(int tag) {
    this.tag = tag;
  }

  public int tag() {
    return tag;
  }

  public boolean isFromClient() {
    return tag < 0x40;
  }

  /** The type of a tag byte; an unknown tag is a protocol violation (08P01). */
  public static MessageType fromTag(int tag) {
    MessageType type = BY_TAG[tag & 0xFF];
    if (type == null) {
      throw new QuaverException(ErrorCode.PROTOCOL_VIOLATION,
          String.format("unknown message type 0x%02X", tag & 0xFF));
    }
    return type;
  }
}
