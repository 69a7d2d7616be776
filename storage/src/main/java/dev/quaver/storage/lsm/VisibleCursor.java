package dev.quaver.storage.lsm;

import java.util.Arrays;

/**
 * The live pairs at a snapshot over an internal iterator: per user key, the newest version with
 * sequence &lt;= snapshot, skipping the key if that version is a tombstone. {@link #close}
 * releases what the read pinned (its version of the file set and its snapshot).
 *
 * <p>Thread safety: confined to one thread.
 */
final class VisibleCursor implements Cursor {
  private final InternalIterator versions;
  private final long snapshot;
  private final Runnable onClose;
  private byte[] lastUserKey;
  private byte[] key;
  private byte[] value;
  private boolean closed;

  VisibleCursor(InternalIterator versions, long snapshot, Runnable onClose) {
    this.versions = versions;
    this.snapshot = snapshot;
    this.onClose = onClose;
  }

  @Override
  public boolean next() {
    while (!closed && versions.next()) {
      if (versions.sequence() > snapshot) {
        continue;
      }
      byte[] userKey = versions.key();
      if (lastUserKey != null && Arrays.equals(lastUserKey, userKey)) {
        continue; // an older version of a key already decided
      }
      lastUserKey = userKey;
      byte[] v = versions.value();
      if (v == Memtable.TOMBSTONE) {
        continue;
      }
      key = userKey;
      value = v;
      return true;
    }
    key = null;
    value = null;
    return false;
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public byte[] value() {
    return value;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      versions.close();
      onClose.run();
    }
  }
}
