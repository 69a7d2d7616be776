/**
 * Byte-level building blocks shared by the storage formats: a growable big-endian writer and its
 * reader with LEB128 varints. Files and checksums stay with the format that owns them
 * ({@code lsm.wal.LogFormat}); this package knows nothing about records.
 */
package dev.quaver.storage.io;
