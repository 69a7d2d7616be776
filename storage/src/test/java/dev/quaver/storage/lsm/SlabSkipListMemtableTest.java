package dev.quaver.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The {@link Memtable} contract for the slab skip list (the arena list with key and value bytes
 * copied into slabs), plus what only it does: entries larger than a slab, slab boundaries,
 * tombstones and empty values told apart, rewrites of one version, and copies handed to readers.
 */
class SlabSkipListMemtableTest extends MemtableContractTest {
  @Override
  protected Memtable newTable() {
    return new SlabSkipListMemtable();
  }

  @Test
  void entriesAcrossSlabBoundariesAndLargerThanASlab() {
    SlabSkipListMemtable table = new SlabSkipListMemtable();
    byte[] big = new byte[SlabSkipListMemtable.SLAB_BYTES + 17];
    Arrays.fill(big, (byte) 7);
    int n = 5000;
    for (int i = 0; i < n; i++) {
      byte[] value = new byte[i % 3 == 0 ? 700 : 40];
      Arrays.fill(value, (byte) i);
      table.apply(i + 1, key(i), i == 2500 ? big : value);
    }
    for (int i = 0; i < n; i++) {
      byte[] value = table.get(key(i), Long.MAX_VALUE);
      assertThat(value).as("key %d", i).hasSize(i == 2500 ? big.length : i % 3 == 0 ? 700 : 40);
      assertThat(value[value.length - 1]).isEqualTo(i == 2500 ? (byte) 7 : (byte) i);
    }
  }

  @Test
  void tombstonesEmptyValuesRewritesAndCopies() {
    SlabSkipListMemtable table = new SlabSkipListMemtable();
    table.apply(5, key(1), Memtable.TOMBSTONE);
    table.apply(5, key(2), new byte[0]);
    table.apply(5, key(3), new byte[] {1, 2, 3});
    assertThat(table.get(key(1), 10)).isSameAs(Memtable.TOMBSTONE);
    assertThat(table.get(key(2), 10)).isNotSameAs(Memtable.TOMBSTONE).isEmpty();
    byte[] read = table.get(key(3), 10);
    read[0] = 9; // a copy: the memtable is unchanged
    assertThat(table.get(key(3), 10)).containsExactly(1, 2, 3);
    table.apply(5, key(3), Memtable.TOMBSTONE); // same key and sequence: a rewrite
    assertThat(table.get(key(3), 10)).isSameAs(Memtable.TOMBSTONE);
    table.apply(5, key(1), new byte[] {4});
    assertThat(table.get(key(1), 10)).containsExactly(4);
    assertThat(table.latestSequence(key(1))).isEqualTo(5);
    InternalIterator it = table.iterator(key(0), null);
    StringBuilder seen = new StringBuilder();
    while (it.next()) {
      assertThat(it.key()).isSameAs(it.key());
      seen.append(new String(it.key())).append('=')
          .append(it.value() == Memtable.TOMBSTONE ? "x" : Arrays.toString(it.value())).append(' ');
    }
    assertThat(seen.toString()).isEqualTo("k000001=[4] k000002=[] k000003=x ");
  }

  private static byte[] key(int i) {
    return String.format("k%06d", i).getBytes();
  }
}
