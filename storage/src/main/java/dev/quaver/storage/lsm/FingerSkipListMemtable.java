package dev.quaver.storage.lsm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memtable: a skip list for exactly one writer (the store's commit lock) and lock-free
 * readers, with a <em>finger</em>: the writer remembers the predecessors of its last insert, so a
 * run of inserts in ascending order (a commit's writes, sorted by {@link WriteSet#applyTo}) finds
 * each position by walking up from the last one instead of searching from the head. For a
 * 1000-row batch the general {@link java.util.concurrent.ConcurrentSkipListMap} (a CAS per level,
 * a search from the top and an {@link InternalKey} object per entry) was a third of the server's
 * CPU per row (docs/bench-jdbc-inserts.md); here an insert next to the previous one costs two
 * key comparisons.
 *
 * <p>Order: user key (unsigned bytes), then sequence descending, as {@link InternalKey#ORDER}.
 * Publication: a node's forward pointers are set before it is linked; links are release-stores
 * and reads acquire-loads, level 0 first, so a reader sees a node completely or not at all. A
 * version applied twice with the same sequence (a commit writing one key twice) replaces the
 * value, as a map would.
 *
 * <p>Thread safety: {@link #apply} and {@link #removeRange} from one thread at a time (the
 * store's commit lock, or recovery); every other method from any thread, concurrently.
 */
public final class FingerSkipListMemtable implements Memtable {
  private static final int MAX_LEVEL = 16;
  private static final int ENTRY_OVERHEAD_BYTES = 64;
  private static final VarHandle NEXT = MethodHandles.arrayElementVarHandle(Node[].class);

  private static final class Node {
    final byte[] key;
    final long sequence;
    volatile byte[] value;
    final Node[] next;

    Node(byte[] key, long sequence, byte[] value, int levels) {
      this.key = key;
      this.sequence = sequence;
      this.value = value;
      this.next = new Node[levels];
    }
  }

  private final Node head = new Node(null, 0, null, MAX_LEVEL);
  private final AtomicLong approximateBytes = new AtomicLong();
  private volatile int levels = 1;
  private volatile boolean empty = true;

  // Writer state (commit lock): the predecessors of the last insert at every level, and that node.
  private final Node[] finger = new Node[MAX_LEVEL];
  private Node last;
  private int random = 0x2545F491;

  public FingerSkipListMemtable() {
    Arrays.fill(finger, head);
  }

  @Override
  public void apply(long sequence, byte[] key, byte[] value) {
    int top = levels - 1;
    if (last != null && compare(last, key, sequence) < 0) {
      // Ascending after the last insert: climb while the finger's successor is still below the
      // key, then search down from there (finger[i] < key at every level).
      int from = 0;
      while (from < top && precedes(finger[from + 1], from + 1, key, sequence)) {
        from++;
      }
      search(key, sequence, from, finger[from]);
    } else {
      search(key, sequence, top, head);
    }
    Node successor = finger[0].next[0];
    if (successor != null && successor.sequence == sequence && Arrays.equals(successor.key, key)) {
      byte[] old = successor.value;
      successor.value = value;
      approximateBytes.addAndGet(value.length - old.length);
      last = successor;
      return;
    }
    int height = randomLevel();
    Node node = new Node(key, sequence, value, height);
    if (height > levels) {
      for (int i = levels; i < height; i++) {
        finger[i] = head;
      }
    }
    for (int i = 0; i < height; i++) {
      node.next[i] = finger[i].next[i];
    }
    for (int i = 0; i < height; i++) {
      NEXT.setRelease(finger[i].next, i, node);
      finger[i] = node;
    }
    if (height > levels) {
      levels = height;
    }
    last = node;
    empty = false;
    approximateBytes.addAndGet(key.length + value.length + ENTRY_OVERHEAD_BYTES);
  }

  /**
   * Sets {@code finger[level..0]} to the last node before (key, sequence) at each level,
   * starting at {@code start} on {@code level} ({@code start} precedes the key).
   */
  private void search(byte[] key, long sequence, int level, Node start) {
    Node x = start;
    for (int i = level; i >= 0; i--) {
      for (Node next = x.next[i]; next != null && compare(next, key, sequence) < 0; next = x.next[i]) {
        x = next;
      }
      finger[i] = x;
    }
  }

  /** Whether {@code x}'s successor on {@code level} is still before (key, sequence). */
  private static boolean precedes(Node x, int level, byte[] key, long sequence) {
    Node next = x.next[level];
    return next != null && compare(next, key, sequence) < 0;
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

  @Override
  public void removeRange(byte[] from, byte[] to) {
    last = null; // the finger may point at removed nodes
    Node x = head;
    Node[] before = new Node[MAX_LEVEL];
    for (int i = levels - 1; i >= 0; i--) {
      for (Node next = x.next[i]; next != null && compare(next, from, Long.MAX_VALUE) < 0; next = x.next[i]) {
        x = next;
      }
      before[i] = x;
    }
    long freed = 0;
    for (Node n = before[0].next[0]; n != null && compare(n, to, Long.MAX_VALUE) < 0; n = n.next[0]) {
      freed += n.key.length + n.value.length + ENTRY_OVERHEAD_BYTES;
    }
    // Unlink top-down: a reader standing on a removed node still finds its way forward.
    for (int i = levels - 1; i >= 0; i--) {
      Node next = before[i].next[i];
      while (next != null && compare(next, to, Long.MAX_VALUE) < 0) {
        next = next.next[i];
      }
      NEXT.setRelease(before[i].next, i, next);
    }
    Arrays.fill(finger, head);
    approximateBytes.addAndGet(-freed);
  }

  /** -1, 0, 1 as node (key, sequence) orders before, equal to, after (key, sequence). */
  private static int compare(Node node, byte[] key, long sequence) {
    int c = Arrays.compareUnsigned(node.key, key);
    return c != 0 ? c : Long.compare(sequence, node.sequence);
  }

  /** The first node at or after (key, sequence), for readers. */
  private Node ceiling(byte[] key, long sequence) {
    Node x = head;
    Node next = null;
    for (int i = levels - 1; i >= 0; i--) {
      next = (Node) NEXT.getAcquire(x.next, i);
      while (next != null && compare(next, key, sequence) < 0) {
        x = next;
        next = (Node) NEXT.getAcquire(x.next, i);
      }
    }
    // The successor found at level 0, not a second read of the link: the writer may have linked
    // a smaller node after x since, and returning that one would miss the key.
    return next;
  }

  @Override
  public byte[] get(byte[] key, long snapshot) {
    Node node = ceiling(key, snapshot);
    return node != null && Arrays.equals(node.key, key) ? node.value : null;
  }

  @Override
  public long latestSequence(byte[] key) {
    Node node = ceiling(key, Long.MAX_VALUE);
    return node != null && Arrays.equals(node.key, key) ? node.sequence : 0;
  }

  @Override
  public Cursor scan(byte[] from, byte[] to, long snapshot) {
    return new VisibleCursor(iterator(from, to), snapshot, () -> { });
  }

  @Override
  public InternalIterator iterator(byte[] from, byte[] to) {
    Node first = ceiling(from, Long.MAX_VALUE);
    return new InternalIterator() {
      private Node pending = first;
      private Node current;

      @Override
      public boolean next() {
        Node n = pending;
        if (n == null || (to != null && Arrays.compareUnsigned(n.key, to) >= 0)) {
          current = null;
          pending = null;
          return false;
        }
        current = n;
        pending = (Node) NEXT.getAcquire(n.next, 0);
        return true;
      }

      @Override
      public byte[] key() {
        return current.key;
      }

      @Override
      public long sequence() {
        return current.sequence;
      }

      @Override
      public byte[] value() {
        return current.value;
      }
    };
  }

  @Override
  public boolean isEmpty() {
    return empty || NEXT.getAcquire(head.next, 0) == null;
  }

  @Override
  public long approximateBytes() {
    return approximateBytes.get();
  }
}
