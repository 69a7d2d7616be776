/**
 * Leveled compaction of the LSM tree. {@link dev.quaver.storage.lsm.compaction.Compactor} runs on
 * its own thread: {@link dev.quaver.storage.lsm.compaction.CompactionPicker} chooses the level
 * most over its size target (L0 by file count), the inputs are merged and passed through
 * {@link dev.quaver.storage.lsm.compaction.CompactionFilter} (drops versions no snapshot can read,
 * and tombstones at the last level), and the outputs are written at the rate
 * {@link dev.quaver.storage.lsm.compaction.RateLimiter} allows so foreground writes keep the disk.
 */
package dev.quaver.storage.lsm.compaction;
