package dev.quaver.executor.operator.dml;

import dev.quaver.storage.ConflictAction;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.TableDef;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The writes of a statement whose rows fire triggers, and of its trigger bodies, held back until
 * the statement's last row has fired ({@link #flush}) so that every body statement reads them:
 * {@link #scan} overlays the pending writes on the statement's snapshot (updated rows show their
 * new values, deleted rows are gone, inserted rows are added with a provisional row key). A later
 * write to a pending row changes that pending write (an update of an inserted row inserts the new
 * values; a delete of it inserts nothing), so the batch holds one write per row, as the storage
 * expects. Inserts with a conflict action (INSERT OR REPLACE / IGNORE) are passed on in order but
 * are not visible to body statements: only the commit knows their outcome.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class TriggerFiringBatch implements WriteBatch {
  /** Prefix of provisional row keys of pending inserts; no table's keys start with it. */
  private static final byte[] PENDING_KEY_PREFIX = {
      (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 'Q', 'T'};

  private final WriteBatch batch;
  private final List<Pending> writes = new ArrayList<>();
  /** Per table id: the pending write of each row key (insertion order). */
  private final Map<Long, Map<ByteBuffer, Pending>> byKey = new HashMap<>();
  private long pendingInserts;

  private TriggerFiringBatch(WriteBatch batch) {
    this.batch = Objects.requireNonNull(batch, "batch is null");
  }

  /** {@code batch} itself when it already is one (nested triggers share the outer one). */
  static TriggerFiringBatch of(WriteBatch batch) {
    return batch instanceof TriggerFiringBatch pending ? pending : new TriggerFiringBatch(batch);
  }

  /** Passes the pending writes, in order, to the statement's batch. */
  void flush() {
    for (Pending write : writes) {
      write.applyTo(batch);
    }
    writes.clear();
    byKey.clear();
  }

  /** A scan of {@code table} at {@code snapshot} with the pending writes applied. */
  TableScan scan(StorageEngine storage, TableDef table, long snapshot, int[] columns,
      boolean withRowKey, BufferAllocator allocator, int maxRowsPerBatch) {
    Map<ByteBuffer, Pending> pending = byKey.get(table.id());
    if (pending == null || pending.isEmpty()) {
      return storage.scan(table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch);
    }
    return new TriggerFiringScan(storage.scan(table, snapshot, columns, true, allocator, maxRowsPerBatch),
        table, columns, withRowKey, pending, allocator, maxRowsPerBatch);
  }

  @Override
  public long readSnapshot() {
    return batch.readSnapshot();
  }

  @Override
  public void insert(TableDef table, Object[] row) {
    byte[] key = ByteBuffer.allocate(PENDING_KEY_PREFIX.length + Long.BYTES)
        .put(PENDING_KEY_PREFIX).putLong(pendingInserts++).array();
    Pending write = new Pending(Kind.INSERT, table, key, row.clone(), null);
    writes.add(write);
    rows(table).put(ByteBuffer.wrap(key), write);
  }

  @Override
  public void insert(TableDef table, Object[] row, ConflictAction action) {
    if (action == ConflictAction.ERROR) {
      insert(table, row);
    } else {
      writes.add(new Pending(Kind.INSERT_RESOLVING, table, null, row.clone(), action));
    }
  }

  @Override
  public long ignoredInserts() {
    return batch.ignoredInserts();
  }

  @Override
  public void rebuildIndex(TableDef table, String indexName) {
    batch.rebuildIndex(table, indexName);
  }

  @Override
  public void update(TableDef table, byte[] rowKey, Object[] newRow) {
    Pending earlier = rows(table).get(ByteBuffer.wrap(rowKey));
    if (earlier == null) {
      Pending write = new Pending(Kind.UPDATE, table, rowKey.clone(), newRow.clone(), null);
      writes.add(write);
      rows(table).put(ByteBuffer.wrap(write.key), write);
    } else if (!earlier.isDeleted) {
      earlier.row = newRow.clone();
    }
  }

  @Override
  public void delete(TableDef table, byte[] rowKey) {
    Pending earlier = rows(table).get(ByteBuffer.wrap(rowKey));
    if (earlier == null) {
      Pending write = new Pending(Kind.DELETE, table, rowKey.clone(), null, null);
      write.isDeleted = true;
      writes.add(write);
      rows(table).put(ByteBuffer.wrap(write.key), write);
    } else {
      earlier.isDeleted = true;
    }
  }

  @Override
  public int size() {
    return batch.size() + writes.size();
  }

  private Map<ByteBuffer, Pending> rows(TableDef table) {
    return byKey.computeIfAbsent(table.id(), id -> new LinkedHashMap<>());
  }

  private enum Kind {
    INSERT,
    INSERT_RESOLVING,
    UPDATE,
    DELETE
  }

  /** One pending write; {@code row} and {@code isDeleted} change when a later write hits it. */
  static final class Pending {
    private final Kind kind;
    private final TableDef table;
    private final byte[] key;
    private final ConflictAction action;
    private Object[] row;
    private boolean isDeleted;

    private Pending(Kind kind, TableDef table, byte[] key, Object[] row, ConflictAction action) {
      this.kind = kind;
      this.table = table;
      this.key = key;
      this.row = row;
      this.action = action;
    }

    /** The complete row it leaves behind (table column order), or null when it deletes one. */
    Object[] row() {
      return isDeleted ? null : row;
    }

    /** Whether the row is not in the snapshot (a pending insert, added at the end of scans). */
    boolean isInsert() {
      return kind == Kind.INSERT;
    }

    byte[] key() {
      return key;
    }

    private void applyTo(WriteBatch batch) {
      switch (kind) {
        case INSERT:
          if (!isDeleted) {
            batch.insert(table, row);
          }
          break;
        case INSERT_RESOLVING:
          batch.insert(table, row, action);
          break;
        case UPDATE:
          if (isDeleted) {
            batch.delete(table, key);
          } else {
            batch.update(table, key, row);
          }
          break;
        case DELETE:
          batch.delete(table, key);
          break;
        default:
          throw new AssertionError(kind);
      }
    }
  }
}
