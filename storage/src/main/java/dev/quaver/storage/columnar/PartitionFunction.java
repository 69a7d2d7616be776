package dev.quaver.storage.columnar;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.row.KeyEncoder;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The partition a row belongs to: {@code floorMod(crc32c(key encoding of the distribution-key
 * values), partitions)}, or of the row key's bytes when the table has no distribution key. The
 * ETL places rows into per-partition segments by this rule (etl {@code TableLayout} calls it),
 * partition-sliced scans
 * assign the rows changed since the ETL by it, and the executor's hash exchange routes rows by
 * it, so a row shuffled by its key lands in the same partition as the table rows with that key.
 * Stateless.
 */
public final class PartitionFunction {
  private PartitionFunction() {}

  /** The partition of a tuple of key {@code values} of {@code types} (Java values per SqlType). */
  public static int of(List<ColumnType> types, Object[] values, int partitions) {
    ByteWriter out = new ByteWriter(32);
    for (int i = 0; i < values.length; i++) {
      KeyEncoder.encode(out, types.get(i), values[i]);
    }
    CRC32C crc = new CRC32C();
    crc.update(out.array(), 0, out.size());
    return Math.floorMod((int) crc.getValue(), partitions);
  }

  /** The partition of a row of a table without a distribution key: by its row key's bytes. */
  public static int ofRowKey(byte[] rowKey, int partitions) {
    CRC32C crc = new CRC32C();
    crc.update(rowKey);
    return Math.floorMod((int) crc.getValue(), partitions);
  }

  /** The partition of a stored row of {@code table}: its row key and its encoded value. */
  public static int ofStoredRow(TableDef table, List<ColumnType> types, byte[] rowKey, byte[] value) {
    if (table.distributionKey().isEmpty()) {
      return ofRowKey(rowKey, table.partitions());
    }
    return ofRow(table, types, RowCodec.decode(value, types));
  }

  /**
   * The partition of a row of {@code table} that has a distribution key, given all its column
   * values (a table without one is partitioned by row key: {@link #ofRowKey}).
   */
  public static int ofRow(TableDef table, List<ColumnType> types, Object[] row) {
    List<Integer> keys = table.distributionKey();
    List<ColumnType> keyTypes = new ArrayList<>(keys.size());
    Object[] keyValues = new Object[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      keyTypes.add(types.get(keys.get(i)));
      keyValues[i] = row[keys.get(i)];
    }
    return of(keyTypes, keyValues, table.partitions());
  }

  /**
   * For a table partitioned by its row key (no distribution key): {@code sortedKeys} split by
   * partition, each part still sorted; null for a table with a distribution key, whose rows can
   * change partition when that key is updated.
   */
  public static byte[][][] splitByRowKeyPartition(TableDef table, byte[][] sortedKeys) {
    if (!table.distributionKey().isEmpty()) {
      return null;
    }
    int partitions = table.partitions();
    int[] partitionOf = new int[sortedKeys.length];
    int[] sizes = new int[partitions];
    for (int i = 0; i < sortedKeys.length; i++) {
      partitionOf[i] = ofRowKey(sortedKeys[i], partitions);
      sizes[partitionOf[i]]++;
    }
    byte[][][] parts = new byte[partitions][][];
    for (int p = 0; p < partitions; p++) {
      parts[p] = new byte[sizes[p]][];
      sizes[p] = 0;
    }
    for (int i = 0; i < sortedKeys.length; i++) {
      parts[partitionOf[i]][sizes[partitionOf[i]]++] = sortedKeys[i];
    }
    return parts;
  }
}
