package dev.quaver.server.net;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.protocol.MessageType;
import dev.quaver.protocol.ProtocolFormat;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Cuts the inbound byte stream into frames ({@code type:u8 length:u32 payload}) and decodes each
 * into a protocol message. An oversized length is rejected from the header alone, before any
 * payload is buffered; bytes left over when the peer stops sending are a truncated frame. Either
 * way a QuaverException (08P01) goes to {@link ConnectionHandler#exceptionCaught}, and the
 * decoder discards everything after it.
 *
 * <p>Thread safety: confined to the channel's event loop.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  /** Frame limit before authentication: HELLO and CANCEL_REQUEST are tiny. */
  static final int HANDSHAKE_MAX_FRAME_BYTES = 64 * 1024;

  private final int sessionMaxFrameBytes;
  private int maxFrameBytes = HANDSHAKE_MAX_FRAME_BYTES;
  private boolean hasFailed;

  FrameDecoder(int maxFrameBytes) {
    this.sessionMaxFrameBytes = maxFrameBytes;
  }

  /** Lifts the limit to the session's once the client has authenticated. */
  void authenticated() {
    maxFrameBytes = sessionMaxFrameBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (hasFailed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < ProtocolFormat.HEADER_BYTES) {
      return;
    }
    int start = in.readerIndex();
    int tag = in.getUnsignedByte(start);
    long length = in.getUnsignedInt(start + 1);
    MessageType type;
    try {
      type = MessageType.fromTag(tag);
    } catch (QuaverException e) {
      throw fail(in, e.getMessage());
    }
    // Judged from the header alone, so garbage is refused without waiting for a "payload".
    if (!type.isFromClient()) {
      throw fail(in, "message type " + type + " is sent by servers, not clients");
    }
    if (length > maxFrameBytes) {
      throw fail(in, String.format("frame of type 0x%02X claims %d bytes, the maximum is %d", tag, length, maxFrameBytes));
    }
    if (in.readableBytes() < ProtocolFormat.HEADER_BYTES + length) {
      return;
    }
    int payloadStart = start + ProtocolFormat.HEADER_BYTES;
    ByteBuffer payload;
    if (in.nioBufferCount() == 1) {
      // A view of the buffered bytes, decoded in place: the message copies out what it keeps
      // (a 1000-row EXECUTE_BATCH is ~30 KB that was copied once more here before decoding).
      payload = in.nioBuffer(payloadStart, (int) length);
    } else {
      payload = ByteBuffer.allocate((int) length);
      in.getBytes(payloadStart, payload);
      payload.flip();
    }
    Object message;
    try {
      message = MessageCodec.decode(tag, payload);
    } catch (QuaverException e) {
      throw fail(in, e.getMessage());
    }
    in.skipBytes(ProtocolFormat.HEADER_BYTES + (int) length);
    out.add(message);
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    decode(ctx, in, out);
    if (!hasFailed && in.isReadable()) {
      throw fail(in, "connection closed inside a frame: " + in.readableBytes() + " bytes of an incomplete frame");
    }
  }

  private QuaverException fail(ByteBuf in, String message) {
    hasFailed = true;
    in.skipBytes(in.readableBytes());
    return new QuaverException(ErrorCode.PROTOCOL_VIOLATION, message);
  }
}
