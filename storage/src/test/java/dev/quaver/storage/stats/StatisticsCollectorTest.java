package dev.quaver.storage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quaver.type.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsCollectorTest {
  @Test
  void countsNullsMinMaxDistinctAndBuildsHistogramAndMostCommonValues() {
    StatisticsCollector collector = new StatisticsCollector(7, List.of(ColumnType.INTEGER, ColumnType.TEXT));
    for (int i = 0; i < 100_000; i++) {
      String text = i % 10 == 0 ? null : (i % 2 == 0 ? "even" : "odd" + (i % 5));
      collector.addRow(new Object[] {i, text});
    }
    TableStatistics stats = collector.finish();
    assertThat(stats.tableId()).isEqualTo(7);
    assertThat(stats.rowCount()).isEqualTo(100_000);
    assertThat(stats.averageRowBytes()).isGreaterThan(4);
    ColumnStatistics id = stats.column(0);
    assertThat(id.nullCount()).isZero();
    assertThat(id.min()).isEqualTo(0);
    assertThat(id.max()).isEqualTo(99_999);
    assertThat(id.distinctCount()).isCloseTo(100_000, within(5_000.0));
    assertThat(id.histogram()).hasSize(ColumnCollector.HISTOGRAM_BUCKETS + 1);
    assertThat((Integer) id.histogram().get(16)).isBetween(40_000, 60_000);
    assertThat(id.mostCommon()).isEmpty();
    ColumnStatistics text = stats.column(1);
    assertThat(text.nullCount()).isEqualTo(10_000);
    assertThat(text.distinctCount()).isEqualTo(6); // "even" and "odd0".."odd4"
    assertThat(text.mostCommon().get(0).value()).isEqualTo("even");
    assertThat(text.mostCommon().get(0).count()).isBetween(35_000L, 45_000L);
    assertThat(stats.column(5)).isEqualTo(ColumnStatistics.unknown());
  }

  @Test
  void emptyTableHasZeroRowsAndNoValues() {
    TableStatistics stats = new StatisticsCollector(1, List.of(ColumnType.BIGINT)).finish();
    assertThat(stats.rowCount()).isZero();
    assertThat(stats.column(0).min()).isNull();
    assertThat(stats.column(0).distinctCount()).isZero();
  }
}
