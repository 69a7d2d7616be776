package dev.quaver.storage;

import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.io.ByteArrayKey;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.lsm.WriteSet;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the entries of an index from the rows already in its table (CREATE INDEX, REINDEX),
 * failing with UNIQUE_VIOLATION before anything is written if a UNIQUE index meets two equal
 * non-NULL keys. Stateless; runs under the engine's commit lock so no row changes meanwhile.
 */
final class IndexBuilder {
  private static final byte[] EMPTY_VALUE = new byte[0];

  private IndexBuilder() {}

  static void build(LsmStore store, TableDef table, IndexDef index, long indexId, WriteSet writes) {
    for (ByteArrayKey entry : entries(store, table, index, indexId)) {
      writes.put(entry.bytes(), EMPTY_VALUE);
    }
  }

  /**
   * REINDEX: writes every entry computed from the latest rows and deletes each live entry that
   * is not among them. Point deletions rather than a range deletion, so a reader at an older
   * snapshot still sees the index as it was.
   */
  static void rebuild(LsmStore store, TableDef table, IndexDef index, long indexId, WriteSet writes) {
    Set<ByteArrayKey> entries = entries(store, table, index, indexId);
    try (Cursor cursor = store.scan(KeySpace.indexStart(indexId), KeySpace.indexEnd(indexId),
        Long.MAX_VALUE)) {
      while (cursor.next()) {
        if (!entries.contains(new ByteArrayKey(cursor.key()))) {
          writes.delete(cursor.key().clone());
        }
      }
    }
    for (ByteArrayKey entry : entries) {
      writes.put(entry.bytes(), EMPTY_VALUE);
    }
  }

  /** The entries of the index for the table's latest rows, in row-key order. */
  private static Set<ByteArrayKey> entries(LsmStore store, TableDef table, IndexDef index, long indexId) {
    List<ColumnType> types = CommitBuilder.columnTypes(table);
    Object[] row = new Object[types.size()];
    Set<ByteArrayKey> prefixes = index.unique() ? new HashSet<>() : null;
    Set<ByteArrayKey> entries = new LinkedHashSet<>();
    ByteWriter out = new ByteWriter(64);
    try (Cursor cursor = store.scan(KeySpace.tableStart(table.id()),
        KeySpace.tableEnd(table.id()), Long.MAX_VALUE)) {
      while (cursor.next()) {
        RowCodec.decode(cursor.value(), types, row);
        out.reset();
        boolean hasNull = KeySpace.indexPrefix(out, indexId, table, index.columns(), row);
        if (prefixes != null && !hasNull && !prefixes.add(new ByteArrayKey(out.toByteArray()))) {
          throw CommitBuilder.duplicate(index.name(), table, index.columns(), row);
        }
        out.writeBytes(cursor.key());
        entries.add(new ByteArrayKey(out.toByteArray()));
      }
    }
    return entries;
  }
}
