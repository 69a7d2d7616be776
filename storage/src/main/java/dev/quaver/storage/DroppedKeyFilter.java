package dev.quaver.storage;

import dev.quaver.storage.catalog.CatalogState;
import dev.quaver.storage.row.KeySpace;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells compaction which keys belong to dropped tables and indexes, so their versions (which
 * DROP removed only from the active memtable) are not carried into new SSTables. A key is
 * obsolete if its kind is row or index and its id is below the catalog's {@code nextId} (ids are
 * allocated in order and never reused) but no live table or index has it. Ids at or above
 * {@code nextId} are kept: their CREATE may be in flight (index entries are written before the
 * new catalog is installed). One filter is built per compaction from the catalog state of that
 * moment and remembers its last answer, since keys arrive sorted by id.
 *
 * <p>Thread safety: confined to the compaction thread.
 */
final class DroppedKeyFilter implements Predicate<byte[]> {
  private final long nextId;
  private final Set<Long> tableIds = new HashSet<>();
  private final Set<Long> indexIds;
  private int lastKind = -1;
  private long lastId = -1;
  private boolean lastAnswer;

  DroppedKeyFilter(CatalogState state) {
    this.nextId = state.nextId();
    state.tables().values().forEach(table -> tableIds.add(table.id()));
    this.indexIds = new HashSet<>(state.indexIds().values());
  }

  @Override
  public boolean test(byte[] key) {
    if (key.length < 9) {
      return false;
    }
    int kind = key[0] & 0xFF;
    if (kind != KeySpace.ROW_KIND && kind != KeySpace.INDEX_KIND) {
      return false;
    }
    long id = KeySpace.idOf(key);
    if (kind == lastKind && id == lastId) {
      return lastAnswer;
    }
    lastKind = kind;
    lastId = id;
    lastAnswer = id >= 0 && id < nextId
        && !(kind == KeySpace.ROW_KIND ? tableIds.contains(id) : indexIds.contains(id));
    return lastAnswer;
  }
}
