package dev.quaver.server.net;

import dev.quaver.protocol.Message;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.server.query.ResponseSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/**
 * Writes a worker's replies to its channel. After each frame it waits while the channel is over
 * its write-buffer high-water mark, so a worker streaming a big result runs exactly as fast as
 * the client reads, holding at most the buffer's worth of unsent bytes.
 *
 * <p>Thread safety: {@link #send} from the session's worker; {@link #writabilityChanged} from the
 * event loop; they meet on {@code lock}.
 */
final class ChannelSink implements ResponseSink {
  private static final long WAIT_SLICE_MILLIS = 100;

  private final Channel channel;
  private final int maxFrameBytes;
  private final int protocolVersion;
  private final Object lock = new Object();

  /** {@code protocolVersion}: the session's version, in which every reply is encoded. */
  ChannelSink(Channel channel, int maxFrameBytes, int protocolVersion) {
    this.channel = channel;
    this.maxFrameBytes = maxFrameBytes;
    this.protocolVersion = protocolVersion;
  }

  @Override
  public void send(Message message) {
    sendFrame(MessageCodec.encode(message, protocolVersion));
  }

  @Override
  public int protocolVersion() {
    return protocolVersion;
  }

  @Override
  public void sendFrame(byte[] frame) {
    if (!channel.isActive()) {
      return;
    }
    channel.writeAndFlush(Unpooled.wrappedBuffer(frame));
    if (channel.eventLoop().inEventLoop()) {
      return; // a request run on the event loop (a single reply): waiting here would block the flush
    }
    synchronized (lock) {
      while (channel.isActive() && !channel.isWritable()) {
        try {
          lock.wait(WAIT_SLICE_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public boolean isAbandoned() {
    return !channel.isActive();
  }

  @Override
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /** Wakes a worker waiting for the client to catch up (or for the channel to close). */
  void writabilityChanged() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }
}
