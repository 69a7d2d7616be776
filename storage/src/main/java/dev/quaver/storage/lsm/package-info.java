/**
 * The LSM row store's core: {@link dev.quaver.storage.lsm.LsmStore} ties the WAL to the
 * multi-version {@link dev.quaver.storage.lsm.Memtable} and publishes sequence numbers as
 * snapshots; {@link dev.quaver.storage.lsm.WriteSet} is one commit's changes and the payload of its
 * WAL record. Keys and values here are opaque bytes (see {@code row} for what they mean).
 * TODO(#4): SSTables, compaction and a block cache plug in behind LsmStore's get/scan.
 */
package dev.quaver.storage.lsm;
