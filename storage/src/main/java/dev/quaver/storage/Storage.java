package dev.quaver.storage;

import dev.quaver.storage.lsm.LsmOptions;

/** Opens the storage of a data directory. */
public final class Storage {
  private Storage() {}

  /**
   * Opens (creating if needed) the data directory of {@code config}, recovering the catalog and
   * every committed write from the WAL. Only one process may open a directory at a time.
   */
  public static StorageEngine open(StorageConfig config) {
    return LsmStorageEngine.open(config, LsmOptions.defaults());
  }

  /** As {@link #open(StorageConfig)} with explicit LSM tuning (tests, benchmarks, tools). */
  public static StorageEngine open(StorageConfig config, LsmOptions options) {
    return LsmStorageEngine.open(config, options);
  }

  /** As above with explicit ETL tuning (tests: forced or disabled ETL, tiny segments). */
  public static StorageEngine open(StorageConfig config, LsmOptions options,
      dev.quaver.storage.etl.EtlOptions etlOptions) {
    return LsmStorageEngine.open(config, options, etlOptions);
  }
}
