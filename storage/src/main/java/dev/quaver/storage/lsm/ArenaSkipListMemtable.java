package dev.quaver.storage.lsm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memtable ({@link Memtable#create}): {@link FingerSkipListMemtable}'s skip
 * list (one writer under the commit lock, a finger for ascending runs, lock-free readers), with
 * its nodes in arenas instead of objects. A node is an int id into chunks of
 * {@value #CHUNK_NODES} nodes, each chunk holding the nodes' key and value references, sequences
 * and tower offsets in arrays, and their forward links in one int array (0 = none; node 0 is the
 * head). An insert allocates nothing of its own (the finger list allocates a node object and a
 * link array per entry: 56 vs 26 bytes per entry amortized, measured), and the memtable retains
 * two objects per entry (the caller's key and value arrays, kept without a copy) instead of four
 * until its flush. The extra indirections make applies and gets 10-25% slower in the writing
 * thread, but the young collections no longer copy and promote four small objects per entry:
 * whole-process CPU per row of a batch load went down (docs/storage-bench.md), so it is the
 * default since 2026-11-28 evening.
 *
 * <p>Publication: a node's key, sequence, value and links are written before the node is linked;
 * links are release-stores and reads acquire-loads (level 0 last), and a new chunk is installed in
 * the directory before any node in it is linked, so a reader that reached a node id sees its
 * chunk and its fields. A rewritten value (same key and sequence) is a release-store too.
 *
 * <p>Thread safety: {@link #apply} and {@link #removeRange} from one thread at a time (the
 * store's commit lock, or recovery); every other method from any thread, concurrently.
 */
public final class ArenaSkipListMemtable implements Memtable {
  static final int CHUNK_SHIFT = 10;
  static final int CHUNK_NODES = 1 << CHUNK_SHIFT;
  private static final int SLOT_MASK = CHUNK_NODES - 1;
  private static final int MAX_LEVEL = 16;
  /** Links per chunk: heights average 4/3, so this rarely ends a chunk before its nodes do. */
  private static final int CHUNK_LINKS = CHUNK_NODES * 3 / 2 + MAX_LEVEL;
  /** Bytes counted per entry besides key and value, for the flush trigger (as the finger list). */
  private static final int ENTRY_OVERHEAD_BYTES = 64;
  private static final VarHandle LINK = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle VALUE = MethodHandles.arrayElementVarHandle(byte[][].class);

  /** Up to {@value #CHUNK_NODES} nodes: their fields by slot, their links in {@code links}. */
  private static final class Chunk {
    final byte[][] keys = new byte[CHUNK_NODES][];
    final byte[][] values = new byte[CHUNK_NODES][];
    final long[] sequences = new long[CHUNK_NODES];
    final int[] towers = new int[CHUNK_NODES];
    final int[] links = new int[CHUNK_LINKS];
    int usedSlots;
    int usedLinks;
  }

  /** Chunks by index; replaced by a larger copy when full (readers re-read the field). */
  private volatile Chunk[] chunks = new Chunk[4];
  private final AtomicLong approximateBytes = new AtomicLong();
  private volatile int levels = 1;
  private volatile boolean empty = true;

  // Writer state (commit lock).
  private int chunkCount;
  private final int[] finger = new int[MAX_LEVEL];
  private int last = -1;
  private int random = 0x2545F491;

  public ArenaSkipListMemtable() {
    Chunk first = new Chunk();
    chunks[0] = first;
    chunkCount = 1;
    first.usedSlots = 1; // node 0: the head, with every level
    first.usedLinks = MAX_LEVEL;
  }

  private Chunk chunkOf(int node) {
    return chunks[node >>> CHUNK_SHIFT];
  }

  /** The successor of {@code node} on {@code level} (0 = none), acquire. */
  private int next(int node, int level) {
    Chunk chunk = chunkOf(node);
    return (int) LINK.getAcquire(chunk.links, chunk.towers[node & SLOT_MASK] + level);
  }

  private byte[] keyOf(int node) {
    return chunkOf(node).keys[node & SLOT_MASK];
  }

  private long sequenceOf(int node) {
    return chunkOf(node).sequences[node & SLOT_MASK];
  }

  private byte[] valueOf(int node) {
    Chunk chunk = chunkOf(node);
    return (byte[]) VALUE.getAcquire(chunk.values, node & SLOT_MASK);
  }

  /** -1, 0, 1 as node (key, sequence) orders before, equal to, after (key, sequence). */
  private int compare(int node, byte[] key, long sequence) {
    Chunk chunk = chunkOf(node);
    int slot = node & SLOT_MASK;
    int c = Arrays.compareUnsigned(chunk.keys[slot], key);
    return c != 0 ? c : Long.compare(sequence, chunk.sequences[slot]);
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
    if (successor != 0 && sequenceOf(successor) == sequence && Arrays.equals(keyOf(successor), key)) {
      byte[] old = valueOf(successor);
      VALUE.setRelease(chunkOf(successor).values, successor & SLOT_MASK, value);
      approximateBytes.addAndGet(value.length - old.length);
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

  /** A node not yet linked: its fields set, its tower reserved in the current chunk. */
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
    int slot = chunk.usedSlots++;
    chunk.keys[slot] = key;
    chunk.sequences[slot] = sequence;
    chunk.values[slot] = value;
    chunk.towers[slot] = chunk.usedLinks;
    chunk.usedLinks += height;
    return ((chunkCount - 1) << CHUNK_SHIFT) | slot;
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
      freed += keyOf(n).length + valueOf(n).length + ENTRY_OVERHEAD_BYTES;
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
    return node != 0 && Arrays.equals(keyOf(node), key) ? valueOf(node) : null;
  }

  @Override
  public long latestSequence(byte[] key) {
    int node = ceiling(key, Long.MAX_VALUE);
    return node != 0 && Arrays.equals(keyOf(node), key) ? sequenceOf(node) : 0;
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

      @Override
      public boolean next() {
        int n = pending;
        if (n == 0) {
          return false;
        }
        byte[] key = keyOf(n);
        if (to != null && Arrays.compareUnsigned(key, to) >= 0) {
          pending = 0;
          return false;
        }
        current = n;
        currentKey = key;
        pending = ArenaSkipListMemtable.this.next(n, 0);
        return true;
      }

      @Override
      public byte[] key() {
        return currentKey;
      }

      @Override
      public long sequence() {
        return sequenceOf(current);
      }

      @Override
      public byte[] value() {
        return valueOf(current);
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
