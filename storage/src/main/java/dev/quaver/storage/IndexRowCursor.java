package dev.quaver.storage;

import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.row.KeyEncoder;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.type.ColumnType;
import java.util.Arrays;
import java.util.List;

/**
 * The rows an index read reaches: walks index entries ({@code 02 indexId values rowKey},
 * docs/formats/keys.md) and looks each row up by the row key at their end, at the same snapshot
 * (an index entry and its row are written by one commit, so at any snapshot the entry's row
 * exists). Key and value are the row's, as a table cursor gives them.
 *
 * <p>Thread safety: confined to one thread.
 */
final class IndexRowCursor implements Cursor {
  private final Cursor entries;
  private final LsmStore store;
  private final List<ColumnType> indexTypes;
  private final long snapshot;
  private byte[] rowKey;
  private byte[] row;

  IndexRowCursor(Cursor entries, LsmStore store, List<ColumnType> indexTypes, long snapshot) {
    this.entries = entries;
    this.store = store;
    this.indexTypes = indexTypes;
    this.snapshot = snapshot;
  }

  @Override
  public boolean next() {
    while (entries.next()) {
      byte[] entry = entries.key();
      byte[] key = Arrays.copyOfRange(entry, rowKeyOffset(entry, indexTypes), entry.length);
      byte[] value = store.get(key, snapshot);
      if (value != null) {
        rowKey = key;
        row = value;
        return true;
      }
    }
    return false;
  }

  @Override
  public byte[] key() {
    return rowKey;
  }

  @Override
  public byte[] value() {
    return row;
  }

  @Override
  public void close() {
    entries.close();
  }

  /** Where the row key starts in an index key: after the prefix and the encoded index values. */
  static int rowKeyOffset(byte[] indexKey, List<ColumnType> types) {
    int offset = KeySpace.PREFIX_BYTES;
    for (ColumnType type : types) {
      if (indexKey[offset++] == KeyEncoder.NULL) {
        continue;
      }
      offset += switch (type.type()) {
        case BOOLEAN, TINYINT -> 1;
        case SMALLINT -> 2;
        case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH, REAL -> 4;
        case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME, DOUBLE -> 8;
        case DECIMAL -> 16;
        case CHAR, VARCHAR -> stringLength(indexKey, offset);
      };
    }
    return offset;
  }

  /** Bytes of an encoded string from {@code offset} through its {@code 00 01} terminator. */
  private static int stringLength(byte[] key, int offset) {
    int i = offset;
    while (!(key[i] == 0 && key[i + 1] == 1)) {
      i += key[i] == 0 ? 2 : 1; // 00 FF is an escaped 00
    }
    return i + 2 - offset;
  }
}
