package dev.quaver.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The merge in internal-key order (key ascending, sequence descending) over sources that
 * interleave entry by entry, run one after another (appends), or mix both; with the leading
 * source kept outside the heap and with {@code quaver.merge.heapOnly}.
 */
class MergingIteratorTest {
  private record Entry(byte[] key, long sequence) {}

  private static final Comparator<Entry> ORDER = (a, b) -> {
    int c = Arrays.compareUnsigned(a.key(), b.key());
    return c != 0 ? c : Long.compare(b.sequence(), a.sequence());
  };

  /** An iterator over entries already in internal-key order. */
  private static final class ListIterator implements InternalIterator {
    private final List<Entry> entries;
    private int at = -1;

    ListIterator(List<Entry> entries) {
      this.entries = entries;
    }

    @Override
    public boolean next() {
      return ++at < entries.size();
    }

    @Override
    public byte[] key() {
      return entries.get(at).key();
    }

    @Override
    public long sequence() {
      return entries.get(at).sequence();
    }

    @Override
    public byte[] value() {
      return Long.toString(entries.get(at).sequence()).getBytes();
    }
  }

  @Test
  void randomSourcesMergeInInternalKeyOrder() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      int sourceCount = 1 + random.nextInt(6);
      List<List<Entry>> sources = new ArrayList<>();
      List<Entry> all = new ArrayList<>();
      long sequence = 1;
      int shape = round % 3; // 0 interleaved, 1 runs (appends), 2 runs with overlaps
      int base = 0;
      for (int s = 0; s < sourceCount; s++) {
        List<Entry> entries = new ArrayList<>();
        int count = random.nextInt(40);
        for (int i = 0; i < count; i++) {
          int key = switch (shape) {
            case 0 -> random.nextInt(50);
            case 1 -> base + i;
            default -> base + i - random.nextInt(3);
          };
          entries.add(new Entry(new byte[] {(byte) (key >> 8), (byte) key}, sequence++));
        }
        base += count;
        entries.sort(ORDER);
        sources.add(entries);
        all.addAll(entries);
      }
      all.sort(ORDER);
      for (boolean heapOnly : new boolean[] {false, true}) {
        assertThat(merge(sources, heapOnly)).as("round %d heapOnly %s", round, heapOnly)
            .containsExactlyElementsOf(keysOf(all));
      }
    }
  }

  private static List<String> merge(List<List<Entry>> sources, boolean heapOnly) {
    List<InternalIterator> iterators = new ArrayList<>();
    for (List<Entry> entries : sources) {
      iterators.add(new ListIterator(entries));
    }
    if (heapOnly) {
      System.setProperty("quaver.merge.heapOnly", "true");
    }
    MergingIterator merged;
    try {
      merged = new MergingIterator(iterators);
    } finally {
      System.clearProperty("quaver.merge.heapOnly");
    }
    List<String> out = new ArrayList<>();
    while (merged.next()) {
      assertThat(new String(merged.value())).isEqualTo(Long.toString(merged.sequence()));
      out.add(Arrays.toString(merged.key()) + "@" + merged.sequence());
    }
    assertThat(merged.next()).isFalse();
    return out;
  }

  private static List<String> keysOf(List<Entry> entries) {
    List<String> out = new ArrayList<>();
    for (Entry entry : entries) {
      out.add(Arrays.toString(entry.key()) + "@" + entry.sequence());
    }
    return out;
  }
}
