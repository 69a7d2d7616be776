package dev.quaver.storage.lsm;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Memtable} over a {@link ConcurrentSkipListMap} keyed by {@link InternalKey}. Old
 * versions stay until the memtable is flushed; the flush drops versions no snapshot can see.
 *
 * <p>Thread safety: one writer (under the store's commit lock) and any number of lock-free
 * readers; the skip list makes each put visible atomically.
 */
public final class SkipListMemtable implements Memtable {
  private static final int ENTRY_OVERHEAD_BYTES = 64;

  private final ConcurrentSkipListMap<InternalKey, byte[]> entries =
      new ConcurrentSkipListMap<>(InternalKey.ORDER);
  private final AtomicLong approximateBytes = new AtomicLong();

  @Override
  public void apply(long sequence, byte[] key, byte[] value) {
    entries.put(new InternalKey(key, sequence), value);
    approximateBytes.addAndGet(key.length + value.length + ENTRY_OVERHEAD_BYTES);
  }

  @Override
  public void removeRange(byte[] from, byte[] to) {
    ConcurrentNavigableMap<InternalKey, byte[]> range = entries.subMap(
        new InternalKey(from, Long.MAX_VALUE), true, new InternalKey(to, Long.MAX_VALUE), false);
    for (Iterator<Map.Entry<InternalKey, byte[]>> it = range.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<InternalKey, byte[]> entry = it.next();
      approximateBytes.addAndGet(
          -(entry.getKey().userKey().length + entry.getValue().length + ENTRY_OVERHEAD_BYTES));
      it.remove();
    }
  }

  @Override
  public byte[] get(byte[] key, long snapshot) {
    Map.Entry<InternalKey, byte[]> entry = entries.ceilingEntry(new InternalKey(key, snapshot));
    if (entry == null || !Arrays.equals(entry.getKey().userKey(), key)) {
      return null;
    }
    return entry.getValue();
  }

  @Override
  public long latestSequence(byte[] key) {
    InternalKey newest = entries.ceilingKey(new InternalKey(key, Long.MAX_VALUE));
    return newest != null && Arrays.equals(newest.userKey(), key) ? newest.sequence() : 0;
  }

  @Override
  public Cursor scan(byte[] from, byte[] to, long snapshot) {
    return new VisibleCursor(iterator(from, to), snapshot, () -> { });
  }

  @Override
  public InternalIterator iterator(byte[] from, byte[] to) {
    ConcurrentNavigableMap<InternalKey, byte[]> range = to == null
        ? entries.tailMap(new InternalKey(from, Long.MAX_VALUE), true)
        : entries.subMap(new InternalKey(from, Long.MAX_VALUE), true,
            new InternalKey(to, Long.MAX_VALUE), false);
    Iterator<Map.Entry<InternalKey, byte[]>> it = range.entrySet().iterator();
    return new InternalIterator() {
      private Map.Entry<InternalKey, byte[]> current;

      @Override
      public boolean next() {
        current = it.hasNext() ? it.next() : null;
        return current != null;
      }

      @Override
      public byte[] key() {
        return current.getKey().userKey();
      }

      @Override
      public long sequence() {
        return current.getKey().sequence();
      }

      @Override
      public byte[] value() {
        return current.getValue();
      }
    };
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public long approximateBytes() {
    return approximateBytes.get();
  }
}
