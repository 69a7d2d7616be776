package dev.quaver.storage.lsm.wal;

import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Constants of the write-ahead log, specified in {@code docs/formats/wal.md}: a directory of
 * segment files {@code NNNNNNNNNNNNNNNNNNNN.wal}, each a 16-byte header and then records
 *
 * <pre>
 *   record := crc:u32 length:u32 type:u8 payload[length]      crc = CRC32C(length type payload)
 * </pre>
 *
 * All integers big-endian. Written by {@link LogWriter}, read by {@link LogReader}. Tags are
 * never reused or renumbered. Stateless.
 */
public final class LogFormat {
  /** "QWAL" in ASCII. */
  public static final int MAGIC = 0x5157414C;
  /**
   * The version written: 2 (preallocated segments, checksums seeded with the segment number, an
   * END record closing every segment but the newest). Version 1 segments are still read.
   */
  public static final int VERSION = 2;
  /** Version 1: appended without preallocation, unseeded checksums, no END record. */
  public static final int VERSION_1 = 1;
  /** magic:u32 version:u16 reserved:u16 segmentNumber:u64. */
  public static final int SEGMENT_HEADER_BYTES = 16;
  /** crc:u32 length:u32 type:u8. */
  public static final int RECORD_HEADER_BYTES = 9;
  /** Largest payload a reader accepts; a larger length is treated as garbage. */
  public static final int MAX_PAYLOAD_BYTES = 1 << 30;
  /** A segment is rotated once it holds more than this many bytes. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  /** Record types. Never renumber; retire by commenting out. */
  public static final int TYPE_COMMIT = 1;
  /** Version 2: the last record of a closed segment (empty payload); bytes after it are ignored. */
  public static final int TYPE_END = 2;

  private static final String SUFFIX = ".wal";

  private LogFormat() {}

  public static String segmentFileName(long segmentNumber) {
    return String.format("%020d%s", segmentNumber, SUFFIX);
  }

  /** The segment number of a file name, or -1 if the name is not a segment's. */
  public static long segmentNumber(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX) || name.length() != 20 + SUFFIX.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Version 1: CRC32C over a record's length, type and payload: bytes [offset+4, offset+9+length). */
  public static int checksum(byte[] buffer, int recordOffset, int payloadLength) {
    CRC32C crc = new CRC32C();
    crc.update(buffer, recordOffset + 4, RECORD_HEADER_BYTES - 4 + payloadLength);
    return (int) crc.getValue();
  }

  /**
   * Version 2: CRC32C over the segment number (u64, big-endian), then the record's length, type
   * and payload. The seed makes a record of a recycled segment's old contents invalid in its new
   * life, so stale bytes after the end are never mistaken for records.
   */
  public static int checksum(long segmentNumber, byte[] buffer, int recordOffset, int payloadLength) {
    CRC32C crc = new CRC32C();
    for (int shift = 56; shift >= 0; shift -= 8) {
      crc.update((int) (segmentNumber >>> shift));
    }
    crc.update(buffer, recordOffset + 4, RECORD_HEADER_BYTES - 4 + payloadLength);
    return (int) crc.getValue();
  }
}
