package dev.quaver.executor.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Gathered strings ({@link StringGather}) equal the column's values at the positions: lengths 0
 * to 40 (around the 8- and 16-byte whole-long copies), non-ASCII, runs of consecutive positions,
 * repeats, the last values of the column (no spare bytes after them in the source), negative
 * positions and NULLs; no Arrow memory left behind.
 */
class StringGatherTest {
  private final SplittableRandom random = new SplittableRandom(11);

  @Test
  void gathersRandomPositionsAndRuns() {
    try (BufferAllocator allocator = new RootAllocator()) {
      for (int round = 0; round < 200; round++) {
        boolean withNulls = round % 2 == 0;
        int size = random.nextInt(1, 300);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          values.add(withNulls && random.nextInt(6) == 0 ? null : word(random.nextInt(41)));
        }
        HeapColumn column = HeapColumn.empty(ArrowTypes.field("c", ColumnType.TEXT));
        try (FieldVector vector = vector(values, allocator)) {
          column.append(vector, size);
        }
        int count = random.nextInt(0, 400);
        int[] positions = new int[count + 3];
        for (int k = 0; k < positions.length; ) {
          int row = random.nextInt(size);
          int run = random.nextInt(4) == 0 ? random.nextInt(1, 20) : 1;
          for (int r = 0; r < run && k < positions.length; r++, k++) {
            positions[k] = withNulls && random.nextInt(10) == 0 ? -1 : Math.min(row + r, size - 1);
          }
        }
        try (FieldVector gathered = column.gather(positions, 3, count, allocator)) {
          assertThat(gathered.getValueCount()).isEqualTo(count);
          for (int k = 0; k < count; k++) {
            int row = positions[3 + k];
            Object expected = row < 0 ? null : values.get(row);
            assertThat(ArrowTypes.get(gathered, k, ColumnType.TEXT)).as("round %d k %d", round, k)
                .isEqualTo(expected);
          }
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  private String word(int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(random.nextInt(8) == 0 ? 'é' : (char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  private static FieldVector vector(List<Object> values, BufferAllocator allocator) {
    FieldVector vector = ArrowTypes.field("c", ColumnType.TEXT).createVector(allocator);
    vector.allocateNew();
    for (int i = 0; i < values.size(); i++) {
      ArrowTypes.set(vector, i, ColumnType.TEXT, values.get(i));
    }
    vector.setValueCount(values.size());
    return vector;
  }
}
