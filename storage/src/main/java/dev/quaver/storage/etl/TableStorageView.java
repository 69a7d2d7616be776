package dev.quaver.storage.etl;

import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ColumnarStore;
import dev.quaver.storage.columnar.ColumnarVersion;
import dev.quaver.storage.columnar.segment.LiveSegment;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.system.SystemTables;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SYS.TABLE_STORAGE}: per user table, how much of it is columnar and how fresh that is
 * (rows in segments, rows changed since the watermark, the watermark's lag in commits) and what
 * its last ETL run did. Documented in docs/system-tables.md.
 */
public final class TableStorageView {
  public static final String NAME = "TABLE_STORAGE";

  private TableStorageView() {}

  public static void register(SystemTables registry, Catalog catalog, ColumnarStore columnar,
      Etl etl, LsmStore store) {
    List<ColumnDef> columns = List.of(
        new ColumnDef("TABLE_NAME", ColumnType.TEXT, false, null),
        new ColumnDef("PARTITIONS", ColumnType.INTEGER, false, null),
        new ColumnDef("SEGMENTS", ColumnType.INTEGER, false, null),
        new ColumnDef("SEGMENT_ROWS", ColumnType.BIGINT, false, null),
        new ColumnDef("SEGMENT_BYTES", ColumnType.BIGINT, false, null),
        new ColumnDef("DELTA_ROWS", ColumnType.BIGINT, false, null),
        new ColumnDef("WATERMARK", ColumnType.BIGINT, true, null),
        new ColumnDef("WATERMARK_LAG", ColumnType.BIGINT, true, null),
        new ColumnDef("LAST_ETL_MILLIS", ColumnType.BIGINT, true, null),
        new ColumnDef("LAST_ETL_ROWS", ColumnType.BIGINT, true, null),
        new ColumnDef("LAST_ETL_ROWS_PER_SECOND", ColumnType.DOUBLE, true, null));
    registry.register(NAME, columns, () -> rows(catalog, columnar, etl, store));
  }

  private static List<Object[]> rows(Catalog catalog, ColumnarStore columnar, Etl etl,
      LsmStore store) {
    List<Object[]> rows = new ArrayList<>();
    long now = store.visibleSequence();
    for (TableDef table : catalog.tables()) {
      Optional<ColumnarVersion> version = columnar.version(table.id());
      long segmentRows = 0;
      long segmentBytes = 0;
      int segments = 0;
      Long watermark = null;
      Long lastMillis = null;
      Long lastRows = null;
      long deltaRows;
      if (version.isPresent()) {
        for (LiveSegment segment : version.get().manifest().segments()) {
          segmentRows += segment.liveRows();
          segmentBytes += segment.file().bytes();
          segments++;
        }
        watermark = version.get().watermark();
        lastMillis = version.get().manifest().lastEtlMillis();
        lastRows = version.get().manifest().lastEtlRows();
        deltaRows = watermark >= now ? 0
            : ColumnarStore.changedKeys(store, table.id(), watermark, now).size();
      } else {
        deltaRows = etl.deltaRows(table, Long.MAX_VALUE);
      }
      Double rate = lastMillis == null ? null
          : lastMillis == 0 ? lastRows * 1000.0 : lastRows * 1000.0 / lastMillis;
      rows.add(new Object[] {table.name(), table.partitions(), segments, segmentRows, segmentBytes,
          deltaRows, watermark, watermark == null ? null : now - watermark, lastMillis, lastRows,
          rate});
    }
    return rows;
  }
}
