package dev.quaver.storage.lsm;

import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges several {@link InternalIterator}s (memtables, SSTables) into one in internal-key order
 * with a binary heap. If two sources hold the same (key, sequence) — a memtable and the SSTable
 * it was just flushed to — both are returned; {@link VisibleCursor} and the compaction filter keep
 * only the first version of a key they need, so duplicates are harmless.
 *
 * <p>Thread safety: confined to one thread.
 */
public final class MergingIterator implements InternalIterator {
  private final PriorityQueue<InternalIterator> heap;
  private final List<? extends InternalIterator> sources;
  private InternalIterator current;

  public MergingIterator(List<? extends InternalIterator> sources) {
    this.sources = sources;
    this.heap = new PriorityQueue<>(Math.max(1, sources.size()), (a, b) -> {
      int c = Arrays.compareUnsigned(a.key(), b.key());
      return c != 0 ? c : Long.compare(b.sequence(), a.sequence());
    });
    for (InternalIterator source : sources) {
      if (source.next()) {
        heap.add(source);
      }
    }
  }

  @Override
  public boolean next() {
    if (current != null && current.next()) {
      heap.add(current);
    }
    current = heap.poll();
    return current != null;
  }

  @Override
  public byte[] key() {
    return current.key();
  }

  @Override
  public long sequence() {
    return current.sequence();
  }

  @Override
  public byte[] value() {
    return current.value();
  }

  @Override
  public void close() {
    for (InternalIterator source : sources) {
      source.close();
    }
  }
}
