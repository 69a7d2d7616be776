package dev.quaver.storage.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** KeyFilter: never a false negative; exact as a bitset; few false positives as a Bloom filter. */
class KeyFilterTest {
  @Test
  void denseKeysMakeAnExactBitset() {
    long[] keys = new long[8000];
    Set<Long> set = new HashSet<>();
    Random random = new Random(1);
    for (int i = 0; i < keys.length; i++) {
      keys[i] = 1 + random.nextInt(200_000);
      set.add(keys[i]);
    }
    KeyFilter filter = KeyFilter.of(keys, keys.length);
    assertThat(filter.exact()).isTrue();
    assertThat(filter.bytes()).isLessThanOrEqualTo(200_000 / 8 + 8);
    for (long k = -5; k < 200_010; k++) {
      assertThat(filter.mayContain(k)).as("key %d", k).isEqualTo(set.contains(k));
    }
  }

  @Test
  void sparseKeysMakeABloomFilterWithoutFalseNegatives() {
    long[] keys = new long[10_000];
    Set<Long> set = new HashSet<>();
    Random random = new Random(2);
    for (int i = 0; i < keys.length; i++) {
      keys[i] = random.nextLong();
      set.add(keys[i]);
    }
    KeyFilter filter = KeyFilter.of(keys, keys.length);
    assertThat(filter.exact()).isFalse();
    for (long key : keys) {
      assertThat(filter.mayContain(key)).isTrue();
    }
    int falsePositives = 0;
    int probes = 200_000;
    for (int i = 0; i < probes; i++) {
      long key = random.nextLong();
      if (!set.contains(key) && filter.mayContain(key)) {
        falsePositives++;
      }
    }
    assertThat(falsePositives).as("false positives of %d", probes).isLessThan(probes / 20);
  }

  @Test
  void extremeKeysAndDuplicates() {
    long[] keys = {Long.MIN_VALUE, Long.MAX_VALUE, 0, 0, Long.MAX_VALUE};
    KeyFilter filter = KeyFilter.of(keys, keys.length);
    assertThat(filter.mayContain(Long.MIN_VALUE)).isTrue();
    assertThat(filter.mayContain(Long.MAX_VALUE)).isTrue();
    assertThat(filter.mayContain(0)).isTrue();
    assertThat(filter.min()).isEqualTo(Long.MIN_VALUE);
    assertThat(filter.max()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void selectKeepsTheRowsMayContainAccepts() {
    Random random = new Random(3);
    for (long spread : new long[] {1000, 1L << 40}) {
      long[] keys = random.longs(300, -spread, spread).toArray();
      KeyFilter filter = KeyFilter.of(keys, 100);
      int[] rows = new int[300];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = i;
      }
      int n = filter.select(keys, rows, rows.length);
      int expected = 0;
      for (int i = 0; i < keys.length; i++) {
        if (filter.mayContain(keys[i])) {
          assertThat(rows[expected++]).isEqualTo(i);
        }
      }
      assertThat(n).isEqualTo(expected).isGreaterThanOrEqualTo(100);
    }
    assertThat(KeyFilter.of(new long[0], 0).select(new long[] {0}, new int[] {0}, 1)).isZero();
  }

  @Test
  void emptySetContainsNothing() {
    KeyFilter filter = KeyFilter.of(new long[0], 0);
    assertThat(filter.empty()).isTrue();
    assertThat(filter.mayContain(0)).isFalse();
    assertThat(filter.mayContain(1)).isFalse();
    KeyFilter one = KeyFilter.of(new long[] {42}, 1);
    assertThat(one.mayContain(42)).isTrue();
    assertThat(one.mayContain(41)).isFalse();
  }
}
