package dev.quaver.storage.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/** Bulk run copies against value-by-value copyFromSafe, with and without NULLs, at odd offsets. */
class VectorRunsTest {
  @Test
  void runCopiesMatchValueByValueCopies() {
    Random random = new Random(7);
    try (BufferAllocator allocator = new RootAllocator()) {
      for (int round = 0; round < 40; round++) {
        boolean nulls = round % 2 == 0;
        int size = 1 + random.nextInt(300);
        try (IntVector ints = new IntVector("i", allocator);
            BigIntVector longs = new BigIntVector("l", allocator);
            VarCharVector text = new VarCharVector("t", allocator)) {
          for (int i = 0; i < size; i++) {
            if (nulls && random.nextInt(4) == 0) {
              ints.setNull(i);
              longs.setNull(i);
              text.setNull(i);
            } else {
              ints.setSafe(i, random.nextInt());
              longs.setSafe(i, random.nextLong());
              text.setSafe(i, ("v" + random.nextInt(99)).getBytes(StandardCharsets.UTF_8));
            }
          }
          ints.setValueCount(size);
          longs.setValueCount(size);
          text.setValueCount(size);
          check(ints, random, allocator);
          check(longs, random, allocator);
          check(text, random, allocator);
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  private static void check(FieldVector source, Random random, BufferAllocator allocator) {
    int size = source.getValueCount();
    try (FieldVector bulk = source.getField().createVector(allocator);
        FieldVector single = source.getField().createVector(allocator)) {
      bulk.allocateNew();
      single.allocateNew();
      int at = 0;
      for (int pieces = 0; pieces < 6; pieces++) {
        int from = random.nextInt(size);
        int count = random.nextInt(size - from + 1);
        VectorRuns.copy(source, from, bulk, at, count);
        for (int i = 0; i < count; i++) {
          single.copyFromSafe(from + i, at + i, source);
        }
        at += count;
      }
      bulk.setValueCount(at);
      single.setValueCount(at);
      for (int i = 0; i < at; i++) {
        assertThat(bulk.getObject(i)).as("row " + i).isEqualTo(single.getObject(i));
      }
    }
  }
}
