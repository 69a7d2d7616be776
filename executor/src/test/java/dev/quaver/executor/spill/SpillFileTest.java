package dev.quaver.executor.spill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTest {
  @TempDir
  Path dir;

  @Test
  void rowsRoundTripThroughASpillFileAndTheDirectoryIsDeleted() throws Exception {
    Schema schema = new Schema(List.of(ArrowTypes.field("A", ColumnType.INTEGER),
        ArrowTypes.field("B", ColumnType.TEXT), ArrowTypes.field("C", ColumnType.BIGINT)));
    List<Object[]> written = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      written.add(new Object[] {i % 7 == 0 ? null : i, "row " + i, (long) i * 3});
    }
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), 1 << 20)) {
      SpillStats stats = new SpillStats();
      SpillFile file;
      try (SpillSpace space = new SpillSpace(harness.spillDirectory, "test", harness.allocator, stats)) {
        try (SpillWriter writer = space.newFile(schema)) {
          written.forEach(writer::add);
          file = writer.finish();
        }
        assertThat(Files.exists(file.path())).isTrue();
        assertThat(file.rows()).isEqualTo(1000);
        List<Object[]> read = new ArrayList<>();
        try (SpillReader reader = file.open(harness.allocator)) {
          for (Object[] row = reader.next(); row != null; row = reader.next()) {
            read.add(row);
          }
        }
        assertThat(read).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
          assertThat(read.get(i)).containsExactly(written.get(i));
        }
        assertThat(stats.files()).isEqualTo(1);
        assertThat(stats.spilledRows()).isEqualTo(1000);
        assertThat(stats.spilledBytes()).isEqualTo(Files.size(file.path()));
      }
      assertThat(Files.exists(file.path().getParent())).isFalse();
    }
  }

  @Test
  void emptyFileAndDecimals() throws Exception {
    ColumnType decimal = ColumnType.decimal(10, 2);
    Schema schema = new Schema(List.of(ArrowTypes.field("D", decimal)));
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), 1 << 20);
        SpillSpace space = new SpillSpace(harness.spillDirectory, "test", harness.allocator, new SpillStats())) {
      SpillFile empty;
      SpillFile one;
      try (SpillWriter writer = space.newFile(schema)) {
        empty = writer.finish();
      }
      try (SpillWriter writer = space.newFile(schema)) {
        writer.add(new Object[] {new BigDecimal("12.34")});
        one = writer.finish();
      }
      try (SpillReader reader = empty.open(harness.allocator)) {
        assertThat(reader.next()).isNull();
      }
      try (SpillReader reader = one.open(harness.allocator)) {
        assertThat(reader.next()).containsExactly(new BigDecimal("12.34"));
        assertThat(reader.next()).isNull();
      }
    }
  }
}
