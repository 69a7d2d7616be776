package dev.quaver.storage.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {
  @TempDir Path directory;

  @Test
  void sortsTenTimesItsBudgetThroughSpilledRuns() throws Exception {
    long budget = 64 << 10;
    Random random = new Random(42);
    long inputBytes = 0;
    int count = 0;
    Path spill = directory.resolve("spill");
    try (ExternalSorter sorter = new ExternalSorter(budget, spill)) {
      while (inputBytes < 10 * budget) {
        SortRecord record = new SortRecord(ByteBuffer.allocate(8).putLong(random.nextLong()).array(),
            new byte[] {1}, new byte[20]);
        sorter.add(record);
        inputBytes += record.bytes();
        count++;
      }
      assertThat(sorter.runCount()).isGreaterThanOrEqualTo(9);
      Iterator<SortRecord> sorted = sorter.sorted();
      long previous = Long.MIN_VALUE;
      int seen = 0;
      while (sorted.hasNext()) {
        long value = ByteBuffer.wrap(sorted.next().sortKey()).getLong() ^ Long.MIN_VALUE;
        assertThat(value).isGreaterThanOrEqualTo(previous);
        previous = value;
        seen++;
      }
      assertThat(seen).isEqualTo(count);
    }
    try (Stream<Path> left = Files.list(spill)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void sortsInMemoryBelowItsBudget() {
    try (ExternalSorter sorter = new ExternalSorter(1 << 20, directory)) {
      for (int i = 5; i > 0; i--) {
        sorter.add(new SortRecord(new byte[] {(byte) i}, new byte[0], new byte[0]));
      }
      assertThat(sorter.runCount()).isZero();
      Iterator<SortRecord> sorted = sorter.sorted();
      for (int i = 1; i <= 5; i++) {
        assertThat(sorted.next().sortKey()).containsExactly((byte) i);
      }
      assertThat(sorted.hasNext()).isFalse();
    }
  }
}
