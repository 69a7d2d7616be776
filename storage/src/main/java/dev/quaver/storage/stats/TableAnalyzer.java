package dev.quaver.storage.stats;

import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * ANALYZE of one table: a full scan at the current snapshot through a
 * {@link StatisticsCollector}; the caller stores the result in the catalog's {@link Statistics}.
 * Stateless.
 */
public final class TableAnalyzer {
  private static final int BATCH_ROWS = 4096;

  private TableAnalyzer() {}

  /** Computes the statistics of {@code table} without storing them. */
  public static TableStatistics compute(StorageEngine storage, TableDef table, BufferAllocator allocator) {
    return compute(storage, table, storage.currentSnapshot(), allocator);
  }

  /**
   * Computes the statistics of {@code table} at {@code snapshot} (which the caller keeps
   * readable), without storing them.
   */
  public static TableStatistics compute(StorageEngine storage, TableDef table, long snapshot,
      BufferAllocator allocator) {
    List<ColumnType> types = new ArrayList<>();
    int[] columns = new int[table.columns().size()];
    for (int i = 0; i < columns.length; i++) {
      ColumnDef column = table.columns().get(i);
      types.add(column.type());
      columns[i] = i;
    }
    StatisticsCollector collector = new StatisticsCollector(table.id(), types);
    try (TableScan scan = storage.scan(table, snapshot, columns, false, allocator, BATCH_ROWS)) {
      for (VectorSchemaRoot batch = scan.next(); batch != null; batch = scan.next()) {
        collector.addBatch(batch);
      }
    }
    return collector.finish();
  }
}
