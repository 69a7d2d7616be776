package dev.quaver.protocol;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads whole frames from a blocking stream (the JDBC driver's socket), enforcing the maximum
 * payload size before allocating anything. Stateless.
 */
public final class StreamFrames {
  private StreamFrames() {}

  /**
   * Reads and decodes one frame. Throws EOFException when the stream ends before a frame starts,
   * a PROTOCOL_VIOLATION QuaverException when it ends inside one or the frame is bad.
   */
  public static Message read(InputStream in, int maxFrameBytes) throws IOException {
    return read(in, maxFrameBytes, ProtocolFormat.VERSION);
  }

  /** Like {@link #read(InputStream, int)}, decoding protocol {@code version}. */
  public static Message read(InputStream in, int maxFrameBytes, int version) throws IOException {
    int tag = in.read();
    if (tag < 0) {
      throw new EOFException("connection closed by the server");
    }
    byte[] lengthBytes = readFully(in, 4, "frame header");
    long length = ByteBuffer.wrap(lengthBytes).getInt() & 0xFFFFFFFFL;
    if (length > maxFrameBytes) {
      throw new QuaverException(ErrorCode.PROTOCOL_VIOLATION,
          "frame of " + length + " bytes exceeds the maximum of " + maxFrameBytes);
    }
    byte[] payload = readFully(in, (int) length, "frame payload");
    return MessageCodec.decode(tag, ByteBuffer.wrap(payload), version);
  }

  private static byte[] readFully(InputStream in, int length, String what) throws IOException {
    byte[] bytes = new byte[length];
    int done = 0;
    while (done < length) {
      int n = in.read(bytes, done, length - done);
      if (n < 0) {
        throw new QuaverException(ErrorCode.PROTOCOL_VIOLATION,
            "connection closed inside a " + what + " after " + done + " of " + length + " bytes");
      }
      done += n;
    }
    return bytes;
  }
}
