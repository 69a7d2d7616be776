package dev.quaver.storage;

import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.lsm.LsmStore;
import java.util.List;

/**
 * The live pairs of several disjoint, sorted key ranges at one snapshot, one store cursor per
 * range. The next range's cursor is opened before the previous one is closed, so the snapshot
 * stays pinned for the whole read (an index read looks rows up at it meanwhile).
 *
 * <p>Thread safety: confined to one thread.
 */
final class MultiRangeCursor implements Cursor {
  private final LsmStore store;
  private final List<KeyRanges.Range> ranges;
  private final long snapshot;
  private int next;
  private Cursor current;
  private boolean closed;

  MultiRangeCursor(LsmStore store, List<KeyRanges.Range> ranges, long snapshot) {
    this.store = store;
    this.ranges = ranges;
    this.snapshot = snapshot;
    if (!ranges.isEmpty()) {
      current = store.scan(ranges.get(0).start(), ranges.get(0).end(), snapshot);
      next = 1;
    }
  }

  @Override
  public boolean next() {
    while (!closed && current != null) {
      if (current.next()) {
        return true;
      }
      Cursor previous = current;
      current = next < ranges.size()
          ? store.scan(ranges.get(next).start(), ranges.get(next).end(), snapshot) : null;
      next++;
      previous.close();
    }
    return false;
  }

  @Override
  public byte[] key() {
    return current.key();
  }

  @Override
  public byte[] value() {
    return current.value();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
