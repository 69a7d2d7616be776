package dev.quaver.storage.lsm;

import dev.quaver.storage.lsm.sst.SstMeta;
import java.util.List;
import java.util.Map;

/**
 * One complete manifest record ({@code docs/formats/manifest.md}): the live SSTables by level,
 * the next file number, and the flush point — every commit up to {@code flushedSequence} is in
 * the SSTables, so recovery replays only WAL segments numbered {@code logNumber} or higher — with
 * the catalog ({@code CatalogCodec} bytes, or null before the first DDL) and the hidden row-id
 * counters as of that sequence. Immutable.
 */
public record ManifestState(long nextFileNumber, long flushedSequence, long logNumber,
    byte[] catalog, Map<Long, Long> rowIds, List<List<SstMeta>> levels) {
  public ManifestState {
    rowIds = Map.copyOf(rowIds);
    levels = levels.stream().map(List::copyOf).toList();
  }
}
