package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.column;
import static dev.quaver.storage.EngineTestSupport.insert;
import static dev.quaver.storage.EngineTestSupport.people;
import static dev.quaver.storage.EngineTestSupport.rows;
import static dev.quaver.storage.EngineTestSupport.rowsWithKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.storage.lsm.sst.SstFormat;
import dev.quaver.storage.lsm.wal.LogFormat;
import dev.quaver.type.ColumnType;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from the manifest and SSTables once the WAL that held the data and the DDL is gone:
 * the catalog, the hidden row-id counters and the rows come back as they were; a damaged
 * SSTable is refused, never read as data.
 */
class FlushRecoveryTest {
  @TempDir Path directory;

  private LsmStorageEngine open() {
    return LsmStorageEngine.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5),
        LsmOptions.small());
  }

  @Test
  void catalogRowIdsAndRowsSurviveWalDeletion() throws IOException {
    List<TableDef> tablesBefore;
    List<List<Object>> peopleBefore;
    byte[] lastHiddenKey;
    try (LsmStorageEngine engine = open()) {
      TableDef t = engine.catalog().createTable(people("T"));
      engine.catalog().createIndex("T", new IndexDef("T_NAME", List.of(1), true));
      engine.catalog().createView(new ViewDef("V", "SELECT 1", List.of("X")));
      TableDef nopk = engine.catalog().createTable(new TableDef(0, "NOPK",
          List.of(column("X", ColumnType.INTEGER, true)), List.of(), List.of(), 2, List.of()));
      for (int i = 0; i < 2000; i++) {
        insert(engine, engine.catalog().table("T").orElseThrow(),
            new Object[] {i, "n" + i, (long) i * 3});
      }
      insert(engine, nopk, new Object[] {1}, new Object[] {2});
      engine.flush();
      tablesBefore = engine.catalog().tables();
      peopleBefore = rows(engine, engine.catalog().table("T").orElseThrow());
      List<Object[]> hidden = rowsWithKeys(engine, nopk, engine.currentSnapshot(), 10);
      lastHiddenKey = (byte[]) hidden.get(1)[1];
    }
    try (Stream<Path> wal = Files.list(directory.resolve("wal"))) {
      assertThat(wal.filter(f -> LogFormat.segmentNumber(f) >= 0 && commitsIn(f) > 0).count())
          .as("every WAL record is flushed, so no segment with records remains").isZero();
    }
    try (LsmStorageEngine engine = open()) {
      assertThat(engine.catalog().tables()).isEqualTo(tablesBefore);
      assertThat(engine.catalog().view("V")).isPresent();
      assertThat(engine.catalog().tableOfIndex("T_NAME")).isPresent();
      assertThat(rows(engine, engine.catalog().table("T").orElseThrow())).isEqualTo(peopleBefore);
      TableDef nopk = engine.catalog().table("NOPK").orElseThrow();
      insert(engine, nopk, new Object[] {3});
      List<Object[]> after = rowsWithKeys(engine, nopk, engine.currentSnapshot(), 10);
      assertThat(after).extracting(row -> row[0]).containsExactly(1, 2, 3);
      assertThat(Arrays.compareUnsigned((byte[]) after.get(2)[1], lastHiddenKey)).isPositive();
      WriteBatch duplicate = engine.newWriteBatch(engine.currentSnapshot());
      duplicate.insert(engine.catalog().table("T").orElseThrow(), new Object[] {5000, "n7", 1L});
      assertThatThrownBy(() -> engine.commit(duplicate)).isInstanceOfSatisfying(
          QuaverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION));
    }
  }

  @Test
  void damagedSstableIsRefused() throws IOException {
    try (LsmStorageEngine engine = open()) {
      TableDef t = engine.catalog().createTable(people("T"));
      for (int i = 0; i < 500; i++) {
        insert(engine, t, new Object[] {i, "n" + i, (long) i});
      }
      engine.flush();
    }
    Path sst;
    try (Stream<Path> files = Files.list(directory.resolve("lsm"))) {
      sst = files.filter(f -> SstFormat.fileNumber(f) >= 0).findFirst().orElseThrow();
    }
    try (RandomAccessFile raf = new RandomAccessFile(sst.toFile(), "rw")) {
      raf.seek(40);
      int b = raf.read();
      raf.seek(40);
      raf.write(b ^ 0x04);
    }
    assertThatThrownBy(() -> {
      try (LsmStorageEngine engine = open()) {
        rows(engine, engine.catalog().table("T").orElseThrow());
      }
    }).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED))
        .hasMessageContaining(sst.getFileName().toString());
  }

  @Test
  void compactionDropsTheRowsOfDroppedTables() throws IOException {
    try (LsmStorageEngine engine = open()) {
      TableDef dropped = engine.catalog().createTable(people("GONE"));
      TableDef kept = engine.catalog().createTable(people("KEPT"));
      for (int i = 0; i < 300; i++) {
        insert(engine, dropped, new Object[] {i, "g" + i, (long) i});
        insert(engine, kept, new Object[] {i, "k" + i, (long) i});
      }
      engine.flush();
      assertThat(rawCount(engine, dropped.id())).isEqualTo(300);
      engine.catalog().dropTable("GONE");
      assertThat(rawCount(engine, dropped.id())).as("still in SSTables, unreachable").isEqualTo(300);
      engine.flush();
      engine.store().compactor().compactAll();
      assertThat(rawCount(engine, dropped.id())).isZero();
      assertThat(rawCount(engine, kept.id())).isEqualTo(300);
      assertThat(rows(engine, engine.catalog().table("KEPT").orElseThrow())).hasSize(300);
    }
  }

  private static int rawCount(LsmStorageEngine engine, long tableId) {
    int n = 0;
    try (dev.quaver.storage.lsm.Cursor cursor = engine.store().scan(
        dev.quaver.storage.row.KeySpace.tableStart(tableId),
        dev.quaver.storage.row.KeySpace.tableEnd(tableId), Long.MAX_VALUE)) {
      while (cursor.next()) {
        n++;
      }
    }
    return n;
  }

  /** COMMIT records in a segment (files are preallocated, so their size says nothing). */
  private static long commitsIn(Path f) {
    try {
      dev.quaver.storage.lsm.wal.LogReader reader = new dev.quaver.storage.lsm.wal.LogReader(f, true);
      long count = 0;
      while (reader.next()) {
        count++;
      }
      return count;
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }
}
