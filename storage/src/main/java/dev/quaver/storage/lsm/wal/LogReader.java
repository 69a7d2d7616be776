package dev.quaver.storage.lsm.wal;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the COMMIT records of one log segment and tells a torn tail from corruption
 * ({@code docs/formats/wal.md}, "Torn and corrupt tails"). Version 1 segments (appended, no
 * preallocation):
 *
 * <ul>
 *   <li>In the newest segment, an incomplete last record (fewer bytes left than its header or its
 *       length says) or a checksum mismatch in the record that ends exactly at the end of the file
 *       is a torn tail: {@link #next()} returns false and {@link #validLength()} says where to
 *       truncate.
 *   <li>A checksum mismatch with more bytes after it, a length past the end of the file with a
 *       valid record somewhere after it, anything wrong in an older segment, a bad
 *       header or an unknown record type is corruption: DATA_CORRUPTED naming file and offset.
 * </ul>
 *
 * Version 2 segments (preallocated or recycled, so the file is longer than its records): a
 * valid END record ends the segment. Any other record that is not valid (zeros of the
 * preallocation, stale bytes of a recycled file, a torn write) ends the newest segment as a torn
 * tail if no valid record of this segment — checksum seeded with its number, and for a COMMIT a
 * sequence above every earlier one — starts anywhere after it; otherwise it is corruption. A
 * segment that is not the newest must end with its END record.
 *
 * <p>Thread safety: confined to one thread.
 */
public final class LogReader {
  private final Path file;
  private final boolean isNewestSegment;
  private final byte[] bytes;
  private long segmentNumber = -1;
  private int version;
  private int position;
  private int recordOffset;
  private int type;
  private int payloadLength;
  private boolean tornTail;
  private boolean ended;
  /** Version 2: the highest sequence seen (or given), for telling stale records from live ones. */
  private long lastSequence;

  /** Reads the whole segment into memory (segments are bounded by the rotation size). */
  public LogReader(Path file, boolean isNewestSegment) throws IOException {
    this(file, isNewestSegment, 0);
  }

  /**
   * {@code previousSequence}: the last sequence of the segments before this one (0 if unknown);
   * a record after a bad one counts as live only with a higher sequence.
   */
  public LogReader(Path file, boolean isNewestSegment, long previousSequence) throws IOException {
    this.file = file;
    this.isNewestSegment = isNewestSegment;
    this.bytes = Files.readAllBytes(file);
    this.lastSequence = previousSequence;
    readHeader();
  }

  /** Moves to the next COMMIT record; false at the end of the segment or at a torn tail. */
  public boolean next() {
    if (tornTail || ended) {
      return false;
    }
    return version == LogFormat.VERSION_1 ? nextV1() : nextV2();
  }

  private boolean nextV1() {
    if (position == bytes.length) {
      return false;
    }
    int remaining = bytes.length - position;
    if (remaining < LogFormat.RECORD_HEADER_BYTES) {
      return torn("incomplete record header");
    }
    int length = readInt(position + 4);
    if (length < 0 || length > LogFormat.MAX_PAYLOAD_BYTES
        || length > remaining - LogFormat.RECORD_HEADER_BYTES) {
      if (hasValidRecordAfter(position + 1)) {
        throw corrupt(position, "record length " + length
            + " runs past the end of the file but valid records follow");
      }
      return torn("record length " + length + " runs past the end of the file");
    }
    int end = position + LogFormat.RECORD_HEADER_BYTES + length;
    if (readInt(position) != LogFormat.checksum(bytes, position, length)) {
      if (end == bytes.length) {
        return torn("checksum mismatch in the last record");
      }
      throw corrupt(position, "checksum mismatch in a record followed by "
          + (bytes.length - end) + " more bytes");
    }
    int recordType = bytes[position + 8] & 0xFF;
    if (recordType != LogFormat.TYPE_COMMIT) {
      throw corrupt(position, "unknown record type " + recordType);
    }
    accept(recordType, length, end);
    return true;
  }

  private boolean nextV2() {
    String problem = problemV2(position);
    if (problem == null) {
      int length = readInt(position + 4);
      int recordType = bytes[position + 8] & 0xFF;
      int end = position + LogFormat.RECORD_HEADER_BYTES + length;
      if (recordType == LogFormat.TYPE_END) {
        recordOffset = position;
        position = end;
        ended = true;
        return false;
      }
      accept(recordType, length, end);
      lastSequence = Math.max(lastSequence, sequenceAt(recordOffset));
      return true;
    }
    if (!isNewestSegment) {
      throw corrupt(position, problem + " before the END record of a segment that is not the newest");
    }
    int live = liveRecordAfter(position + 1);
    if (live >= 0) {
      throw corrupt(position, problem + ", but a valid record follows at offset " + live);
    }
    return torn(problem);
  }

  /** Why the v2 record at {@code offset} is not a valid record of this segment, or null if it is. */
  private String problemV2(int offset) {
    int remaining = bytes.length - offset;
    if (remaining == 0) {
      return "end of file without an END record";
    }
    if (remaining < LogFormat.RECORD_HEADER_BYTES) {
      return "incomplete record header";
    }
    int length = readInt(offset + 4);
    int recordType = bytes[offset + 8] & 0xFF;
    if (length < 0 || length > LogFormat.MAX_PAYLOAD_BYTES
        || length > remaining - LogFormat.RECORD_HEADER_BYTES) {
      return "record length " + length + " runs past the end of the file";
    }
    if (recordType != LogFormat.TYPE_COMMIT && recordType != LogFormat.TYPE_END) {
      return isZero(offset, LogFormat.RECORD_HEADER_BYTES) ? "preallocated zeros"
          : "unknown record type " + recordType;
    }
    if ((recordType == LogFormat.TYPE_END) != (length == 0)
        || (recordType == LogFormat.TYPE_COMMIT && length < Long.BYTES)) {
      return "record of type " + recordType + " with a payload of " + length + " bytes";
    }
    if (readInt(offset) != LogFormat.checksum(segmentNumber, bytes, offset, length)) {
      return "checksum mismatch";
    }
    return null;
  }

  /**
   * Version 2: the offset of the first valid record of this segment at or after {@code from}
   * that is live (an END, or a COMMIT with a sequence above every one read), or -1.
   */
  private int liveRecordAfter(int from) {
    for (int offset = from; offset + LogFormat.RECORD_HEADER_BYTES <= bytes.length; offset++) {
      int recordType = bytes[offset + 8];
      if ((recordType == LogFormat.TYPE_COMMIT || recordType == LogFormat.TYPE_END)
          && problemV2(offset) == null
          && (recordType == LogFormat.TYPE_END || sequenceAt(offset) > lastSequence)) {
        return offset;
      }
    }
    return -1;
  }

  private void accept(int recordType, int length, int end) {
    recordOffset = position;
    type = recordType;
    payloadLength = length;
    position = end;
  }

  public int type() {
    return type;
  }

  /** The segment's bytes; the current payload is at {@link #payloadOffset()}. */
  public byte[] buffer() {
    return bytes;
  }

  public int payloadOffset() {
    return recordOffset + LogFormat.RECORD_HEADER_BYTES;
  }

  public int payloadLength() {
    return payloadLength;
  }

  /** File offset of the current record. */
  public int recordOffset() {
    return recordOffset;
  }

  public long segmentNumber() {
    return segmentNumber;
  }

  /** The segment's format version (1 or 2). */
  public int version() {
    return version;
  }

  /** Bytes up to the end of the last good record (or the header): where a torn tail starts. */
  public long validLength() {
    return position;
  }

  public boolean hasTornTail() {
    return tornTail;
  }

  /** Version 2: whether the segment ended with its END record (it was closed, not cut off). */
  public boolean hasEndRecord() {
    return ended;
  }

  public Path file() {
    return file;
  }

  /** DATA_CORRUPTED naming this file and {@code offset}. */
  public QuaverException corrupt(long offset, String what) {
    return QuaverException.of(ErrorCode.DATA_CORRUPTED, "WAL file %s is corrupted at offset %d: %s",
        file, offset, what);
  }

  private void readHeader() {
    if (bytes.length < LogFormat.SEGMENT_HEADER_BYTES) {
      position = 0;
      torn("incomplete segment header");
      return;
    }
    if (readInt(0) != LogFormat.MAGIC) {
      throw corrupt(0, String.format("bad magic 0x%08X", readInt(0)));
    }
    version = ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF);
    if (version != LogFormat.VERSION && version != LogFormat.VERSION_1) {
      throw corrupt(4, "unsupported WAL version " + version);
    }
    if (bytes[6] != 0 || bytes[7] != 0) {
      throw corrupt(6, "reserved header bytes are not zero");
    }
    long number = 0;
    for (int i = 8; i < 16; i++) {
      number = (number << 8) | (bytes[i] & 0xFF);
    }
    if (number != LogFormat.segmentNumber(file) && LogFormat.segmentNumber(file) >= 0) {
      throw corrupt(8, "header names segment " + number);
    }
    segmentNumber = number;
    position = LogFormat.SEGMENT_HEADER_BYTES;
  }

  private boolean torn(String what) {
    if (!isNewestSegment) {
      throw corrupt(position, what + " in a segment that is not the newest");
    }
    tornTail = true;
    return false;
  }

  /**
   * Version 1: whether a complete record with a valid checksum starts anywhere at or after
   * {@code from}: then a bad length before it is corruption, not a torn tail. Only runs on the
   * (short) tail.
   */
  private boolean hasValidRecordAfter(int from) {
    for (int offset = from; offset + LogFormat.RECORD_HEADER_BYTES <= bytes.length; offset++) {
      int length = readInt(offset + 4);
      if (length >= 0 && length <= bytes.length - offset - LogFormat.RECORD_HEADER_BYTES
          && (bytes[offset + 8] & 0xFF) == LogFormat.TYPE_COMMIT
          && readInt(offset) == LogFormat.checksum(bytes, offset, length)) {
        return true;
      }
    }
    return false;
  }

  private boolean isZero(int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The sequence a COMMIT payload starts with (u64). */
  private long sequenceAt(int offset) {
    int payload = offset + LogFormat.RECORD_HEADER_BYTES;
    return ((long) readInt(payload) << 32) | (readInt(payload + 4) & 0xFFFFFFFFL);
  }

  private int readInt(int offset) {
    return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
        | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
  }
}
