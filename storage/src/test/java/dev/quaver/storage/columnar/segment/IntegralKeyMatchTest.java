package dev.quaver.storage.columnar.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IntegralKeyMatch finds exactly the rows whose INTEGER or BIGINT primary key is among the
 * changed row keys, negative values included, in segments written in key order; and it applies
 * only to a table keyed by one such column without a sort key.
 */
class IntegralKeyMatchTest {
  @TempDir Path directory;

  @Test
  void matchesTheRowsOfTheChangedKeys() throws Exception {
    long seed = Long.getLong("quaver.test.seed", System.nanoTime());
    System.out.println("IntegralKeyMatchTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 12; round++) {
      boolean wide = round % 2 == 1;
      ColumnType type = wide ? ColumnType.BIGINT : ColumnType.INTEGER;
      TableDef table = new TableDef(5, "T", List.of(new ColumnDef("ID", type, false, null),
          new ColumnDef("V", ColumnType.INTEGER, true, null)), List.of(0), List.of(), 4,
          List.of());
      assertThat(IntegralKeyMatch.keyColumn(table)).isZero();
      TreeSet<Long> ids = new TreeSet<>();
      int rows = 1 + random.nextInt(900);
      while (ids.size() < rows) {
        ids.add(wide ? random.nextLong() >> random.nextInt(60)
            : (long) (random.nextInt() >> random.nextInt(30)));
      }
      SegmentWriter writer = new SegmentWriter(5, 0, List.of("ID", "V"), List.of(type,
          ColumnType.INTEGER), new SegmentOptions(1 + random.nextInt(100), 100_000, 10,
          SegmentOptions.Codec.LZ4_FRAME));
      List<Long> order = new ArrayList<>(ids);
      for (long id : order) {
        Object[] row = {wide ? (Object) id : (Object) (int) id, 1};
        writer.add(row, KeySpace.primaryKey(table, row));
      }
      Path file = directory.resolve("seg-" + round + ".arrow");
      SegmentFile written;
      try (BufferAllocator allocator = new RootAllocator()) {
        written = writer.write(file, round, allocator);
      }
      TreeSet<Long> wanted = new TreeSet<>();
      for (long id : order) {
        if (random.nextInt(10) == 0) {
          wanted.add(id);
        }
      }
      for (int i = random.nextInt(10); i > 0; i--) {
        wanted.add(wide ? random.nextLong() : (long) random.nextInt()); // mostly absent
      }
      byte[][] keys = new byte[wanted.size()][];
      int k = 0;
      for (long id : wanted) {
        keys[k++] = KeySpace.primaryKey(table, new Object[] {wide ? (Object) id : (Object) (int) id, 1});
      }
      long[] values = IntegralKeyMatch.values(keys, type);
      assertThat(values).containsExactly(wanted.stream().mapToLong(Long::longValue).toArray());
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        if (wanted.contains(order.get(i))) {
          expected.add(i);
        }
      }
      SegmentReader reader = SegmentReader.open(file, written.crc());
      List<Integer> found = new ArrayList<>();
      try (BufferAllocator allocator = new RootAllocator()) {
        IntegralKeyMatch.matchingRows(reader, 0, type, values, keys, 2, allocator, found::add);
        assertThat(allocator.getAllocatedMemory()).isZero();
      }
      assertThat(found).as("round %d", round).isEqualTo(expected);
    }
  }

  @Test
  void appliesOnlyToOneIntegralKeyWithoutSortKey() {
    List<ColumnDef> columns = List.of(new ColumnDef("ID", ColumnType.INTEGER, false, null),
        new ColumnDef("S", ColumnType.varchar(5), false, null));
    assertThat(IntegralKeyMatch.keyColumn(new TableDef(1, "A", columns, List.of(1), List.of(), 4,
        List.of()))).isEqualTo(-1);
    assertThat(IntegralKeyMatch.keyColumn(new TableDef(1, "B", columns, List.of(0, 1), List.of(),
        4, List.of()))).isEqualTo(-1);
    assertThat(IntegralKeyMatch.keyColumn(new TableDef(1, "C", columns, List.of(0), List.of(), 4,
        List.of(), List.of(1)))).isEqualTo(-1);
  }
}
