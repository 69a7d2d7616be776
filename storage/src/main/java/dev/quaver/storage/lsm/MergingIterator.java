package dev.quaver.storage.lsm;

import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges several {@link InternalIterator}s (memtables, SSTables) into one in internal-key order
 * with a binary heap (the last entry's source kept outside it while it leads). If two sources
 * hold the same (key, sequence) — a memtable and the SSTable it was just flushed to — both are
 * returned; {@link VisibleCursor} and the compaction filter keep only the first version of a key
 * they need, so duplicates are harmless. {@code -Dquaver.merge.heapOnly=true} puts every entry's
 * source back into the heap (the old way; A/B runs; read per iterator).
 *
 * <p>Thread safety: confined to one thread.
 */
public final class MergingIterator implements InternalIterator {
  private final PriorityQueue<InternalIterator> heap;
  private final List<? extends InternalIterator> sources;
  private final boolean heapOnly = Boolean.getBoolean("quaver.merge.heapOnly");
  private InternalIterator current;

  public MergingIterator(List<? extends InternalIterator> sources) {
    this.sources = sources;
    this.heap = new PriorityQueue<>(Math.max(1, sources.size()), MergingIterator::compare);
    for (InternalIterator source : sources) {
      if (source.next()) {
        heap.add(source);
      }
    }
  }

  /**
   * The source that returned the last entry stays out of the heap while its next entry still
   * comes first (one comparison with the heap's head instead of an add and a poll): sources
   * rarely interleave entry by entry (a flush or compaction of appended keys, a level's run of
   * files), and the heap's two sift-downs per entry were about a quarter of a compaction's CPU in
   * a batch load. Equal (key, sequence) pairs may come in either order, as before.
   */
  @Override
  public boolean next() {
    if (current != null && current.next()) {
      InternalIterator head = heap.peek();
      if (!heapOnly && (head == null || compare(current, head) <= 0)) {
        return true;
      }
      heap.add(current);
    }
    current = heap.poll();
    return current != null;
  }

  private static int compare(InternalIterator a, InternalIterator b) {
    int c = Arrays.compareUnsigned(a.key(), b.key());
    return c != 0 ? c : Long.compare(b.sequence(), a.sequence());
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
