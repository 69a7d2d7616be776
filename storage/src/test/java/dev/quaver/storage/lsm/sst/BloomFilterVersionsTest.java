package dev.quaver.storage.lsm.sst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSTable version 2's Bloom filter (8-byte hashing, multiply-shift probes): no false negatives,
 * about the same false-positive rate as version 1, files of version 1 still read, and the
 * {@code quaver.sst.version} switch that writes version 1 for A/B runs.
 */
class BloomFilterVersionsTest {
  @TempDir Path directory;

  private static byte[] key(int i) {
    return String.format("key%08d", i).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void versionTwoHasNoFalseNegativesAndAboutOnePercentFalsePositives() {
    Random random = new Random(7);
    int n = 50_000;
    byte[][] keys = new byte[n][];
    long[] hashes = new long[n];
    Set<String> present = new HashSet<>();
    for (int i = 0; i < n; i++) {
      keys[i] = new byte[1 + random.nextInt(40)]; // every tail length, and 8-byte words
      random.nextBytes(keys[i]);
      hashes[i] = BloomFilter.hash(keys[i], 2);
      present.add(new String(keys[i], StandardCharsets.ISO_8859_1));
    }
    byte[] filter = BloomFilter.build(hashes, n, SstFormat.BLOOM_BITS_PER_KEY, 2);
    for (int i = 0; i < n; i++) {
      assertThat(BloomFilter.mayContain(filter, BloomFilter.hash(keys[i], 2), 2)).isTrue();
    }
    int falsePositives = 0;
    int probes = 0;
    for (int i = 0; i < 4 * n; i++) {
      byte[] other = key(i); // structured keys, as row keys are
      if (present.contains(new String(other, StandardCharsets.ISO_8859_1))) {
        continue;
      }
      probes++;
      if (BloomFilter.mayContain(filter, BloomFilter.hash(other, 2), 2)) {
        falsePositives++;
      }
    }
    assertThat(falsePositives / (double) probes).isLessThan(0.015);
  }

  @Test
  void structuredKeysSpreadOverTheFilter() {
    int n = 20_000;
    long[] hashes = new long[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = BloomFilter.hash(key(i * 2), 2);
    }
    byte[] filter = BloomFilter.build(hashes, n, SstFormat.BLOOM_BITS_PER_KEY, 2);
    int falsePositives = 0;
    for (int i = 0; i < n; i++) {
      assertThat(BloomFilter.mayContain(filter, hashes[i], 2)).isTrue();
      if (BloomFilter.mayContain(filter, BloomFilter.hash(key(i * 2 + 1), 2), 2)) {
        falsePositives++;
      }
    }
    assertThat(falsePositives / (double) n).isLessThan(0.015);
  }

  @Test
  void hashTwoDependsOnLengthAndEveryByte() {
    assertThat(BloomFilter.hash2(new byte[] {1, 2})).isNotEqualTo(BloomFilter.hash2(new byte[] {1, 2, 0}));
    assertThat(BloomFilter.hash2(new byte[0])).isNotEqualTo(BloomFilter.hash2(new byte[] {0}));
    byte[] key = key(12345678);
    long base = BloomFilter.hash2(key);
    for (int i = 0; i < key.length; i++) {
      byte[] changed = key.clone();
      changed[i] ^= 1;
      assertThat(BloomFilter.hash2(changed)).as("byte %d", i).isNotEqualTo(base);
    }
  }

  @Test
  void filesOfBothVersionsAreReadAndTheSwitchWritesVersionOne() throws IOException {
    Path v1 = directory.resolve("1.sst");
    Path v2 = directory.resolve("2.sst");
    System.setProperty("quaver.sst.version", "1");
    try {
      write(v1, 1);
    } finally {
      System.clearProperty("quaver.sst.version");
    }
    write(v2, 2);
    assertThat(footerVersion(v1)).isEqualTo(1);
    assertThat(footerVersion(v2)).isEqualTo(SstFormat.VERSION).isEqualTo(2);
    for (Path path : new Path[] {v1, v2}) {
      try (SstReader reader = new SstReader(path, 1, new BlockCache(1 << 20))) {
        for (int i = 0; i < 3000; i++) {
          SstReader.Found found = reader.get(key(i), Long.MAX_VALUE);
          if (i % 3 == 0) {
            assertThat(found).as("%s key %d", path.getFileName(), i).isNotNull();
            assertThat(new String(found.value(), StandardCharsets.UTF_8)).isEqualTo("v" + i);
          } else {
            assertThat(found).isNull();
          }
        }
      }
    }
  }

  private static void write(Path path, long fileNumber) throws IOException {
    try (SstWriter writer = new SstWriter(path, fileNumber, null)) {
      for (int i = 0; i < 3000; i += 3) {
        writer.add(key(i), 10 + i, ("v" + i).getBytes(StandardCharsets.UTF_8));
      }
      writer.finish();
    }
  }

  private static int footerVersion(Path path) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
      file.seek(file.length() - SstFormat.FOOTER_BYTES + 32);
      return file.readInt();
    }
  }
}
