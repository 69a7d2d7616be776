package dev.quaver.storage.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsStoreTest {
  @TempDir Path directory;

  @Test
  void persistsAndReloadsEveryValueKind() {
    StatisticsCollector collector = new StatisticsCollector(3, List.of(ColumnType.BIGINT, ColumnType.DOUBLE,
        ColumnType.decimal(10, 2), ColumnType.TEXT, ColumnType.BOOLEAN));
    for (int i = 0; i < 50; i++) {
      collector.addRow(new Object[] {(long) i % 7, i / 3.0, BigDecimal.valueOf(i, 2), "v" + (i % 3), i % 2 == 0});
    }
    TableStatistics stats = collector.finish();
    StatisticsStore store = StatisticsStore.open(directory);
    store.put(stats);
    assertThat(store.version()).isEqualTo(1);

    StatisticsStore reopened = StatisticsStore.open(directory);
    TableStatistics loaded = reopened.table(3).orElseThrow();
    assertThat(loaded.rowCount()).isEqualTo(50);
    for (int c = 0; c < 5; c++) {
      ColumnStatistics expected = stats.column(c);
      ColumnStatistics actual = loaded.column(c);
      assertThat(actual.min()).isEqualTo(expected.min());
      assertThat(actual.max()).isEqualTo(expected.max());
      assertThat(actual.distinctCount()).isEqualTo(expected.distinctCount());
      assertThat(actual.histogram()).isEqualTo(expected.histogram());
      assertThat(actual.mostCommon()).isEqualTo(expected.mostCommon());
      assertThat(actual.sketch()).isEqualTo(expected.sketch());
    }
  }

  @Test
  void damagedFileLeavesTheTableUnknownAndLeftoverTemporaryFilesAreDeleted() throws Exception {
    StatisticsStore store = StatisticsStore.open(directory);
    store.put(new StatisticsCollector(9, List.of(ColumnType.INTEGER)).finish());
    Path file = directory.resolve("table-9.stats");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1;
    Files.write(file, bytes);
    Files.write(directory.resolve("table-10.stats.tmp"), new byte[] {1, 2});
    StatisticsStore reopened = StatisticsStore.open(directory);
    assertThat(reopened.table(9)).isEmpty();
    assertThat(directory.resolve("table-10.stats.tmp")).doesNotExist();
  }

  @Test
  void removeForgetsTheTable() {
    StatisticsStore store = StatisticsStore.open(directory);
    store.put(new StatisticsCollector(4, List.of(ColumnType.INTEGER)).finish());
    store.remove(4);
    assertThat(StatisticsStore.open(directory).table(4)).isEmpty();
    assertThat(store.version()).isEqualTo(2);
  }
}
