package dev.quaver.storage.lsm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A memtable ({@link Memtable#create} with {@code quaver.memtable=slab}): {@link
 * ArenaSkipListMemtable}'s skip list (one writer under the commit lock, a finger for ascending
 * runs, lock-free readers, nodes as int ids into chunks of arrays) with each entry's key and
 * value bytes copied into large byte slabs instead of keeping the caller's two arrays. Why: in a
 * 4M-row batch load GC was the largest CPU line (0.8-1.2 µs per row, seconds of pauses), and the
 * arena memtable retains three small arrays per row (row key, row value, change-log key) until
 * its flush, long enough to be promoted. Here the memtable retains a few chunk arrays per 1024
 * entries and one {@value #SLAB_BYTES}-byte slab per megabyte of data; the writer's key and
 * value arrays die young. Readers get copies ({@link #get}, an iterator's key and value): short
 * lived, and the flush reads each entry once. Not the default: its first A/B (4M-row batch loads
 * at load 20-25, docs/storage-bench.md) was inside the noise, with GC pauses as long as the
 * arena's, so most of the old generation's garbage is not the memtable's.
 *
 * <p>Layout: node = (chunk, slot) as in the arena list; per slot the sequence, the tower offset,
 * the entry's position in the slabs ({@code slab << 32 | offset}; the key's bytes, then the
 * value's), the key length and the value length ({@code -1} = {@link Memtable#TOMBSTONE}). A value
 * rewritten under the same key and sequence (a commit writing one key twice) is kept as the new
 * array in the chunk's {@code rewritten} slot, which readers check first.
 *
 * <p>Publication: the entry's bytes, then the node's fields, are written before the node is linked;
 * links are release-stores and reads acquire-loads; a new chunk or slab is installed in its
 * directory (volatile) before any node using it is linked, so a reader that reached a node id
 * sees its chunk, its slab and its bytes. A rewrite is a release-store of the array.
 *
 * <p>Thread safety: {@link #apply} and {@link #removeRange} from one thread at a time (the
 * store's commit lock, or recovery); every other method from any thread, concurrently.
 */
public final class SlabSkipListMemtable implements Memtable {
  static final int CHUNK_SHIFT = 10;
  static final int CHUNK_NODES = 1 << CHUNK_SHIFT;
  /** Slab size: at least half a G1 region at heaps up to 2 GiB (allocated outside the young generation). */
  static final int SLAB_BYTES = 1 << 20;
  private static final int SLOT_MASK = CHUNK_NODES - 1;
  private static final int MAX_LEVEL = 16;
  private static final int CHUNK_LINKS = CHUNK_NODES * 3 / 2 + MAX_LEVEL;
  private static final int ENTRY_OVERHEAD_BYTES = 64;
  private static final byte[] EMPTY = new byte[0];
  private static final VarHandle LINK = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle VALUE = MethodHandles.arrayElementVarHandle(byte[][].class);

  /** Up to {@value #CHUNK_NODES} nodes: their fields by slot, their links in {@code links}. */
  private static final class Chunk {
    final long[] positions = new long[CHUNK_NODES];
    final int[] keyLengths = new int[CHUNK_NODES];
    final int[] valueLengths = new int[CHUNK_NODES];
    final byte[][] rewritten = new byte[CHUNK_NODES][];
    final long[] sequences = new long[CHUNK_NODES];
    final int[] towers = new int[CHUNK_NODES];
    final int[] links = new int[CHUNK_LINKS];
    int usedSlots;
    int usedLinks;
  }

  /** Chunks by index; replaced by a larger copy when full (readers re-read the field). */
  private volatile Chunk[] chunks = new Chunk[4];
  /** Slabs by index; replaced by a larger copy when full (readers re-read the field). */
  private volatile byte[][] slabs = new byte[4][];
  private final AtomicLong approximateBytes = new AtomicLong();
  private volatile int levels = 1;
  private volatile boolean empty = true;

  // Writer state (commit lock).
  private int chunkCount;
  private int slabCount;
  private int slabUsed;
  private final int[] finger = new int[MAX_LEVEL];
  private int last = -1;
  private int random = 0x2545F491;

  public SlabSkipListMemtable() {
    Chunk first = new Chunk();
    chunks[0] = first;
    chunkCount = 1;
    first.usedSlots = 1; // node 0: the head, with every level
    first.usedLinks = MAX_LEVEL;
    slabs[0] = new byte[SLAB_BYTES];
    slabCount = 1;
  }

  private Chunk chunkOf(int node) {
    return chunks[node >>> CHUNK_SHIFT];
  }

  /** The successor of {@code node} on {@code level} (0 = none), acquire. */
  private int next(int node, int level) {
    Chunk chunk = chunkOf(node);
    return (int) LINK.getAcquire(chunk.links, chunk.towers[node & SLOT_MASK] + level);
  }

  private long sequenceOf(int node) {
    return chunkOf(node).sequences[node & SLOT_MASK];
  }

  /** A copy of the node's key. */
  private byte[] keyOf(int node) {
    Chunk chunk = chunkOf(node);
    int slot = node & SLOT_MASK;
    long position = chunk.positions[slot];
    int offset = (int) position;
    return Arrays.copyOfRange(slabs[(int) (position >>> 32)], offset, offset + chunk.keyLengths[slot]);
  }

  /** The node's value (a copy, or the rewritten array, or {@link Memtable#TOMBSTONE}). */
  private byte[] valueOf(int node) {
    Chunk chunk = chunkOf(node);
    int slot = node & SLOT_MASK;
    byte[] rewritten = (byte[]) VALUE.getAcquire(chunk.rewritten, slot);
    if (rewritten != null) {
      return rewritten;
    }
    int length = chunk.valueLengths[slot];
    if (length <= 0) {
      return length < 0 ? TOMBSTONE : EMPTY;
    }
    long position = chunk.positions[slot];
    int offset = (int) position + chunk.keyLengths[slot];
    return Arrays.copyOfRange(slabs[(int) (position >>> 32)], offset, offset + length);
  }

  private int valueLengthOf(int node) {
    Chunk chunk = chunkOf(node);
    int slot = node & SLOT_MASK;
    byte[] rewritten = (byte[]) VALUE.getAcquire(chunk.rewritten, slot);
    return rewritten != null ? rewritten.length : Math.max(0, chunk.valueLengths[slot]);
  }

  /** Unsigned order of the node's key against {@code key}. */
  private int compareKey(int node, byte[] key) {
    Chunk chunk = chunkOf(node);
    int slot = node & SLOT_MASK;
    long position = chunk.positions[slot];
    int offset = (int) position;
    return Arrays.compareUnsigned(slabs[(int) (position >>> 32)], offset, offset + chunk.keyLengths[slot],
        key, 0, key.length);
  }

  private boolean keyEquals(int node, byte[] key) {
    Chunk chunk = chunkOf(node);
    int slot = node & SLOT_MASK;
    long position = chunk.positions[slot];
    int offset = (int) position;
    return Arrays.equals(slabs[(int) (position >>> 32)], offset, offset + chunk.keyLengths[slot],
        key, 0, key.length);
  }

  /** -1, 0, 1 as node (key, sequence) orders before, equal to, after (key, sequence). */
  private int compare(int node, byte[] key, long sequence) {
    int c = compareKey(node, key);
    return c != 0 ? c : Long.compare(sequence, chunkOf(node).sequences[node & SLOT_MASK]);
  }

  @Override
  public void apply(long sequence, byte[] key, byte[] value) {
    int top = levels - 1;
    if (last >= 0 && compare(last, key, sequence) < 0) {
      int from = 0;
      while (from < top && precedes(finger[from + 1], from + 1, key, sequence)) {
        from++;
      }
      search(key, sequence, from, finger[from]);
    } else {
      search(key, sequence, top, 0);
    }
    int successor = next(finger[0], 0);
    if (successor != 0 && sequenceOf(successor) == sequence && keyEquals(successor, key)) {
      int oldLength = valueLengthOf(successor);
      VALUE.setRelease(chunkOf(successor).rewritten, successor & SLOT_MASK, value);
      approximateBytes.addAndGet(value.length - oldLength);
      last = successor;
      return;
    }
    int height = randomLevel();
    int node = allocate(key, sequence, value, height);
    if (height > levels) {
      for (int i = levels; i < height; i++) {
        finger[i] = 0;
      }
    }
    Chunk chunk = chunkOf(node);
    int tower = chunk.towers[node & SLOT_MASK];
    for (int i = 0; i < height; i++) {
      chunk.links[tower + i] = next(finger[i], i);
    }
    for (int i = 0; i < height; i++) {
      Chunk before = chunkOf(finger[i]);
      LINK.setRelease(before.links, before.towers[finger[i] & SLOT_MASK] + i, node);
      finger[i] = node;
    }
    if (height > levels) {
      levels = height;
    }
    last = node;
    empty = false;
    approximateBytes.addAndGet(key.length + value.length + ENTRY_OVERHEAD_BYTES);
  }

  /** A node not yet linked: its bytes copied, its fields set, its tower reserved. */
  private int allocate(byte[] key, long sequence, byte[] value, int height) {
    Chunk chunk = chunks[chunkCount - 1];
    if (chunk.usedSlots == CHUNK_NODES || chunk.usedLinks + height > CHUNK_LINKS) {
      chunk = new Chunk();
      Chunk[] directory = chunks;
      if (chunkCount == directory.length) {
        directory = Arrays.copyOf(directory, directory.length * 2);
      }
      directory[chunkCount++] = chunk;
      chunks = directory; // volatile: before any node of the chunk is linked
    }
    boolean tombstone = value == TOMBSTONE;
    int valueLength = tombstone ? 0 : value.length;
    long position = reserve(key.length + valueLength);
    byte[] slab = slabs[(int) (position >>> 32)];
    int offset = (int) position;
    System.arraycopy(key, 0, slab, offset, key.length);
    System.arraycopy(value, 0, slab, offset + key.length, valueLength);
    int slot = chunk.usedSlots++;
    chunk.positions[slot] = position;
    chunk.keyLengths[slot] = key.length;
    chunk.valueLengths[slot] = tombstone ? -1 : valueLength;
    chunk.sequences[slot] = sequence;
    chunk.towers[slot] = chunk.usedLinks;
    chunk.usedLinks += height;
    return ((chunkCount - 1) << CHUNK_SHIFT) | slot;
  }

  /**
   * Room for {@code bytes} in the current slab, or a new one (of its own size when larger than a
   * slab); returns {@code slab << 32 | offset}.
   */
  private long reserve(int bytes) {
    if (slabUsed + bytes > slabs[slabCount - 1].length) {
      byte[] slab = new byte[Math.max(SLAB_BYTES, bytes)];
      byte[][] directory = slabs;
      if (slabCount == directory.length) {
        directory = Arrays.copyOf(directory, directory.length * 2);
      }
      directory[slabCount++] = slab;
      slabs = directory; // volatile: before any node in the slab is linked
      slabUsed = 0;
    }
    long position = (long) (slabCount - 1) << 32 | slabUsed;
    slabUsed += bytes;
    return position;
  }

  /** Sets {@code finger[level..0]} to the last node before (key, sequence) at each level. */
  private void search(byte[] key, long sequence, int level, int start) {
    int x = start;
    for (int i = level; i >= 0; i--) {
      for (int next = next(x, i); next != 0 && compare(next, key, sequence) < 0; next = next(x, i)) {
        x = next;
      }
      finger[i] = x;
    }
  }

  private boolean precedes(int x, int level, byte[] key, long sequence) {
    int next = next(x, level);
    return next != 0 && compare(next, key, sequence) < 0;
  }

  private int randomLevel() {
    int r = random;
    r ^= r << 13;
    r ^= r >>> 17;
    r ^= r << 5;
    random = r;
    int level = 1;
    while ((r & 3) == 0 && level < MAX_LEVEL) {
      level++;
      r >>>= 2;
    }
    return level;
  }

  /**
   * Unlinks the nodes in [from, to); their arena space is reclaimed with the memtable (DROP TABLE
   * is rare, and the memtable is flushed and dropped at its byte budget anyway).
   */
  @Override
  public void removeRange(byte[] from, byte[] to) {
    last = -1; // the finger may point at removed nodes
    int x = 0;
    int[] before = new int[MAX_LEVEL];
    for (int i = levels - 1; i >= 0; i--) {
      for (int next = next(x, i); next != 0 && compare(next, from, Long.MAX_VALUE) < 0; next = next(x, i)) {
        x = next;
      }
      before[i] = x;
    }
    long freed = 0;
    for (int n = next(before[0], 0); n != 0 && compare(n, to, Long.MAX_VALUE) < 0; n = next(n, 0)) {
      freed += chunkOf(n).keyLengths[n & SLOT_MASK] + valueLengthOf(n) + ENTRY_OVERHEAD_BYTES;
    }
    for (int i = levels - 1; i >= 0; i--) {
      int next = next(before[i], i);
      while (next != 0 && compare(next, to, Long.MAX_VALUE) < 0) {
        next = next(next, i);
      }
      Chunk chunk = chunkOf(before[i]);
      LINK.setRelease(chunk.links, chunk.towers[before[i] & SLOT_MASK] + i, next);
    }
    Arrays.fill(finger, 0);
    approximateBytes.addAndGet(-freed);
  }

  /** The first node at or after (key, sequence), or 0, for readers. */
  private int ceiling(byte[] key, long sequence) {
    int x = 0;
    int next = 0;
    for (int i = levels - 1; i >= 0; i--) {
      next = next(x, i);
      while (next != 0 && compare(next, key, sequence) < 0) {
        x = next;
        next = next(x, i);
      }
    }
    // The successor found at level 0, not a second read of the link: the writer may have linked
    // a smaller node after x since, and returning that one would miss the key.
    return next;
  }

  @Override
  public byte[] get(byte[] key, long snapshot) {
    int node = ceiling(key, snapshot);
    return node != 0 && keyEquals(node, key) ? valueOf(node) : null;
  }

  @Override
  public long latestSequence(byte[] key) {
    int node = ceiling(key, Long.MAX_VALUE);
    return node != 0 && keyEquals(node, key) ? sequenceOf(node) : 0;
  }

  @Override
  public Cursor scan(byte[] from, byte[] to, long snapshot) {
    return new VisibleCursor(iterator(from, to), snapshot, () -> { });
  }

  @Override
  public InternalIterator iterator(byte[] from, byte[] to) {
    int first = ceiling(from, Long.MAX_VALUE);
    return new InternalIterator() {
      private int pending = first;
      private int current;
      private byte[] currentKey;
      private byte[] currentValue;

      @Override
      public boolean next() {
        int n = pending;
        if (n == 0) {
          return false;
        }
        if (to != null && compareKey(n, to) >= 0) {
          pending = 0;
          return false;
        }
        current = n;
        currentKey = null;
        currentValue = null;
        pending = SlabSkipListMemtable.this.next(n, 0);
        return true;
      }

      @Override
      public byte[] key() {
        if (currentKey == null) {
          currentKey = keyOf(current);
        }
        return currentKey;
      }

      @Override
      public long sequence() {
        return sequenceOf(current);
      }

      @Override
      public byte[] value() {
        if (currentValue == null) {
          currentValue = valueOf(current);
        }
        return currentValue;
      }
    };
  }

  @Override
  public boolean isEmpty() {
    return empty || next(0, 0) == 0;
  }

  @Override
  public long approximateBytes() {
    return approximateBytes.get();
  }
}
