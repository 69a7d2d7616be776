package dev.quaver.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Configuration of the storage of one data directory. {@code syncMode}: COMMIT fsyncs the WAL
 * before a commit returns (default), INTERVAL every {@code syncIntervalMillis}, OFF never
 * (tests and bulk loads). Immutable.
 */
public record StorageConfig(Path dataDirectory, SyncMode syncMode, long syncIntervalMillis) {
  public enum SyncMode { COMMIT, INTERVAL, OFF }

  public StorageConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory is null");
    Objects.requireNonNull(syncMode, "syncMode is null");
  }

  public static StorageConfig defaults(Path dataDirectory) {
    return new StorageConfig(dataDirectory, SyncMode.COMMIT, 10);
  }
}
