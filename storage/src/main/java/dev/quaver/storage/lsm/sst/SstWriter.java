package dev.quaver.storage.lsm.sst;

import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.lsm.Memtable;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongConsumer;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * Writes one SSTable ({@code docs/formats/sstable.md}) from versions added in internal-key order
 * (user key ascending, sequence descending): data blocks of about
 * {@link SstFormat#DEFAULT_BLOCK_BYTES}, then the Bloom filter over distinct user keys, the
 * index block and the footer; {@link #finish} fsyncs the file. Blocks are LZ4-compressed when
 * that saves at least an eighth.
 *
 * <p>Thread safety: confined to one thread.
 */
public final class SstWriter implements AutoCloseable {
  private static final LZ4Compressor LZ4 = LZ4Factory.fastestInstance().fastCompressor();

  private final long fileNumber;
  private final FileOutputStream file;
  private final BufferedOutputStream out;
  private final LongConsumer onWrite;
  private final int version = SstFormat.writeVersion();
  private final BlockBuilder data = new BlockBuilder(SstFormat.RESTART_INTERVAL);
  private final BlockBuilder index = new BlockBuilder(1);
  private long[] hashes = new long[1024];
  private int hashCount;
  private long offset;
  private byte[] smallest;
  private byte[] lastKey;
  private long lastSequence;
  private long minSequence = Long.MAX_VALUE;
  private long maxSequence;
  private long entries;
  private boolean finished;

  /**
   * Creates {@code path} (which must not exist). {@code onWrite} is told every number of bytes
   * written (compaction throttling); may be null.
   */
  public SstWriter(Path path, long fileNumber, LongConsumer onWrite) throws IOException {
    this.fileNumber = fileNumber;
    this.file = new FileOutputStream(path.toFile());
    this.out = new BufferedOutputStream(file, 64 << 10);
    this.onWrite = onWrite;
  }

  /** Adds a version; {@code value} may be {@link Memtable#TOMBSTONE}. */
  public void add(byte[] key, long sequence, byte[] value) throws IOException {
    if (lastKey != null && BlockReader.compare(key, sequence, lastKey, lastSequence) <= 0) {
      throw new IllegalArgumentException("versions out of order");
    }
    if (smallest == null) {
      smallest = key;
    }
    if (lastKey == null || !Arrays.equals(lastKey, key)) {
      if (hashCount == hashes.length) {
        hashes = Arrays.copyOf(hashes, hashCount * 2);
      }
      hashes[hashCount++] = BloomFilter.hash(key, version);
    }
    data.add(key, sequence, value == Memtable.TOMBSTONE ? null : value);
    lastKey = key;
    lastSequence = sequence;
    minSequence = Math.min(minSequence, sequence);
    maxSequence = Math.max(maxSequence, sequence);
    entries++;
    if (data.currentSize() >= SstFormat.DEFAULT_BLOCK_BYTES) {
      flushDataBlock();
    }
  }

  public long entries() {
    return entries;
  }

  /** Bytes written so far plus the open block: the file size if finished now, roughly. */
  public long estimatedSize() {
    return offset + data.currentSize();
  }

  public byte[] lastKey() {
    return lastKey;
  }

  /** Writes filter, index and footer, fsyncs and closes; returns the file's description. */
  public SstMeta finish() throws IOException {
    if (entries == 0) {
      throw new IllegalStateException("an SSTable needs at least one entry");
    }
    flushDataBlock();
    byte[] filter = BloomFilter.build(hashes, hashCount, SstFormat.BLOOM_BITS_PER_KEY, version);
    long filterOffset = offset;
    writeBlock(filter, filter.length, false);
    long indexOffset = offset;
    ByteWriter indexContents = index.finish();
    int indexSize = indexContents.size();
    writeBlock(indexContents.array(), indexSize, false);
    ByteBuffer footer = ByteBuffer.allocate(SstFormat.FOOTER_BYTES);
    footer.putLong(indexOffset).putInt(indexSize).putLong(filterOffset).putInt(filter.length)
        .putLong(entries).putInt(version);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(footer.array(), 0, 36);
    footer.putInt((int) crc.getValue()).putLong(SstFormat.MAGIC);
    write(footer.array(), 0, SstFormat.FOOTER_BYTES);
    out.flush();
    file.getFD().sync();
    out.close();
    finished = true;
    return new SstMeta(fileNumber, offset, smallest, lastKey, minSequence, maxSequence, entries);
  }

  /** Closes without finishing (the caller deletes the partial file). */
  @Override
  public void close() throws IOException {
    if (!finished) {
      out.close();
    }
  }

  private void flushDataBlock() throws IOException {
    if (data.isEmpty()) {
      return;
    }
    ByteWriter contents = data.finish();
    long blockOffset = offset;
    int stored = writeBlock(contents.array(), contents.size(), true);
    index.add(lastKey, lastSequence, handle(blockOffset, stored));
    data.reset();
  }

  private static byte[] handle(long blockOffset, int size) {
    ByteWriter h = new ByteWriter(16);
    h.writeVarLong(blockOffset).writeVarLong(size);
    return h.toByteArray();
  }

  /** Writes contents (compressed if worth it) and the trailer; returns the stored size. */
  private int writeBlock(byte[] contents, int length, boolean compress) throws IOException {
    byte[] stored = contents;
    int storedLength = length;
    int type = SstFormat.TYPE_RAW;
    if (compress) {
      byte[] compressed = new byte[4 + LZ4.maxCompressedLength(length)];
      int n = LZ4.compress(contents, 0, length, compressed, 4);
      if (n + 4 <= length - length / 8) {
        compressed[0] = (byte) (length >>> 24);
        compressed[1] = (byte) (length >>> 16);
        compressed[2] = (byte) (length >>> 8);
        compressed[3] = (byte) length;
        stored = compressed;
        storedLength = n + 4;
        type = SstFormat.TYPE_LZ4;
      }
    }
    int crc = SstFormat.blockChecksum(stored, 0, storedLength, type);
    write(stored, 0, storedLength);
    byte[] trailer = {(byte) type, (byte) (crc >>> 24), (byte) (crc >>> 16), (byte) (crc >>> 8),
        (byte) crc};
    write(trailer, 0, trailer.length);
    return storedLength;
  }

  private void write(byte[] bytes, int from, int length) throws IOException {
    out.write(bytes, from, length);
    offset += length;
    if (onWrite != null) {
      onWrite.accept(length);
    }
  }
}
