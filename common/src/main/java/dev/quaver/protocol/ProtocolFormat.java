package dev.quaver.protocol;

/**
 * Constants of the wire protocol, specified in docs/protocol.md. Frames are
 * {@code type:u8 length:u32 payload[length]}, big-endian. Never renumber or reuse a value.
 */
public final class ProtocolFormat {
  /** "QVER": first field of HELLO, so a stray client (HTTP, PostgreSQL) is told off at once. */
  public static final int MAGIC = 0x51564552;
  /**
   * The newest version, what the driver sends in HELLO. Bumped on every incompatible change. The
   * server accepts MIN_VERSION..VERSION and speaks the client's version for the whole session.
   */
  public static final int VERSION = 2;
  /** The oldest version a server still speaks (version 1: no column origins, no system tables, no keys). */
  public static final int MIN_VERSION = 1;
  /** Bytes before a frame's payload: the type byte and the u32 payload length. */
  public static final int HEADER_BYTES = 5;
  /** Largest payload either side accepts unless configured otherwise (16 MiB). */
  public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
  /** TCP port a server listens on by default. */
  public static final int DEFAULT_PORT = 5488;
  /** Rows per fetch when a client does not say. */
  public static final int DEFAULT_FETCH_SIZE = 1000;

  private ProtocolFormat() {}
}
