package dev.quaver.storage.columnar.segment;

import java.util.List;

/**
 * One version of a table's columnar state: the live segments and the watermark, the LSM
 * sequence whose committed rows they hold exactly (rows changed after it are the delta).
 * {@code schema} fingerprints the column names and types the segments were written with; a
 * table whose definition no longer matches is read from the row store and rebuilt.
 * {@code lastEtlMillis} and {@code lastEtlRows} describe the run that wrote this version.
 * Immutable.
 */
public record TableManifest(long tableId, long watermark, long schema, long nextSegmentId,
    List<LiveSegment> segments, long lastEtlMillis, long lastEtlRows) {
  public TableManifest {
    segments = List.copyOf(segments);
  }

  public long liveRows() {
    long rows = 0;
    for (LiveSegment segment : segments) {
      rows += segment.liveRows();
    }
    return rows;
  }
}
