package dev.quaver.storage.etl;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.PartitionFunction;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.row.KeyEncoder;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a row goes in the columnar store: its partition ({@link PartitionFunction}:
 * {@code floorMod(crc32c(key encoding of the distribution-key values), partitions)}, the row
 * key's bytes when the table has no distribution key), and its place in the partition, the key
 * encoding of the sort-key values (none: row-key order, which is primary-key order) followed by
 * the row key. Both become the
 * {@link SortRecord#sortKey}: {@code partition:u32 sortValues rowKey}. Immutable.
 */
final class TableLayout {
  private final TableDef table;
  private final List<ColumnType> types;
  private final List<Integer> distribution;
  private final List<Integer> sort;

  TableLayout(TableDef table) {
    this.table = table;
    this.types = new ArrayList<>();
    table.columns().forEach(column -> types.add(column.type()));
    this.distribution = table.distributionKey();
    this.sort = sortColumns(table);
  }

  /** The columns a table's partitions are sorted by; empty means row-key order. */
  static List<Integer> sortColumns(TableDef table) {
    return table.sortKey();
  }

  TableDef table() {
    return table;
  }

  List<ColumnType> types() {
    return types;
  }

  SortRecord record(byte[] rowKey, byte[] value) {
    Object[] row = distribution.isEmpty() && sort.isEmpty() ? null : RowCodec.decode(value, types);
    return build(rowKey, row, value);
  }

  SortRecord record(byte[] rowKey, Object[] row) {
    return build(rowKey, row, RowCodec.encode(types, row));
  }

  private SortRecord build(byte[] rowKey, Object[] row, byte[] value) {
    ByteWriter out = new ByteWriter(rowKey.length + 16);
    out.writeInt(partition(rowKey, row));
    for (int column : sort) {
      KeyEncoder.encode(out, types.get(column), row[column]);
    }
    out.writeBytes(rowKey);
    return new SortRecord(out.toByteArray(), rowKey, value);
  }

  /** By {@link PartitionFunction}, the one formula scans, shuffles and the ETL share. */
  private int partition(byte[] rowKey, Object[] row) {
    return distribution.isEmpty() ? PartitionFunction.ofRowKey(rowKey, table.partitions())
        : PartitionFunction.ofRow(table, types, row);
  }

  static int partitionOf(SortRecord record) {
    byte[] key = record.sortKey();
    return ((key[0] & 0xFF) << 24) | ((key[1] & 0xFF) << 16) | ((key[2] & 0xFF) << 8) | (key[3] & 0xFF);
  }
}
