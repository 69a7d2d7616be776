package dev.quaver.storage.columnar.segment;

import java.util.Objects;

/**
 * How segments are cut and encoded. Immutable.
 *
 * @param rowGroupRows rows per row group (one Arrow record batch); the last group may be shorter
 * @param maxSegmentRows a segment is closed once it holds this many rows
 * @param dictionaryMaxValues a string column with at most this many distinct values in a segment
 *     is dictionary-encoded (Int32 indices); 0 disables dictionaries
 * @param codec Arrow body compression of the record batches
 */
public record SegmentOptions(int rowGroupRows, int maxSegmentRows, int dictionaryMaxValues,
    Codec codec) {
  /** Arrow IPC body codecs (both readable by pyarrow and DuckDB). */
  public enum Codec { NONE, LZ4_FRAME, ZSTD }

  public SegmentOptions {
    Objects.requireNonNull(codec, "codec is null");
    if (rowGroupRows < 1 || maxSegmentRows < rowGroupRows || dictionaryMaxValues < 0) {
      throw new IllegalArgumentException("inconsistent segment options " + rowGroupRows + "/"
          + maxSegmentRows + "/" + dictionaryMaxValues);
    }
  }

  /** Defaults, overridable by {@code quaver.segment.*} system properties. */
  public static SegmentOptions defaults() {
    return new SegmentOptions(
        Integer.getInteger("quaver.segment.rowGroupRows", 16384),
        Integer.getInteger("quaver.segment.maxSegmentRows", 1 << 20),
        Integer.getInteger("quaver.segment.dictionaryMaxValues", 1024),
        Codec.valueOf(System.getProperty("quaver.segment.codec", "ZSTD")));
  }
}
