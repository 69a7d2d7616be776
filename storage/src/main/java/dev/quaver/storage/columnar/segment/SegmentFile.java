package dev.quaver.storage.columnar.segment;

/**
 * What the manifest records about one written segment: its id (file {@code seg-<id>.arrow}), the
 * partition it belongs to, its row count, its size and the CRC-32C of the whole file. Immutable.
 */
public record SegmentFile(long id, int partition, long rowCount, long bytes, int crc) {
  public String fileName() {
    return SegmentFormat.fileName(id);
  }
}
