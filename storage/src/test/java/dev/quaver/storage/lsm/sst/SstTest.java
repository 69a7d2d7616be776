package dev.quaver.storage.lsm.sst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.lsm.InternalIterator;
import dev.quaver.storage.lsm.Memtable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips, point reads at snapshots, Bloom filter rate, and corruption of SSTables. */
class SstTest {
  @TempDir Path directory;

  private static byte[] key(int i) {
    return String.format("key%08d", i).getBytes(StandardCharsets.UTF_8);
  }

  /** Keys 0, 2, 4, ... (n of them); key 10 has 3 versions, every 7th key's newest is a tombstone. */
  private SstMeta write(Path path, int n) throws IOException {
    try (SstWriter writer = new SstWriter(path, 1, null)) {
      for (int i = 0; i < n; i++) {
        int k = i * 2;
        if (k == 10) {
          writer.add(key(k), 300, "v10@300".getBytes(StandardCharsets.UTF_8));
          writer.add(key(k), 200, Memtable.TOMBSTONE);
          writer.add(key(k), 100, "v10@100".getBytes(StandardCharsets.UTF_8));
        } else {
          writer.add(key(k), k + 1000L, k % 7 == 0 ? Memtable.TOMBSTONE
              : ("value-" + k + "-padding-padding-padding").getBytes(StandardCharsets.UTF_8));
        }
      }
      return writer.finish();
    }
  }

  @Test
  void roundTripGetAndScan() throws IOException {
    Path path = directory.resolve("1.sst");
    SstMeta meta = write(path, 5000);
    assertThat(meta.entries()).isEqualTo(5002);
    assertThat(meta.smallest()).isEqualTo(key(0));
    assertThat(meta.largest()).isEqualTo(key(9998));
    assertThat(meta.fileSize()).isEqualTo(Files.size(path));
    try (SstReader reader = new SstReader(path, 1, new BlockCache(1 << 20))) {
      assertThat(new String(reader.get(key(4), Long.MAX_VALUE).value(), StandardCharsets.UTF_8))
          .isEqualTo("value-4-padding-padding-padding");
      assertThat(reader.get(key(14), Long.MAX_VALUE).value()).isSameAs(Memtable.TOMBSTONE);
      assertThat(reader.get(key(3), Long.MAX_VALUE)).isNull();
      assertThat(reader.get(key(4), 10)).isNull(); // written at 1004
      assertThat(new String(reader.get(key(10), Long.MAX_VALUE).value())).isEqualTo("v10@300");
      assertThat(reader.get(key(10), 250).value()).isSameAs(Memtable.TOMBSTONE);
      assertThat(new String(reader.get(key(10), 150).value())).isEqualTo("v10@100");
      assertThat(reader.get(key(10), 150).sequence()).isEqualTo(100);
      List<String> seen = new ArrayList<>();
      InternalIterator it = reader.iterator(key(9990), key(9996));
      while (it.next()) {
        seen.add(new String(it.key()) + "@" + it.sequence());
      }
      assertThat(seen).containsExactly("key00009990@10990", "key00009992@10992", "key00009994@10994");
      int count = 0;
      InternalIterator all = reader.iterator(new byte[0], null);
      while (all.next()) {
        count++;
      }
      assertThat(count).isEqualTo(5002);
    }
  }

  @Test
  void bloomFilterFalsePositivesAreAboutOnePercent() {
    int n = 20_000;
    long[] hashes = new long[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = BloomFilter.hash(key(i));
    }
    byte[] filter = BloomFilter.build(hashes, n, SstFormat.BLOOM_BITS_PER_KEY);
    for (int i = 0; i < n; i++) {
      assertThat(BloomFilter.mayContain(filter, hashes[i])).isTrue();
    }
    int falsePositives = 0;
    for (int i = n; i < 3 * n; i++) {
      if (BloomFilter.mayContain(filter, BloomFilter.hash(key(i)))) {
        falsePositives++;
      }
    }
    assertThat(falsePositives / (2.0 * n)).isLessThan(0.02);
  }

  @Test
  void everyFlippedByteIsDetectedOrHarmless() throws IOException {
    Path path = directory.resolve("1.sst");
    write(path, 300);
    byte[] original = Files.readAllBytes(path);
    Random random = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      int position = trial < 60 ? original.length - 1 - trial : random.nextInt(original.length);
      byte[] damaged = original.clone();
      damaged[position] ^= (byte) (1 << random.nextInt(8));
      Path copy = directory.resolve("damaged.sst");
      Files.write(copy, damaged);
      try {
        readEverything(copy);
        // no error: the flip must have been in bytes no reader trusts (none exist), so fail
        throw new AssertionError("flip at " + position + " of " + original.length + " undetected");
      } catch (QuaverException e) {
        assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED);
        assertThat(e.getMessage()).contains("damaged.sst");
      }
    }
  }

  @Test
  void truncatedFilesAreRefused() throws IOException {
    Path path = directory.resolve("1.sst");
    write(path, 300);
    long size = Files.size(path);
    for (long length : new long[] {0, 10, size / 2, size - 1, size - SstFormat.FOOTER_BYTES}) {
      Path copy = directory.resolve("cut.sst");
      Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
        file.setLength(length);
      }
      assertThatThrownBy(() -> readEverything(copy)).isInstanceOf(QuaverException.class)
          .satisfies(e -> assertThat(((QuaverException) e).code()).isEqualTo(ErrorCode.DATA_CORRUPTED));
    }
  }

  private static void readEverything(Path path) throws IOException {
    try (SstReader reader = new SstReader(path, 9, null)) {
      InternalIterator all = reader.iterator(new byte[0], null);
      while (all.next()) {
        all.value();
      }
    }
  }
}
