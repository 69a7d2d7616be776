package dev.quaver.storage.lsm.sst;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.lsm.InternalIterator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * Reads one SSTable ({@code docs/formats/sstable.md}). Opening checks the footer (magic, version,
 * CRC) and loads the index and Bloom filter into memory; data blocks are read on demand, checked
 * against their CRC32C, decompressed and kept in the shared {@link BlockCache}. Any mismatch is a
 * DATA_CORRUPTED error naming the file and offset: corrupt bytes are never returned as data.
 *
 * <p>Files are read through {@link RandomAccessFile} (not an interruptible channel, which a
 * cancelled query's interrupt would close for everyone).
 *
 * <p>Thread safety: all methods may be called concurrently; file reads are serialized on the file.
 */
public final class SstReader implements AutoCloseable {
  /** One version found by {@link #get}. */
  public record Found(long sequence, byte[] value) {}

  private static final LZ4FastDecompressor LZ4 = LZ4Factory.fastestInstance().fastDecompressor();

  private final Path path;
  private final long fileNumber;
  private final RandomAccessFile file;
  private final BlockCache cache;
  private final byte[] filter;
  /** The file's format version (its Bloom filter's hashing). */
  private final int version;
  private final byte[][] lastKeys;
  private final long[] lastSequences;
  private final long[] offsets;
  private final int[] sizes;
  private final long entryCount;

  public SstReader(Path path, long fileNumber, BlockCache cache) throws IOException {
    this.path = path;
    this.fileNumber = fileNumber;
    this.cache = cache;
    this.file = new RandomAccessFile(path.toFile(), "r");
    try {
      long length = file.length();
      if (length < SstFormat.FOOTER_BYTES) {
        throw corrupt(0, "file of " + length + " bytes is shorter than the footer");
      }
      byte[] footer = readRaw(length - SstFormat.FOOTER_BYTES, SstFormat.FOOTER_BYTES);
      long footerAt = length - SstFormat.FOOTER_BYTES;
      if (SstFormat.readLong(footer, 40) != SstFormat.MAGIC) {
        throw corrupt(footerAt + 40, "bad magic (truncated or not an SSTable)");
      }
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(footer, 0, 36);
      if (SstFormat.readInt(footer, 36) != (int) crc.getValue()) {
        throw corrupt(footerAt, "footer checksum mismatch");
      }
      version = SstFormat.readInt(footer, 32);
      if (version < SstFormat.MIN_VERSION || version > SstFormat.VERSION) {
        throw corrupt(footerAt + 32, "unsupported SSTable version " + version);
      }
      long indexOffset = SstFormat.readLong(footer, 0);
      int indexSize = SstFormat.readInt(footer, 8);
      long filterOffset = SstFormat.readLong(footer, 12);
      int filterSize = SstFormat.readInt(footer, 20);
      entryCount = SstFormat.readLong(footer, 24);
      if (indexOffset < 0 || indexSize < 0 || indexOffset + indexSize > footerAt
          || filterOffset < 0 || filterSize < 0 || filterOffset + filterSize > indexOffset) {
        throw corrupt(footerAt, "block handles point outside the file");
      }
      filter = readBlock(filterOffset, filterSize);
      BlockReader index = new BlockReader(readBlock(indexOffset, indexSize));
      int n = 0;
      byte[][] keys = new byte[16][];
      long[] seqs = new long[16];
      long[] offs = new long[16];
      int[] szs = new int[16];
      while (index.next()) {
        if (n == keys.length) {
          keys = Arrays.copyOf(keys, n * 2);
          seqs = Arrays.copyOf(seqs, n * 2);
          offs = Arrays.copyOf(offs, n * 2);
          szs = Arrays.copyOf(szs, n * 2);
        }
        dev.quaver.storage.io.ByteReader handle = new dev.quaver.storage.io.ByteReader(index.value());
        keys[n] = index.key();
        seqs[n] = index.sequence();
        offs[n] = handle.readVarLong();
        szs[n] = (int) handle.readVarLong();
        if (offs[n] < 0 || szs[n] < 0 || offs[n] + szs[n] > filterOffset) {
          throw corrupt(indexOffset, "index entry " + n + " points outside the data blocks");
        }
        n++;
      }
      lastKeys = Arrays.copyOf(keys, n);
      lastSequences = Arrays.copyOf(seqs, n);
      offsets = Arrays.copyOf(offs, n);
      sizes = Arrays.copyOf(szs, n);
    } catch (IOException | RuntimeException e) {
      file.close();
      if (e instanceof QuaverException q) {
        throw q;
      }
      if (e instanceof IOException io) {
        throw io;
      }
      throw corrupt(0, "malformed index: " + e.getMessage());
    }
  }

  public long fileNumber() {
    return fileNumber;
  }

  public long entryCount() {
    return entryCount;
  }

  /** The newest version of {@code key} at or below {@code snapshot}, or null if none here. */
  public Found get(byte[] key, long snapshot) {
    if (!BloomFilter.mayContain(filter, BloomFilter.hash(key, version), version)) {
      return null;
    }
    int block = findBlock(key, snapshot);
    if (block < 0) {
      return null;
    }
    try {
      BlockReader reader = new BlockReader(dataBlock(block));
      reader.seek(key, snapshot);
      if (reader.next() && reader.keyEquals(key)) {
        return new Found(reader.sequence(), reader.value());
      }
      return null;
    } catch (IllegalStateException e) {
      throw corrupt(offsets[block], "malformed data block: " + e.getMessage());
    }
  }

  /** Every version of the keys in [from, to) ({@code to} null = to the end), in order. */
  public InternalIterator iterator(byte[] from, byte[] to) {
    return new TwoLevelIterator(from, to);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  /** The first block whose last entry is at or after (key, sequence), or -1. */
  private int findBlock(byte[] key, long sequence) {
    int low = 0;
    int high = lastKeys.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (BlockReader.compare(lastKeys[mid], lastSequences[mid], key, sequence) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < lastKeys.length ? low : -1;
  }

  private byte[] dataBlock(int index) {
    byte[] cached = cache == null ? null : cache.get(fileNumber, offsets[index]);
    if (cached != null) {
      return cached;
    }
    byte[] block;
    try {
      block = readBlock(offsets[index], sizes[index]);
    } catch (IOException e) {
      throw new QuaverException(ErrorCode.IO_ERROR,
          "cannot read SSTable " + path + ": " + e.getMessage(), e);
    }
    if (cache != null) {
      cache.put(fileNumber, offsets[index], block);
    }
    return block;
  }

  /** Reads, checks and decompresses the block stored at [offset, offset + size + trailer). */
  private byte[] readBlock(long offset, int size) throws IOException {
    byte[] stored = readRaw(offset, size + SstFormat.BLOCK_TRAILER_BYTES);
    int type = stored[size] & 0xFF;
    int crc = SstFormat.readInt(stored, size + 1);
    if (crc != SstFormat.blockChecksum(stored, 0, size, type)) {
      throw corrupt(offset, "block checksum mismatch");
    }
    if (type == SstFormat.TYPE_RAW) {
      return Arrays.copyOf(stored, size);
    }
    if (type != SstFormat.TYPE_LZ4 || size < 4) {
      throw corrupt(offset + size, "unknown block type " + type);
    }
    int rawLength = SstFormat.readInt(stored, 0);
    if (rawLength < 0 || rawLength > (64 << 20)) {
      throw corrupt(offset, "bad uncompressed length " + rawLength);
    }
    byte[] raw = new byte[rawLength];
    try {
      LZ4.decompress(stored, 4, raw, 0, rawLength);
    } catch (LZ4Exception e) {
      throw corrupt(offset, "LZ4 data does not decompress: " + e.getMessage());
    }
    return raw;
  }

  private byte[] readRaw(long offset, int length) throws IOException {
    byte[] bytes = new byte[length];
    synchronized (file) {
      if (offset + length > file.length()) {
        throw corrupt(offset, "block of " + length + " bytes runs past the end of the file");
      }
      file.seek(offset);
      file.readFully(bytes);
    }
    return bytes;
  }

  private QuaverException corrupt(long offset, String what) {
    return QuaverException.of(ErrorCode.DATA_CORRUPTED, "SSTable %s is corrupted at offset %d: %s",
        path, offset, what);
  }

  /** Walks the index and, inside each block, its entries. */
  private final class TwoLevelIterator implements InternalIterator {
    private final byte[] to;
    private int block;
    private BlockReader current;
    private boolean done;

    TwoLevelIterator(byte[] from, byte[] to) {
      this.to = to;
      block = findBlock(from, Long.MAX_VALUE);
      if (block < 0) {
        done = true;
      } else {
        current = new BlockReader(dataBlock(block));
        current.seek(from, Long.MAX_VALUE);
      }
    }

    @Override
    public boolean next() {
      try {
        return advance();
      } catch (IllegalStateException e) {
        throw corrupt(offsets[Math.min(block, offsets.length - 1)],
            "malformed data block: " + e.getMessage());
      }
    }

    private boolean advance() {
      while (!done) {
        if (current.next()) {
          if (to != null && Arrays.compareUnsigned(current.key(), to) >= 0) {
            done = true;
            return false;
          }
          return true;
        }
        block++;
        if (block >= offsets.length) {
          done = true;
          return false;
        }
        current = new BlockReader(dataBlock(block));
      }
      return false;
    }

    @Override
    public byte[] key() {
      return current.key();
    }

    @Override
    public long sequence() {
      return current.sequence();
    }

    @Override
    public byte[] value() {
      return current.value();
    }
  }
}
