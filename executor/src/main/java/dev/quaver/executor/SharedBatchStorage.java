package dev.quaver.executor;

import dev.quaver.storage.StorageEngine;

/**
 * The storage as the statements of one JDBC batch see it when the batch commits once: every
 * statement's {@code newWriteBatch} is the same shared batch and its {@code commit} only leaves
 * the writes there; {@link #commitShared()} then commits them all at once. Everything else goes
 * to the real storage (see {@link PendingBatchStorage}).
 *
 * <p>Thread safety: confined to the thread running the batch.
 */
final class SharedBatchStorage extends PendingBatchStorage {
  SharedBatchStorage(StorageEngine storage, long readSnapshot) {
    super(storage, storage.newWriteBatch(readSnapshot));
  }

  /** Commits every write of the batch's statements, atomically; a no-op when there are none. */
  void commitShared() {
    if (pending().size() > 0) {
      storage().commit(pending());
    }
  }
}
