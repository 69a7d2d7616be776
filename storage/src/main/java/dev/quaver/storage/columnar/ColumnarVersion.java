package dev.quaver.storage.columnar;

import dev.quaver.storage.columnar.segment.SegmentReader;
import dev.quaver.storage.columnar.segment.TableManifest;
import java.util.List;

/**
 * One published columnar state of a table: its manifest and an open (mapped) reader per live
 * segment, in the manifest's order. Every reader is opened before the version is published, so
 * a scan never opens a file and an obsolete file can be deleted as soon as a newer version is
 * live (its mappings stay valid). Immutable.
 */
public record ColumnarVersion(TableManifest manifest, List<SegmentReader> readers) {
  public ColumnarVersion {
    readers = List.copyOf(readers);
    if (readers.size() != manifest.segments().size()) {
      throw new IllegalArgumentException("one reader per segment");
    }
  }

  public long watermark() {
    return manifest.watermark();
  }
}
