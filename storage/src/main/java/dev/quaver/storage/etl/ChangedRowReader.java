package dev.quaver.storage.etl;

import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.lsm.LsmStore;
import java.util.Arrays;

/**
 * Reads the current values of a sorted set of changed row keys at a snapshot: with one cursor
 * over [first, last changed key] while most rows it passes are changed ones (appends under
 * hidden row ids and batch loads, where every changed key is the next row), then by point gets
 * once the cursor passes more than {@link #RUN_SLACK} unchanged rows per changed one (scattered
 * updates in a large table). A point get per row cost the ETL of a batch load about half of its
 * CPU (every memtable and level searched, one Bloom probe and block seek per file); the cursor
 * merges the same sources once. A changed key the cursor does not meet, or whose get returns
 * null, is deleted and is not passed on: the same rows as a point get per key.
 *
 * <p>{@code -Dquaver.etl.pointGets=true} reads by point gets only (A/B runs; read per call).
 * Stateless.
 */
final class ChangedRowReader {
  /** Unchanged rows a cursor may pass per changed row before the rest are read by point gets. */
  static final int RUN_SLACK = 2;

  /** Receives each changed key that has a value, in key order, with its value. */
  @FunctionalInterface
  interface Sink {
    void accept(byte[] key, byte[] value);
  }

  private ChangedRowReader() {}

  /** Passes each of {@code keys} (ascending, distinct) that exists at {@code snapshot} to {@code sink}. */
  static void read(LsmStore store, byte[][] keys, long snapshot, Sink sink) {
    int from = keys.length == 0 || Boolean.getBoolean("quaver.etl.pointGets") ? 0
        : readRun(store, keys, snapshot, sink);
    for (int i = from; i < keys.length; i++) {
      byte[] value = store.get(keys[i], snapshot);
      if (value != null) {
        sink.accept(keys[i], value);
      }
    }
  }

  /**
   * Reads with one cursor from the first key; returns the index of the first key still to read
   * by point gets (the cursor passed too many unchanged rows), or the number of keys when done.
   */
  private static int readRun(LsmStore store, byte[][] keys, long snapshot, Sink sink) {
    byte[] last = keys[keys.length - 1];
    byte[] end = Arrays.copyOf(last, last.length + 1); // just after the last key
    long budget = (long) RUN_SLACK * keys.length;
    int pending = 0;
    try (Cursor cursor = store.scan(keys[0], end, snapshot)) {
      while (cursor.next()) {
        byte[] key = cursor.key();
        int order = Arrays.compareUnsigned(key, keys[pending]);
        while (order > 0) { // keys[pending] is deleted at the snapshot
          if (++pending == keys.length) {
            return pending;
          }
          order = Arrays.compareUnsigned(key, keys[pending]);
        }
        if (order == 0) {
          sink.accept(keys[pending], cursor.value());
          if (++pending == keys.length) {
            return pending;
          }
        } else if (--budget < 0) {
          return pending;
        }
      }
    }
    return keys.length; // the rest are deleted
  }
}
