package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.insert;
import static dev.quaver.storage.EngineTestSupport.people;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.StatisticsView;
import dev.quaver.storage.stats.TableAnalyzer;
import dev.quaver.storage.stats.TableStatistics;
import java.nio.file.Path;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ANALYZE through the engine: statistics of a scan, persisted in stats/, reloaded at open, shown in SYS. */
class StatisticsEngineTest {
  @TempDir Path directory;

  @Test
  void analyzedStatisticsSurviveReopenAndShowInTheSystemViews() {
    TableDef table;
    try (StorageEngine engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5));
         BufferAllocator allocator = new RootAllocator()) {
      table = engine.catalog().createTable(people("P"));
      assertThat(engine.catalog().statistics().table(table.id())).isEmpty();
      for (int i = 0; i < 200; i++) {
        insert(engine, table, new Object[] {i, "n" + (i % 20), i % 3 == 0 ? null : (long) i});
      }
      TableStatistics stats = TableAnalyzer.compute(engine, table, allocator);
      engine.catalog().statistics().put(stats);
      assertThat(allocator.getAllocatedMemory()).isZero();
      assertThat(stats.rowCount()).isEqualTo(200);
      assertThat(stats.column(1).distinctCount()).isEqualTo(20);
      assertThat(stats.column(2).nullCount()).isEqualTo(67);
    }
    try (StorageEngine engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5))) {
      TableStatistics loaded = engine.catalog().statistics().table(table.id()).orElseThrow();
      assertThat(loaded.rowCount()).isEqualTo(200);
      assertThat(loaded.column(0).min()).isEqualTo(0);
      assertThat(loaded.column(0).max()).isEqualTo(199);
      TableDef view = engine.catalog().systemTables().table(StatisticsView.TABLES).orElseThrow();
      try (BufferAllocator allocator = new RootAllocator();
           TableScan scan = engine.scan(view, engine.currentSnapshot(), new int[] {0, 1}, false, allocator, 10)) {
        VectorSchemaRoot batch = scan.next();
        assertThat(batch.getRowCount()).isEqualTo(1);
        assertThat(batch.getVector(0).getObject(0).toString()).isEqualTo("P");
        assertThat(batch.getVector(1).getObject(0)).isEqualTo(200L);
        assertThat(scan.next()).isNull();
      }
    }
  }
}
