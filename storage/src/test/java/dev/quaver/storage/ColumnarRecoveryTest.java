package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.segment.ManifestFile;
import dev.quaver.storage.etl.EtlOptions;
import dev.quaver.storage.etl.EtlResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar store across reopens: live versions survive, leftovers of interrupted ETL runs
 * are deleted, and corrupt manifests or segments only send the table back to the row store.
 */
class ColumnarRecoveryTest {
  @TempDir Path directory;

  private StorageEngine open() {
    return Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5),
        ColumnarDifferentialTest.lsm(), ColumnarDifferentialTest.etlOptions(EtlOptions.Mode.DISABLED));
  }

  private static Object[][] rows(int from, int to) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(new Object[] {i, i % 3 == 0 ? "SE" : "NO", (long) i, i / 2.0});
    }
    return rows.toArray(new Object[0][]);
  }

  private Path tableDirectory(TableDef table) {
    return directory.resolve("columnar").resolve(Long.toString(table.id()));
  }

  @Test
  void versionSurvivesReopenAndLeftoversAreDeleted() throws Exception {
    TableDef table;
    try (StorageEngine engine = open()) {
      table = engine.catalog().createTable(ColumnarDifferentialTest.table("T", 3));
      EngineTestSupport.insert(engine, table, rows(0, 200));
      EtlResult result = engine.optimize(table).orElseThrow();
      assertThat(result.rowsWritten()).isEqualTo(200);
      assertThat(result.liveRows()).isEqualTo(200);
      EngineTestSupport.insert(engine, table, rows(200, 220));
    }
    Files.write(tableDirectory(table).resolve("seg-999.arrow"), new byte[] {1, 2, 3});
    Files.write(tableDirectory(table).resolve("MANIFEST.tmp"), new byte[] {1});
    try (StorageEngine engine = open()) {
      table = engine.catalog().table("T").orElseThrow();
      assertThat(ColumnarDifferentialTest.scan(engine, table, engine.currentSnapshot(), List.of()))
          .hasSize(220);
      assertThat(Files.exists(tableDirectory(table).resolve("seg-999.arrow"))).isFalse();
      assertThat(Files.exists(tableDirectory(table).resolve("MANIFEST.tmp"))).isFalse();
      EtlResult result = engine.optimize(table).orElseThrow();
      assertThat(result.rowsWritten()).isGreaterThanOrEqualTo(20);
      assertThat(result.liveRows()).isEqualTo(220);
    }
  }

  @Test
  void corruptManifestOrSegmentFallsBackToTheRowStore() throws Exception {
    TableDef table;
    try (StorageEngine engine = open()) {
      table = engine.catalog().createTable(ColumnarDifferentialTest.table("T", 2));
      EngineTestSupport.insert(engine, table, rows(0, 100));
      engine.optimize(table);
    }
    Path manifest = tableDirectory(table).resolve(ManifestFile.NAME);
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[bytes.length / 2] ^= 1;
    Files.write(manifest, bytes);
    try (StorageEngine engine = open()) {
      table = engine.catalog().table("T").orElseThrow();
      assertThat(Files.exists(tableDirectory(table))).isFalse();
      assertThat(ColumnarDifferentialTest.scan(engine, table, engine.currentSnapshot(), List.of()))
          .hasSize(100);
      assertThat(engine.optimize(table).orElseThrow().liveRows()).isEqualTo(100);
    }
    Path segment;
    try (Stream<Path> files = Files.list(tableDirectory(table))) {
      segment = files.filter(f -> f.toString().endsWith(".arrow")).findFirst().orElseThrow();
    }
    byte[] data = Files.readAllBytes(segment);
    data[data.length / 3] ^= 1;
    Files.write(segment, data);
    try (StorageEngine engine = open()) {
      table = engine.catalog().table("T").orElseThrow();
      assertThat(ColumnarDifferentialTest.scan(engine, table, engine.currentSnapshot(), List.of()))
          .hasSize(100);
      assertThat(engine.optimize(table).orElseThrow().liveRows()).isEqualTo(100);
    }
  }

  @Test
  void droppedTableLosesItsColumnarFiles() {
    try (StorageEngine engine = open()) {
      TableDef table = engine.catalog().createTable(ColumnarDifferentialTest.table("T", 2));
      EngineTestSupport.insert(engine, table, rows(0, 50));
      engine.optimize(table);
      assertThat(Files.exists(tableDirectory(table))).isTrue();
      engine.catalog().dropTable("T");
      assertThat(Files.exists(tableDirectory(table))).isFalse();
      TableDef again = engine.catalog().createTable(ColumnarDifferentialTest.table("T", 2));
      assertThat(ColumnarDifferentialTest.scan(engine, again, engine.currentSnapshot(), List.of()))
          .isEmpty();
    }
  }
}
