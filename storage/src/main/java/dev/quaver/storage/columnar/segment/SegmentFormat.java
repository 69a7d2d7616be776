package dev.quaver.storage.columnar.segment;

/**
 * Constants of the segment file format, version {@link #VERSION} (docs/formats/segment.md).
 * Stateless.
 */
public final class SegmentFormat {
  /** Format version, in the footer metadata under {@link #KEY_VERSION}. */
  public static final int VERSION = 1;
  /** Name of the last column of every segment: the row's key in the row store (VARBINARY). */
  public static final String ROW_KEY_COLUMN = "$rowkey";
  public static final String KEY_VERSION = "quaver.segment.version";
  public static final String KEY_TABLE_ID = "quaver.table.id";
  public static final String KEY_PARTITION = "quaver.partition";
  public static final String KEY_ROW_GROUP_ROWS = "quaver.rowgroup.rows";
  public static final String KEY_ROW_COUNT = "quaver.rows";
  public static final String KEY_ZONE_MAPS = "quaver.zonemaps";
  /** Zone-map bounds longer than this (encoded) are not stored: the bound is unknown. */
  public static final int MAX_BOUND_BYTES = 64;
  /** Suffix of segment files: {@code seg-<id>.arrow}. */
  public static final String FILE_PREFIX = "seg-";
  public static final String FILE_SUFFIX = ".arrow";

  private SegmentFormat() {}

  public static String fileName(long segmentId) {
    return FILE_PREFIX + segmentId + FILE_SUFFIX;
  }

  /** The segment id of a file name, or -1 if the name is not a segment's. */
  public static long segmentId(String fileName) {
    if (!fileName.startsWith(FILE_PREFIX) || !fileName.endsWith(FILE_SUFFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(fileName.substring(FILE_PREFIX.length(),
          fileName.length() - FILE_SUFFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
