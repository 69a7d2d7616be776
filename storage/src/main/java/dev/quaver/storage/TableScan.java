package dev.quaver.storage;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A scan of one table at one snapshot, producing Arrow batches.
 *
 * <p>Call protocol: {@code next()} until it returns null; each returned batch is owned by the
 * scan and valid until the next call to {@code next()} or {@code close()} (copy what you keep).
 * {@code close()} releases all memory and may be called at any time, more than once.
 *
 * <p>Thread safety: confined to one thread.
 */
public interface TableScan extends AutoCloseable {
  VectorSchemaRoot next();

  @Override
  void close();
}
