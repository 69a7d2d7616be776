package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.segment.SegmentOptions;
import dev.quaver.storage.etl.EtlOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background daemon moves a table into segments once its delta passes the threshold. */
class EtlBackgroundTest {
  @TempDir Path directory;

  @Test
  void daemonRunsTheEtlPastTheThreshold() throws Exception {
    EtlOptions options = new EtlOptions(EtlOptions.Mode.BACKGROUND, 50, 20, 1 << 20, 4, 1000,
        new SegmentOptions(16, 128, 8, SegmentOptions.Codec.LZ4_FRAME));
    try (StorageEngine engine = Storage.open(new StorageConfig(directory,
        StorageConfig.SyncMode.OFF, 5), ColumnarDifferentialTest.lsm(), options)) {
      TableDef table = engine.catalog().createTable(ColumnarDifferentialTest.table("T", 2));
      for (int i = 0; i < 120; i++) {
        EngineTestSupport.insert(engine, table, new Object[] {i, "SE", (long) i, 1.0});
      }
      LsmStorageEngine lsm = (LsmStorageEngine) engine;
      long deadline = System.currentTimeMillis() + 20_000;
      while (lsm.etl().lastResult(table.id()).isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(lsm.etl().lastResult(table.id())).isPresent();
      assertThat(lsm.etl().lastResult(table.id()).get().liveRows()).isGreaterThanOrEqualTo(50);
      EngineTestSupport.insert(engine, table, new Object[] {1000, "NO", 1L, 2.0});
      assertThat(ColumnarDifferentialTest.scan(engine, table, engine.currentSnapshot(), List.of()))
          .hasSize(121);
    }
  }
}
