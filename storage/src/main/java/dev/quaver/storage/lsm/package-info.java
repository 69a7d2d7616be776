/**
 * The LSM row store's core: {@link dev.quaver.storage.lsm.LsmStore} ties the WAL to the
 * multi-version {@link dev.quaver.storage.lsm.Memtable}s, the SSTables of the
 * {@link dev.quaver.storage.lsm.VersionSet} and the {@link dev.quaver.storage.lsm.Manifest}, and
 * publishes sequence numbers as snapshots; {@link dev.quaver.storage.lsm.WriteSet} is one
 * commit's changes and the payload of its WAL record. Full memtables are flushed in the
 * background ({@link dev.quaver.storage.lsm.MemtableFlusher}); reads merge memtables and
 * SSTables ({@link dev.quaver.storage.lsm.MergingIterator}). Keys and values here are opaque
 * bytes (see {@code row} for what they mean).
 */
package dev.quaver.storage.lsm;
