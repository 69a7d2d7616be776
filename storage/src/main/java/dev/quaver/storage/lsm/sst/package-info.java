/**
 * Sorted string tables: immutable files of versioned key-value entries, specified in
 * {@code docs/formats/sstable.md}. {@link dev.quaver.storage.lsm.sst.SstWriter} writes one from
 * an ordered stream of versions; {@link dev.quaver.storage.lsm.sst.SstReader} answers point reads
 * (after its {@link dev.quaver.storage.lsm.sst.BloomFilter}) and range iteration through a shared
 * {@link dev.quaver.storage.lsm.sst.BlockCache}. Data and index blocks use prefix-compressed keys
 * with restart points ({@link dev.quaver.storage.lsm.sst.BlockBuilder},
 * {@link dev.quaver.storage.lsm.sst.BlockReader}), LZ4 compression and a CRC32C each.
 */
package dev.quaver.storage.lsm.sst;
