package dev.quaver.protocol;

/**
 * Constants of the wire protocol, specified in docs/protocol.md. Frames are
 * {@code type:u8 length:u32 payload[length]}, big-endian. Never renumber or reuse a value.
 */
public final class ProtocolFormat {
  /** "QVER": first field of HELLO, so a stray client (HTTP, PostgreSQL) is told off at once. */
  public static final int MAGIC = 0x51564552;
  /** Bumped on every incompatible change; the server accepts exactly this version. */
  public static final int VERSION = 1;
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
