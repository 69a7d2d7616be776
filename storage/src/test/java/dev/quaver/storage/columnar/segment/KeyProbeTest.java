package dev.quaver.storage.columnar.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.io.ByteArrayKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.junit.jupiter.api.Test;

class KeyProbeTest {
  @Test
  void probesMatchAHashSetOfTheKeys() {
    long seed = Long.getLong("quaver.test.seed", System.nanoTime());
    System.out.println("KeyProbeTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 20; round++) {
      List<ByteArrayKey> keys = new ArrayList<>();
      int count = random.nextInt(200);
      for (int i = 0; i < count; i++) {
        keys.add(randomKey(random));
      }
      if (count > 0) {
        keys.add(keys.get(0)); // duplicates are counted once
      }
      Set<ByteArrayKey> model = new HashSet<>(keys);
      KeyProbe probe = new KeyProbe(keys);
      assertThat(probe.size()).isEqualTo(model.size());
      assertThat(probe.isEmpty()).isEqualTo(model.isEmpty());
      try (BufferAllocator allocator = new RootAllocator();
          VarBinaryVector vector = new VarBinaryVector("k", allocator)) {
        vector.allocateNew();
        List<ByteArrayKey> probes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          ByteArrayKey key = random.nextBoolean() && !keys.isEmpty()
              ? keys.get(random.nextInt(keys.size())) : randomKey(random);
          probes.add(key);
          vector.setSafe(i, key.bytes());
        }
        vector.setValueCount(probes.size());
        for (int i = 0; i < probes.size(); i++) {
          assertThat(probe.contains(vector, i)).as("probe %d", i)
              .isEqualTo(model.contains(probes.get(i)));
        }
      }
    }
  }

  private static ByteArrayKey randomKey(Random random) {
    byte[] bytes = new byte[random.nextInt(4) + (random.nextBoolean() ? 0 : 10)];
    random.nextBytes(bytes);
    return new ByteArrayKey(bytes);
  }
}
