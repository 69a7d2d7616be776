package dev.quaver.storage.columnar.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KeyMatch finds exactly the rows whose key is in the sorted key set, for segments in row-key
 * order (binary search) and in another order (hash probe), with keys of varied lengths
 * (eight-byte comparisons plus tails, keys that are prefixes of others).
 */
class KeyMatchTest {
  @TempDir Path directory;

  @Test
  void matchesTheRowsWhoseKeyIsInTheSetInEitherOrder() throws Exception {
    long seed = Long.getLong("quaver.test.seed", System.nanoTime());
    System.out.println("KeyMatchTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 16; round++) {
      TreeSet<byte[]> unique = new TreeSet<>(Arrays::compareUnsigned);
      int rows = 1 + random.nextInt(700);
      while (unique.size() < rows) {
        unique.add(randomKey(random));
      }
      List<byte[]> keys = new ArrayList<>(unique);
      boolean ordered = round % 2 == 0;
      if (!ordered) {
        Collections.shuffle(keys, random);
      }
      SegmentWriter writer = new SegmentWriter(1, 0, List.of("V"), List.of(ColumnType.INTEGER),
          new SegmentOptions(1 + random.nextInt(200), 100_000, 10, SegmentOptions.Codec.NONE));
      for (int i = 0; i < keys.size(); i++) {
        writer.add(new Object[] {i}, keys.get(i));
      }
      Path file = directory.resolve("seg-" + round + ".arrow");
      SegmentFile written;
      try (BufferAllocator allocator = new RootAllocator()) {
        written = writer.write(file, round, allocator);
      }
      TreeSet<byte[]> wanted = new TreeSet<>(Arrays::compareUnsigned);
      double share = random.nextDouble() * 0.3;
      for (byte[] key : keys) {
        if (random.nextDouble() < share) {
          wanted.add(key);
        }
      }
      for (int i = random.nextInt(20); i > 0; i--) {
        wanted.add(randomKey(random)); // keys that are not in the segment
      }
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (wanted.contains(keys.get(i))) {
          expected.add(i);
        }
      }
      SegmentReader reader = SegmentReader.open(file, written.crc());
      List<Integer> found = new ArrayList<>();
      try (BufferAllocator allocator = new RootAllocator()) {
        KeyMatch.matchingRows(reader, 1, wanted.toArray(new byte[0][]), ordered, allocator,
            found::add);
        assertThat(allocator.getAllocatedMemory()).isZero();
      }
      assertThat(found).as("round %d, ordered %s", round, ordered).isEqualTo(expected);
    }
  }

  private static byte[] randomKey(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(random.nextBoolean() ? 6 : 24)];
    random.nextBytes(bytes);
    if (random.nextBoolean()) {
      bytes[0] = 3; // a shared first byte, as row keys share their table prefix
    }
    return bytes;
  }
}
