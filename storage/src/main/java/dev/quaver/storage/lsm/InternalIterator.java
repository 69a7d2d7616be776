package dev.quaver.storage.lsm;

/**
 * A forward iterator over <em>every version</em> of the keys in a range, in {@link InternalKey}
 * order: user key ascending, then sequence descending. Deletions appear as versions whose
 * {@link #value()} is {@link Memtable#TOMBSTONE} (compared by identity). The building block of
 * the merging read path and of flushes and compactions.
 *
 * <p>Thread safety: confined to one thread.
 */
public interface InternalIterator extends AutoCloseable {
  /** Moves to the next version; false at the end. Call it before the first access. */
  boolean next();

  byte[] key();

  long sequence();

  /** The value, or {@link Memtable#TOMBSTONE} for a deletion. */
  byte[] value();

  /** Releases what the iterator holds (nothing by default). */
  @Override
  default void close() {}
}
