package dev.quaver.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Memtable} must do, checked against a TreeMap of internal keys: ascending runs
 * (a finger list's fast path), random order, sorted WriteSets, rewrites of one version, range
 * removal, and readers during writes. One subclass per implementation supplies the table.
 */
abstract class MemtableContractTest {
  /** A new, empty memtable of the implementation under test. */
  protected abstract Memtable newTable();
  private static byte[] key(int k) {
    return ByteBuffer.allocate(4).putInt(k ^ Integer.MIN_VALUE).array();
  }

  private static final class Model {
    final TreeMap<InternalKey, byte[]> entries = new TreeMap<>(InternalKey.ORDER);

    void apply(long sequence, byte[] key, byte[] value) {
      entries.put(new InternalKey(key, sequence), value);
    }

    byte[] get(byte[] key, long snapshot) {
      Map.Entry<InternalKey, byte[]> e = entries.ceilingEntry(new InternalKey(key, snapshot));
      return e != null && Arrays.equals(e.getKey().userKey(), key) ? e.getValue() : null;
    }
  }

  private static void assertSame(Memtable table, Model model, byte[] from, byte[] to) {
    List<String> actual = new ArrayList<>();
    InternalIterator it = table.iterator(from, to);
    while (it.next()) {
      actual.add(Arrays.toString(it.key()) + "@" + it.sequence() + "=" + Arrays.toString(it.value()));
    }
    List<String> expected = new ArrayList<>();
    var range = to == null ? model.entries.tailMap(new InternalKey(from, Long.MAX_VALUE), true)
        : model.entries.subMap(new InternalKey(from, Long.MAX_VALUE), true, new InternalKey(to, Long.MAX_VALUE), false);
    range.forEach((k, v) -> expected.add(Arrays.toString(k.userKey()) + "@" + k.sequence() + "=" + Arrays.toString(v)));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void randomWorkloadMatchesTreeMap() {
    long seed = System.nanoTime();
    System.out.println(getClass().getSimpleName() + " seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    Memtable table = newTable();
    Model model = new Model();
    long sequence = 0;
    for (int round = 0; round < 400; round++) {
      sequence++;
      WriteSet writes = new WriteSet();
      int n = random.nextInt(1, 60);
      boolean ascending = random.nextBoolean();
      int base = random.nextInt(0, 5000);
      for (int i = 0; i < n; i++) {
        int k = ascending ? base + i * random.nextInt(1, 4) : random.nextInt(0, 5000);
        byte[] value = {(byte) round, (byte) i};
        if (random.nextInt(10) == 0) {
          writes.delete(key(k));
          model.apply(sequence, key(k), Memtable.TOMBSTONE);
        } else {
          writes.put(key(k), value);
          model.apply(sequence, key(k), value);
        }
      }
      writes.applyTo(table, sequence);
      if (random.nextInt(50) == 0) {
        int a = random.nextInt(0, 5000);
        int b = a + random.nextInt(0, 500);
        table.removeRange(key(a), key(b));
        model.entries.subMap(new InternalKey(key(a), Long.MAX_VALUE), true,
            new InternalKey(key(b), Long.MAX_VALUE), false).clear();
      }
      for (int probe = 0; probe < 20; probe++) {
        byte[] k = key(random.nextInt(0, 5000));
        long snapshot = random.nextLong(0, sequence + 1);
        assertThat(table.get(k, snapshot)).isEqualTo(model.get(k, snapshot));
        Map.Entry<InternalKey, byte[]> newest = model.entries.ceilingEntry(new InternalKey(k, Long.MAX_VALUE));
        long latest = newest != null && Arrays.equals(newest.getKey().userKey(), k) ? newest.getKey().sequence() : 0;
        assertThat(table.latestSequence(k)).isEqualTo(latest);
      }
    }
    assertSame(table, model, key(0), null);
    assertSame(table, model, key(1000), key(2000));
    assertThat(table.isEmpty()).isEqualTo(model.entries.isEmpty());
  }

  @Test
  void sameVersionTwiceKeepsTheLaterValue() {
    Memtable table = newTable();
    WriteSet writes = new WriteSet();
    writes.put(key(5), new byte[] {1});
    writes.put(key(3), new byte[] {2});
    writes.put(key(5), new byte[] {3});
    writes.applyTo(table, 7);
    assertThat(table.get(key(5), 7)).containsExactly(3);
    assertThat(table.get(key(3), 7)).containsExactly(2);
    assertThat(table.get(key(5), 6)).isNull();
    InternalIterator it = table.iterator(key(0), null);
    int count = 0;
    while (it.next()) {
      count++;
    }
    assertThat(count).isEqualTo(2);
  }

  @Test
  void removeRangeEmptiesAndAccountsBytes() {
    Memtable table = newTable();
    assertThat(table.isEmpty()).isTrue();
    for (int i = 0; i < 100; i++) {
      table.apply(1, key(i), new byte[10]);
    }
    assertThat(table.approximateBytes()).isPositive();
    table.removeRange(key(0), key(100));
    assertThat(table.isEmpty()).isTrue();
    assertThat(table.approximateBytes()).isZero();
    table.apply(2, key(50), new byte[1]);
    assertThat(table.get(key(50), 2)).hasSize(1);
  }

  /**
   * A reader must not miss a published key while the writer links a smaller one right before it
   * (a second read of the level-0 link returned that one: a transient miss in a few percent of
   * such runs before the fix, so this repeats).
   */
  @Test
  void readersSeeEveryPublishedVersionDuringWrites() throws Exception {
    for (int round = 0; round < 4; round++) {
      readersSeeEveryPublishedVersion();
    }
  }

  private void readersSeeEveryPublishedVersion() throws Exception {
    Memtable table = newTable();
    int rows = 200_000;
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicLong published = new java.util.concurrent.atomic.AtomicLong();
    Thread reader = new Thread(() -> {
      SplittableRandom random = new SplittableRandom(1);
      try {
        while (!done.get()) {
          long upTo = published.get();
          if (upTo == 0) {
            continue;
          }
          int k = (int) random.nextLong(0, upTo);
          // Every key below the published count was written with sequence key + 1.
          byte[] value = table.get(key(k * 2), Long.MAX_VALUE);
          if (value == null || value[0] != (byte) k) {
            throw new AssertionError("key " + k + " missing at " + upTo);
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    reader.start();
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < rows; i++) {
      // Mostly ascending, sometimes a key between earlier ones.
      if (random.nextInt(8) == 0) {
        table.apply(i + 1, key(random.nextInt(0, Math.max(1, i)) * 2 + 1), new byte[] {0});
      }
      table.apply(i + 1, key(i * 2), new byte[] {(byte) i});
      published.set(i + 1);
    }
    done.set(true);
    reader.join();
    assertThat(failure.get()).isNull();
  }
}
