package dev.quaver.storage.lsm;

import dev.quaver.storage.io.ByteReader;
import dev.quaver.storage.lsm.sst.BlockCache;
import dev.quaver.storage.lsm.wal.LogFormat;
import dev.quaver.storage.lsm.wal.LogReader;
import dev.quaver.storage.lsm.wal.LogWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens a data directory's LSM state: the manifest's SSTables, flush point and catalog, then the
 * WAL segments from the manifest's {@code logNumber} on, replayed into a fresh memtable (records
 * at or below the flushed sequence are skipped). Deletes WAL segments the manifest covers and
 * SSTables it does not list (leftovers of a crash). A directory without a manifest (fresh, or
 * written before SSTables existed) replays every segment.
 *
 * <p>Thread safety: a value, built by one thread at open.
 */
record Recovery(Path walDirectory, VersionSet versions, BlockCache cache, Memtable memtable,
    long lastSequence, long nextSegment, byte[] catalog, Map<Long, Long> rowIds) {

  static Recovery run(Path dataDirectory, LsmOptions options, LsmStore.RecoveryListener listener)
      throws IOException {
    Path walDirectory = dataDirectory.resolve("wal");
    Path lsmDirectory = dataDirectory.resolve("lsm");
    for (Path dir : List.of(walDirectory, lsmDirectory)) {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        LogWriter.syncDirectory(dataDirectory);
      }
    }
    ManifestState state = Manifest.read(lsmDirectory);
    if (state == null) {
      state = new ManifestState(1, 0, 0, null, Map.of(), List.of());
    }
    byte[][] catalog = {state.catalog()};
    Map<Long, Long> rowIds = new HashMap<>(state.rowIds());
    if (state.catalog() != null) {
      listener.onCatalog(state.catalog());
    }
    state.rowIds().forEach(listener::onRowId);
    BlockCache cache = new BlockCache(options.blockCacheBytes());
    VersionSet versions = new VersionSet(lsmDirectory, cache, state);
    try {
      versions.deleteOrphans();
      List<Path> segments = new ArrayList<>();
      try (Stream<Path> files = Files.list(walDirectory)) {
        files.filter(f -> LogFormat.segmentNumber(f) >= 0).sorted().forEach(segments::add);
      }
      Memtable memtable = Memtable.create();
      long lastSequence = state.flushedSequence();
      long flushed = state.flushedSequence();
      long nextSegment = Math.max(1, state.logNumber());
      LsmStore.RecoveryListener tracking = new LsmStore.RecoveryListener() {
        @Override
        public void onCatalog(byte[] bytes) {
          catalog[0] = bytes;
          listener.onCatalog(bytes);
        }

        @Override
        public void onRowId(long tableId, long nextRowId) {
          rowIds.merge(tableId, nextRowId, Math::max);
          listener.onRowId(tableId, nextRowId);
        }
      };
      for (int i = 0; i < segments.size(); i++) {
        Path segment = segments.get(i);
        long number = LogFormat.segmentNumber(segment);
        nextSegment = Math.max(nextSegment, number + 1);
        if (number < state.logNumber()) {
          Files.delete(segment); // flushed before the crash, not yet deleted
          continue;
        }
        lastSequence = replay(segment, i == segments.size() - 1, memtable, lastSequence, flushed,
            tracking);
      }
      return new Recovery(walDirectory, versions, cache, memtable, lastSequence, nextSegment,
          catalog[0], rowIds);
    } catch (IOException | RuntimeException e) {
      versions.close();
      throw e;
    }
  }

  private static long replay(Path segment, boolean isNewest, Memtable memtable, long lastSequence,
      long flushed, LsmStore.RecoveryListener listener) throws IOException {
    LogReader reader = new LogReader(segment, isNewest, lastSequence);
    while (reader.next()) {
      WriteSet writes = new WriteSet();
      long sequence;
      try {
        sequence = WriteSet.decode(new ByteReader(reader.buffer(), reader.payloadOffset(),
            reader.payloadLength()), writes);
      } catch (RuntimeException e) {
        throw reader.corrupt(reader.recordOffset(), "malformed commit payload: " + e.getMessage());
      }
      if (sequence <= flushed) {
        continue; // already in the SSTables
      }
      if (sequence <= lastSequence) {
        throw reader.corrupt(reader.recordOffset(),
            "sequence " + sequence + " does not follow " + lastSequence);
      }
      writes.applyTo(memtable, sequence);
      if (writes.catalogState() != null) {
        listener.onCatalog(writes.catalogState());
      }
      for (long[] rowId : writes.rowIds()) {
        listener.onRowId(rowId[0], rowId[1]);
      }
      lastSequence = sequence;
    }
    if (reader.validLength() < LogFormat.SEGMENT_HEADER_BYTES) {
      truncate(segment, reader.validLength()); // not even a header: deleted
    } else if (reader.version() == LogFormat.VERSION_1) {
      if (reader.hasTornTail()) {
        truncate(segment, reader.validLength());
      }
    } else if (!reader.hasEndRecord()) {
      // the newest segment, cut off by a crash: end it where its records end, so that it is
      // complete once the next segment exists
      LogWriter.seal(segment, reader.segmentNumber(), reader.validLength());
    }
    return lastSequence;
  }

  /** Drops a torn tail so that new records never follow garbage. */
  private static void truncate(Path segment, long length) throws IOException {
    if (length < LogFormat.SEGMENT_HEADER_BYTES) {
      Files.delete(segment);
      LogWriter.syncDirectory(segment.getParent());
      return;
    }
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(length);
      file.getFD().sync();
    }
  }
}
