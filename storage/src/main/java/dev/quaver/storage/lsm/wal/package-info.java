/**
 * The write-ahead log: segment files of CRC32C-checksummed records, one record per commit, written
 * with group commit by {@link dev.quaver.storage.lsm.wal.LogWriter} and read back, with torn-tail
 * handling, by {@link dev.quaver.storage.lsm.wal.LogReader}. The record payloads belong to the
 * {@code lsm} package ({@code WriteSet}). Specified in {@code docs/formats/wal.md}.
 */
package dev.quaver.storage.lsm.wal;
