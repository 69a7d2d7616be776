package dev.quaver.storage.lsm;

/**
 * A forward iterator over live key-value pairs in key order. Call {@link #next()} first; the
 * arrays returned by {@link #key()} and {@link #value()} must not be modified. Close it when
 * done: a store cursor pins the SSTables and the snapshot it reads.
 *
 * <p>Thread safety: confined to one thread.
 */
public interface Cursor extends AutoCloseable {
  /** Moves to the next pair; false at the end. */
  boolean next();

  byte[] key();

  byte[] value();

  /** Releases the snapshot and files the cursor pins. Idempotent. */
  @Override
  default void close() {}
}
