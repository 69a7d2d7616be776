package dev.quaver.storage.lsm.sst;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An LRU cache of decoded (checked, decompressed) data blocks shared by every SSTable of a
 * store, bounded by a byte budget. Keyed by (file number, block offset); file numbers are never
 * reused, so entries of deleted files simply age out.
 *
 * <p>Thread safety: all methods are safe to call concurrently (one lock; lookups are short).
 */
public final class BlockCache {
  private record Key(long file, long offset) {}

  private final long capacityBytes;
  private final LinkedHashMap<Key, byte[]> blocks = new LinkedHashMap<>(1024, 0.75f, true);
  private long usedBytes;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public BlockCache(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  public byte[] get(long file, long offset) {
    byte[] block;
    synchronized (this) {
      block = blocks.get(new Key(file, offset));
    }
    (block == null ? misses : hits).incrementAndGet();
    return block;
  }

  public void put(long file, long offset, byte[] block) {
    if (block.length > capacityBytes / 8) {
      return;
    }
    synchronized (this) {
      byte[] old = blocks.put(new Key(file, offset), block);
      usedBytes += block.length - (old == null ? 0 : old.length);
      Iterator<Map.Entry<Key, byte[]>> it = blocks.entrySet().iterator();
      while (usedBytes > capacityBytes && it.hasNext()) {
        usedBytes -= it.next().getValue().length;
        it.remove();
      }
    }
  }

  public synchronized long usedBytes() {
    return usedBytes;
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }
}
