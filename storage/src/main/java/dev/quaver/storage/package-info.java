/**
 * The storage API the layers above use ({@link dev.quaver.storage.StorageEngine}, opened by
 * {@link dev.quaver.storage.Storage}) and its implementation: the commit protocol (row checks,
 * uniqueness, write-write conflicts, index maintenance), table scans into Arrow batches, the
 * data-directory lock, and the engine that joins the catalog to the LSM store.
 */
package dev.quaver.storage;
