package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Helpers shared by the engine tests: table definitions and reading a table back as rows. */
final class EngineTestSupport {
  private EngineTestSupport() {}

  static ColumnDef column(String name, ColumnType type, boolean nullable) {
    return new ColumnDef(name, type, nullable, null);
  }

  /** T(ID INTEGER PRIMARY KEY, NAME VARCHAR(10) NOT NULL, SCORE BIGINT). */
  static TableDef people(String name) {
    return new TableDef(0, name, List.of(column("ID", ColumnType.INTEGER, false),
        column("NAME", ColumnType.varchar(10), false), column("SCORE", ColumnType.BIGINT, true)),
        List.of(0), List.of(0), 4, List.of());
  }

  /** All rows (every column) of {@code table} at {@code snapshot}, in key order. */
  static List<List<Object>> rows(StorageEngine engine, TableDef table, long snapshot) {
    List<List<Object>> rows = new ArrayList<>();
    for (Object[] row : rowsWithKeys(engine, table, snapshot, 1024)) {
      rows.add(Arrays.asList(Arrays.copyOf(row, row.length - 1)));
    }
    return rows;
  }

  static List<List<Object>> rows(StorageEngine engine, TableDef table) {
    return rows(engine, table, engine.currentSnapshot());
  }

  /** Rows with their row key as the last element; checks the allocator is empty afterwards. */
  static List<Object[]> rowsWithKeys(StorageEngine engine, TableDef table, long snapshot,
      int batchSize) {
    int[] columns = new int[table.columns().size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = i;
    }
    List<Object[]> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      try (TableScan scan = engine.scan(table, snapshot, columns, true, allocator, batchSize)) {
        VectorSchemaRoot root;
        while ((root = scan.next()) != null) {
          assertThat(root.getRowCount()).isBetween(1, batchSize);
          List<FieldVector> vectors = root.getFieldVectors();
          for (int r = 0; r < root.getRowCount(); r++) {
            Object[] row = new Object[columns.length + 1];
            for (int c = 0; c < columns.length; c++) {
              row[c] = ArrowTypes.get(vectors.get(c), r, table.columns().get(c).type());
            }
            row[columns.length] = ((VarBinaryVector) vectors.get(columns.length)).get(r);
            rows.add(row);
          }
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    return rows;
  }

  static byte[] keyOf(StorageEngine engine, TableDef table, Object id) {
    for (Object[] row : rowsWithKeys(engine, table, engine.currentSnapshot(), 100)) {
      if (id.equals(row[0])) {
        return (byte[]) row[row.length - 1];
      }
    }
    throw new AssertionError("no row " + id);
  }

  static long insert(StorageEngine engine, TableDef table, Object[]... rows) {
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    for (Object[] row : rows) {
      batch.insert(table, row);
    }
    return engine.commit(batch);
  }
}
