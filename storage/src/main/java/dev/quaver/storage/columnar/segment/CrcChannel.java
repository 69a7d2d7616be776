package dev.quaver.storage.columnar.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;

/**
 * A channel that passes bytes to another one and keeps their CRC-32C and count, so a segment's
 * checksum costs no second read. Thread safety: confined to one thread.
 */
final class CrcChannel implements WritableByteChannel {
  private final WritableByteChannel out;
  private final CRC32C crc = new CRC32C();
  private long bytes;

  CrcChannel(WritableByteChannel out) {
    this.out = out;
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    ByteBuffer view = source.duplicate();
    int written = out.write(source);
    view.limit(view.position() + written);
    crc.update(view);
    bytes += written;
    return written;
  }

  int crc() {
    return (int) crc.getValue();
  }

  long bytes() {
    return bytes;
  }

  @Override
  public boolean isOpen() {
    return out.isOpen();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
