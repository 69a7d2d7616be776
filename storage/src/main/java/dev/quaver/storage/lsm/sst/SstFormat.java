package dev.quaver.storage.lsm.sst;

import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Constants of the SSTable format, specified in {@code docs/formats/sstable.md}:
 *
 * <pre>
 *   file   := dataBlock* filterBlock indexBlock footer
 *   block  := contents[size] type:u8 crc:u32         crc = CRC32C(contents type)
 *   footer := indexOffset:u64 indexSize:u32 filterOffset:u64 filterSize:u32 entryCount:u64
 *             version:u32 crc:u32 magic:u64             (48 bytes, crc over the first 36)
 * </pre>
 *
 * All fixed-width integers big-endian. Written by {@link SstWriter}, read by {@link SstReader}.
 * Type codes are never reused or renumbered. Stateless.
 */
public final class SstFormat {
  /** "QUAVRSST" in ASCII. */
  public static final long MAGIC = 0x5155415652535354L;
  /**
   * The version written: 2 since the faster Bloom filter (hash 8 bytes at a time, multiply-shift
   * probes); version 1 files are still read. {@code -Dquaver.sst.version=1} writes version 1
   * (A/B runs), read by {@link #writeVersion()} per file written.
   */
  public static final int VERSION = 2;
  /** The oldest version a reader opens. */
  public static final int MIN_VERSION = 1;
  public static final int FOOTER_BYTES = 48;
  /** type:u8 crc:u32 after every block. */
  public static final int BLOCK_TRAILER_BYTES = 5;

  /** Block contents stored as is. */
  public static final int TYPE_RAW = 0;
  /** Block contents are rawLength:u32 followed by one LZ4 block. */
  public static final int TYPE_LZ4 = 1;

  /** Entries between restart points in data blocks. */
  public static final int RESTART_INTERVAL = 16;
  /** A data block is cut once its uncompressed contents reach this size. */
  public static final int DEFAULT_BLOCK_BYTES = 4096;
  /** Bloom filter bits per key: about 1% false positives with 7 probes. */
  public static final int BLOOM_BITS_PER_KEY = 10;

  private static final String SUFFIX = ".sst";

  private SstFormat() {}

  /** The version a new file is written in: {@link #VERSION} unless {@code quaver.sst.version} says 1. */
  public static int writeVersion() {
    return Integer.getInteger("quaver.sst.version", VERSION) == 1 ? 1 : VERSION;
  }

  public static String fileName(long fileNumber) {
    return String.format("%06d%s", fileNumber, SUFFIX);
  }

  /** The file number of an SSTable file name, or -1. */
  public static long fileNumber(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** CRC32C over a block's stored contents and its type byte. */
  public static int blockChecksum(byte[] bytes, int offset, int length, int type) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    crc.update(type);
    return (int) crc.getValue();
  }

  static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }

  static long readLong(byte[] b, int at) {
    return (long) readInt(b, at) << 32 | (readInt(b, at + 4) & 0xFFFFFFFFL);
  }
}
