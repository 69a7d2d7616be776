package dev.quaver.storage.row;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.type.ColumnType;
import java.util.List;

/**
 * How the one sorted key space of a data directory is divided ({@code docs/formats/keys.md}):
 *
 * <pre>
 *   row key   := 0x01 tableId:u64 (encoded primary key | rowId:u64)
 *   index key := 0x02 indexId:u64 encoded index columns  row key
 * </pre>
 *
 * Table and index ids come from one counter and are never reused, so the keys of a dropped
 * table can never be mistaken for a later table's. Stateless.
 */
public final class KeySpace {
  public static final int ROW_KIND = 0x01;
  public static final int INDEX_KIND = 0x02;
  /** Length of the kind byte plus the table or index id. */
  public static final int PREFIX_BYTES = 9;

  private KeySpace() {}

  public static byte[] prefix(int kind, long id) {
    return new ByteWriter(PREFIX_BYTES).writeByte(kind).writeLong(id).toByteArray();
  }

  /** The first key of the table's rows (inclusive). */
  public static byte[] tableStart(long tableId) {
    return prefix(ROW_KIND, tableId);
  }

  /** The end of the table's rows (exclusive). */
  public static byte[] tableEnd(long tableId) {
    return prefix(ROW_KIND, tableId + 1);
  }

  public static byte[] indexStart(long indexId) {
    return prefix(INDEX_KIND, indexId);
  }

  public static byte[] indexEnd(long indexId) {
    return prefix(INDEX_KIND, indexId + 1);
  }

  /** Row key of a table with a primary key. */
  public static byte[] primaryKey(TableDef table, Object[] row) {
    ByteWriter out = new ByteWriter(PREFIX_BYTES + 8 * table.primaryKey().size());
    out.writeByte(ROW_KIND).writeLong(table.id());
    for (int column : table.primaryKey()) {
      KeyEncoder.encode(out, table.columns().get(column).type(), row[column]);
    }
    return out.toByteArray();
  }

  /** Row key of row {@code row} of {@code rows}, a table with a primary key (as {@link #primaryKey(TableDef, Object[])}). */
  public static byte[] primaryKey(TableDef table, ColumnRows rows, int row) {
    ByteWriter out = new ByteWriter(PREFIX_BYTES + 8 * table.primaryKey().size());
    out.writeByte(ROW_KIND).writeLong(table.id());
    for (int column : table.primaryKey()) {
      KeyEncoder.encode(out, table.columns().get(column).type(), rows.isNull(column, row) ? null : rows.get(column, row));
    }
    return out.toByteArray();
  }

  /** Row key of a table without a primary key: the hidden row id. */
  public static byte[] rowIdKey(long tableId, long rowId) {
    // Written in place (one array per key: a batch makes one per row).
    byte[] key = new byte[PREFIX_BYTES + 8];
    key[0] = (byte) ROW_KIND;
    long id = rowId ^ Long.MIN_VALUE;
    for (int i = 0; i < 8; i++) {
      key[1 + i] = (byte) (tableId >>> (56 - 8 * i));
      key[PREFIX_BYTES + i] = (byte) (id >>> (56 - 8 * i));
    }
    return key;
  }

  /** The row id inside a {@link #rowIdKey}. */
  public static long rowIdOf(byte[] rowKey) {
    long value = 0;
    for (int i = PREFIX_BYTES; i < PREFIX_BYTES + 8; i++) {
      value = (value << 8) | (rowKey[i] & 0xFF);
    }
    return value ^ Long.MIN_VALUE;
  }

  /**
   * Writes {@code 0x02 indexId values} to {@code out} and returns whether any indexed value is
   * NULL (such entries never collide in a UNIQUE index).
   */
  public static boolean indexPrefix(ByteWriter out, long indexId, TableDef table,
      List<Integer> columns, Object[] row) {
    out.writeByte(INDEX_KIND).writeLong(indexId);
    boolean hasNull = false;
    for (int column : columns) {
      Object value = row[column];
      hasNull |= value == null;
      KeyEncoder.encode(out, table.columns().get(column).type(), value);
    }
    return hasNull;
  }

  /** The table id of a row key or the index id of an index key. */
  public static long idOf(byte[] key) {
    long value = 0;
    for (int i = 1; i < PREFIX_BYTES; i++) {
      value = (value << 8) | (key[i] & 0xFF);
    }
    return value;
  }

  /** Smallest key greater than every key that starts with {@code prefix}. */
  public static byte[] prefixEnd(byte[] prefix) {
    byte[] end = prefix.clone();
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xFF) {
        end[i]++;
        return java.util.Arrays.copyOf(end, i + 1);
      }
    }
    throw new IllegalArgumentException("prefix of only 0xFF bytes has no end");
  }
}
