package dev.quaver.server.query;

import dev.quaver.protocol.Message;

/**
 * Where a request's replies go: one client connection. Implemented by the network layer.
 *
 * <p>Thread safety: called by one worker at a time; {@link #send} may block.
 */
public interface ResponseSink {
  /**
   * Queues {@code message} for the client. Blocks while the connection's outbound buffer is
   * over its high-water mark (the client is slower than us), which is how a large result is
   * throttled to the client's pace; returns early when {@code isAbandoned()} becomes true.
   */
  void send(Message message);

  /** Like {@link #send}, for a frame already encoded with MessageCodec (header included). */
  void sendFrame(byte[] frame);

  /** True when nobody will read what we send any more: the connection is closed. */
  boolean isAbandoned();

  /** The largest frame payload the client accepts. */
  int maxFrameBytes();

  /** The protocol version of the session (docs/protocol.md, Versioning): replies are encoded in it. */
  default int protocolVersion() {
    return dev.quaver.protocol.ProtocolFormat.VERSION;
  }
}
