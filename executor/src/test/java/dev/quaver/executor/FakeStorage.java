package dev.quaver.executor;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.vector.VectorValues;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import dev.quaver.storage.columnar.ArrowTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A small in-memory StorageEngine for executor tests: a catalog map, rows per table keyed by an
 * 8-byte row id, scans that build batches with ArrowTypes, and commits that apply all writes or
 * none ({@link #failNextCommit}). Snapshots are ignored. Thread safety: synchronized.
 */
public final class FakeStorage implements StorageEngine {
  private final FakeCatalog catalog = new FakeCatalog();
  private final Map<String, TreeMap<Long, Object[]>> rows = new TreeMap<>();
  private long nextRowId = 1;
  private long sequence;
  private boolean failNextCommit;
  public int commits;

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public synchronized long currentSnapshot() {
    return sequence;
  }

  /** The next commit fails with UNIQUE_VIOLATION and applies nothing. */
  public synchronized void failNextCommit() {
    failNextCommit = true;
  }

  public synchronized List<Object[]> rows(String table) {
    return new ArrayList<>(rows.getOrDefault(table, new TreeMap<>()).values());
  }

  public synchronized void insert(String table, Object... values) {
    rows.computeIfAbsent(table, t -> new TreeMap<>()).put(nextRowId++, values);
  }

  @Override
  public synchronized TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch) {
    List<Map.Entry<Long, Object[]>> entries = new ArrayList<>(rows.getOrDefault(table.name(), new TreeMap<>()).entrySet());
    List<Field> fields = new ArrayList<>();
    for (int column : columns) {
      fields.add(ArrowTypes.field(table.columns().get(column).name(), table.columns().get(column).type()));
    }
    if (withRowKey) {
      fields.add(ArrowTypes.rowKeyField("$rowkey"));
    }
    Schema schema = new Schema(fields);
    return new TableScan() {
      private int position;
      private VectorSchemaRoot current;

      @Override
      public VectorSchemaRoot next() {
        close();
        if (position >= entries.size()) {
          return null;
        }
        int end = Math.min(entries.size(), position + maxRowsPerBatch);
        current = VectorSchemaRoot.create(schema, allocator);
        current.allocateNew();
        List<FieldVector> vectors = current.getFieldVectors();
        for (int i = position; i < end; i++) {
          Object[] row = entries.get(i).getValue();
          for (int c = 0; c < columns.length; c++) {
            VectorValues.set(vectors.get(c), i - position, row[columns[c]]);
          }
          if (withRowKey) {
            VectorValues.set(vectors.get(columns.length), i - position,
                ByteBuffer.allocate(8).putLong(entries.get(i).getKey()).array());
          }
        }
        current.setRowCount(end - position);
        position = end;
        return current;
      }

      @Override
      public void close() {
        if (current != null) {
          current.close();
          current = null;
        }
      }
    };
  }

  @Override
  public WriteBatch newWriteBatch(long readSnapshot) {
    return new ListWriteBatch(readSnapshot);
  }

  @Override
  public synchronized long commit(WriteBatch batch) {
    if (failNextCommit) {
      failNextCommit = false;
      throw new QuaverException(ErrorCode.UNIQUE_VIOLATION, "duplicate key value in fake storage");
    }
    for (Consumer<FakeStorage> write : ((ListWriteBatch) batch).writes) {
      write.accept(this);
    }
    commits++;
    return ++sequence;
  }

  @Override
  public void close() {}

  /** Writes as closures applied by commit. */
  private final class ListWriteBatch implements WriteBatch {
    private final long readSnapshot;
    private final List<Consumer<FakeStorage>> writes = new ArrayList<>();

    ListWriteBatch(long readSnapshot) {
      this.readSnapshot = readSnapshot;
    }

    @Override
    public long readSnapshot() {
      return readSnapshot;
    }

    @Override
    public void insert(TableDef table, Object[] row) {
      Object[] copy = row.clone();
      writes.add(s -> s.insert(table.name(), copy));
    }

    @Override
    public void update(TableDef table, byte[] rowKey, Object[] newRow) {
      long id = ByteBuffer.wrap(rowKey).getLong();
      Object[] copy = newRow.clone();
      writes.add(s -> s.rows.get(table.name()).put(id, copy));
    }

    @Override
    public void delete(TableDef table, byte[] rowKey) {
      long id = ByteBuffer.wrap(rowKey).getLong();
      writes.add(s -> s.rows.get(table.name()).remove(id));
    }

    @Override
    public int size() {
      return writes.size();
    }
  }

  /** Tables, views and indexes in maps; errors as the Catalog contract says. */
  private static final class FakeCatalog implements Catalog {
    private final Map<String, TableDef> tables = new TreeMap<>();
    private final Map<String, ViewDef> views = new TreeMap<>();
    private long version;
    private long nextId = 1;

    @Override
    public synchronized long version() {
      return version;
    }

    @Override
    public synchronized Optional<TableDef> table(String name) {
      return Optional.ofNullable(tables.get(name));
    }

    @Override
    public synchronized List<TableDef> tables() {
      return List.copyOf(tables.values());
    }

    @Override
    public synchronized Optional<ViewDef> view(String name) {
      return Optional.ofNullable(views.get(name));
    }

    @Override
    public synchronized List<ViewDef> views() {
      return List.copyOf(views.values());
    }

    @Override
    public synchronized TableDef createTable(TableDef table) {
      if (tables.containsKey(table.name()) || views.containsKey(table.name())) {
        throw QuaverException.of(ErrorCode.DUPLICATE_TABLE, "relation %s already exists", table.name());
      }
      TableDef created = table.withId(nextId++);
      tables.put(table.name(), created);
      version++;
      return created;
    }

    @Override
    public synchronized void dropTable(String name) {
      if (tables.remove(name) == null) {
        throw QuaverException.of(ErrorCode.UNDEFINED_TABLE, "table %s does not exist", name);
      }
      version++;
    }

    @Override
    public synchronized void createView(ViewDef view) {
      if (tables.containsKey(view.name()) || views.containsKey(view.name())) {
        throw QuaverException.of(ErrorCode.DUPLICATE_TABLE, "relation %s already exists", view.name());
      }
      views.put(view.name(), view);
      version++;
    }

    @Override
    public synchronized void dropView(String name) {
      if (views.remove(name) == null) {
        throw QuaverException.of(ErrorCode.UNDEFINED_TABLE, "view %s does not exist", name);
      }
      version++;
    }

    @Override
    public synchronized TableDef createIndex(String tableName, IndexDef index) {
      if (tableOfIndex(index.name()).isPresent()) {
        throw QuaverException.of(ErrorCode.DUPLICATE_OBJECT, "index %s already exists", index.name());
      }
      TableDef table = tables.get(tableName);
      if (table == null) {
        throw QuaverException.of(ErrorCode.UNDEFINED_TABLE, "table %s does not exist", tableName);
      }
      List<IndexDef> indexes = new ArrayList<>(table.indexes());
      indexes.add(index);
      TableDef changed = table.withIndexes(indexes);
      tables.put(tableName, changed);
      version++;
      return changed;
    }

    @Override
    public synchronized void dropIndex(String indexName) {
      TableDef table = tableOfIndex(indexName).orElseThrow(() ->
          QuaverException.of(ErrorCode.UNDEFINED_OBJECT, "index %s does not exist", indexName));
      List<IndexDef> indexes = new ArrayList<>(table.indexes());
      indexes.removeIf(index -> index.name().equals(indexName));
      tables.put(table.name(), table.withIndexes(indexes));
      version++;
    }

    @Override
    public synchronized Optional<TableDef> tableOfIndex(String indexName) {
      return tables.values().stream().filter(t -> t.index(indexName).isPresent()).findFirst();
    }
  }
}
