package dev.quaver.storage.lsm;

/**
 * A forward iterator over live key-value pairs in key order. Call {@link #next()} first; the
 * arrays returned by {@link #key()} and {@link #value()} must not be modified.
 *
 * <p>Thread safety: confined to one thread.
 */
public interface Cursor {
  /** Moves to the next pair; false at the end. */
  boolean next();

  byte[] key();

  byte[] value();
}
