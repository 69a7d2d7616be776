package dev.quaver.storage.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** SortedKeys' sort/dedupe, minus and union agree with a TreeSet model on random keys. */
class SortedKeysTest {
  @Test
  void agreesWithATreeSet() {
    long seed = Long.getLong("quaver.test.seed", System.nanoTime());
    System.out.println("SortedKeysTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 50; round++) {
      // every third round lopsided: a few fresh keys against many (the galloping paths)
      byte[][] a = keys(random, 40, 3);
      byte[][] b = keys(random, round % 3 == 0 ? 3000 : 40, 3);
      assertThat(list(SortedKeys.minus(a, b))).isEqualTo(model(a, b, false));
      assertThat(list(SortedKeys.union(a, b))).isEqualTo(model(a, b, true));
    }
  }

  private static byte[][] keys(Random random, int maxCount, int maxLength) {
    int count = random.nextInt(maxCount);
    byte[][] keys = new byte[count][];
    for (int i = 0; i < count; i++) {
      keys[i] = new byte[random.nextInt(maxLength)];
      random.nextBytes(keys[i]);
    }
    byte[][] sorted = SortedKeys.sortDistinct(keys, count);
    TreeSet<byte[]> model = new TreeSet<>(Arrays::compareUnsigned);
    model.addAll(Arrays.asList(keys));
    assertThat(list(sorted)).isEqualTo(list(model.toArray(new byte[0][])));
    return sorted;
  }

  private static List<String> model(byte[][] a, byte[][] b, boolean union) {
    TreeSet<byte[]> result = new TreeSet<>(Arrays::compareUnsigned);
    result.addAll(Arrays.asList(a));
    if (union) {
      result.addAll(Arrays.asList(b));
    } else {
      Arrays.asList(b).forEach(result::remove);
    }
    return list(result.toArray(new byte[0][]));
  }

  private static List<String> list(byte[][] keys) {
    List<String> result = new ArrayList<>();
    for (byte[] key : keys) {
      result.add(Arrays.toString(key));
    }
    return result;
  }
}
