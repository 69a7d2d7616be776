package dev.quaver.storage.lsm;

import java.util.Map;

/**
 * A frozen memtable awaiting its flush, with the flush point it completes: every commit up to
 * {@code lastSequence} is in it or older files, its WAL records are in segments numbered below
 * {@code nextLogSegment}, and {@code catalog}/{@code rowIds} are the catalog and row-id counters
 * as of {@code lastSequence} (what the manifest records once it is flushed). Immutable (the
 * memtable receives no more writes).
 */
record ImmutableMemtable(Memtable table, long lastSequence, long nextLogSegment, byte[] catalog,
    Map<Long, Long> rowIds) {}
