package dev.quaver.storage.catalog;

import dev.quaver.storage.stats.Statistics;
import dev.quaver.storage.system.SystemTables;
import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Catalog} of a data directory: validates DDL, builds the next {@link CatalogState}
 * and hands it to {@link CatalogPersistence}, which makes it durable in the WAL together with the
 * change's data effects before installing it. Readers see the installed state without locking.
 *
 * <p>Thread safety: reads are lock-free over a volatile immutable state; DDL is serialized by
 * {@code ddlLock} (taken before the engine's commit lock, never after).
 */
public final class PersistentCatalog implements Catalog {
  private final Object ddlLock = new Object();
  private final CatalogPersistence persistence;
  private volatile CatalogState state;
  private final SystemTables systemTables = new SystemTables();
  private final Statistics statistics;

  public PersistentCatalog(CatalogState initial, CatalogPersistence persistence) {
    this(initial, persistence, Statistics.NONE);
  }

  public PersistentCatalog(CatalogState initial, CatalogPersistence persistence, Statistics statistics) {
    this.state = Objects.requireNonNull(initial, "initial is null");
    this.persistence = Objects.requireNonNull(persistence, "persistence is null");
    this.statistics = Objects.requireNonNull(statistics, "statistics is null");
  }

  @Override
  public Statistics statistics() {
    return statistics;
  }

  @Override
  public SystemTables systemTables() {
    return systemTables;
  }

  /** The installed state: consistent tables, index ids and version. */
  public CatalogState state() {
    return state;
  }

  @Override
  public long version() {
    return state.version();
  }

  @Override
  public Optional<TableDef> table(String name) {
    return Optional.ofNullable(state.tables().get(name));
  }

  @Override
  public void optimizeTable(String name) {
    TableDef table = table(name).orElseThrow(() -> QuaverException.of(ErrorCode.UNDEFINED_TABLE,
        "table \"%s\" does not exist", name));
    persistence.runEtl(table);
  }

  @Override
  public List<TableDef> tables() {
    return List.copyOf(state.tables().values());
  }

  @Override
  public Optional<ViewDef> view(String name) {
    return Optional.ofNullable(state.views().get(name));
  }

  @Override
  public List<ViewDef> views() {
    return List.copyOf(state.views().values());
  }

  @Override
  public TableDef createTable(TableDef table) {
    synchronized (ddlLock) {
      CatalogState current = state;
      checkNameFree(current, table.name());
      validateTable(table);
      long nextId = current.nextId();
      TableDef created = withPrimaryKeyNotNull(table).withId(nextId++);
      Map<String, Long> indexIds = new LinkedHashMap<>();
      for (IndexDef index : table.indexes()) {
        checkIndexNameFree(current, index.name());
        if (indexIds.put(index.name(), nextId++) != null) {
          throw QuaverException.of(ErrorCode.DUPLICATE_OBJECT, "index \"%s\" already exists",
              index.name());
        }
      }
      apply(current.withTable(created, nextId, indexIds), new CatalogChange.CreateTable(created));
      return created;
    }
  }

  @Override
  public void dropTable(String name) {
    synchronized (ddlLock) {
      CatalogState current = state;
      TableDef table = current.tables().get(name);
      if (table == null) {
        if (current.views().containsKey(name)) {
          throw QuaverException.of(ErrorCode.WRONG_OBJECT_TYPE, "\"%s\" is not a table", name);
        }
        throw QuaverException.of(ErrorCode.UNDEFINED_TABLE, "table \"%s\" does not exist", name);
      }
      List<Long> indexIds = current.indexIdsOf(table);
      apply(current.withoutTable(table), new CatalogChange.DropTable(table, indexIds));
    }
  }

  @Override
  public void createView(ViewDef view) {
    synchronized (ddlLock) {
      CatalogState current = state;
      checkNameFree(current, view.name());
      apply(current.withView(view), new CatalogChange.ViewChange(view.name()));
    }
  }

  @Override
  public void dropView(String name) {
    synchronized (ddlLock) {
      CatalogState current = state;
      if (!current.views().containsKey(name)) {
        if (current.tables().containsKey(name)) {
          throw QuaverException.of(ErrorCode.WRONG_OBJECT_TYPE, "\"%s\" is not a view", name);
        }
        throw QuaverException.of(ErrorCode.UNDEFINED_TABLE, "view \"%s\" does not exist", name);
      }
      apply(current.withoutView(name), new CatalogChange.ViewChange(name));
    }
  }

  @Override
  public TableDef createIndex(String tableName, IndexDef index) {
    synchronized (ddlLock) {
      CatalogState current = state;
      TableDef table = current.tables().get(tableName);
      if (table == null) {
        throw QuaverException.of(ErrorCode.UNDEFINED_TABLE, "table \"%s\" does not exist",
            tableName);
      }
      checkIndexNameFree(current, index.name());
      checkOrdinals(table, index.columns(), "index " + index.name());
      List<IndexDef> indexes = new ArrayList<>(table.indexes());
      indexes.add(index);
      TableDef changed = table.withIndexes(indexes);
      long indexId = current.nextId();
      apply(current.withTable(changed, indexId + 1, Map.of(index.name(), indexId)),
          new CatalogChange.CreateIndex(changed, index, indexId));
      return changed;
    }
  }

  @Override
  public void dropIndex(String indexName) {
    synchronized (ddlLock) {
      CatalogState current = state;
      TableDef table = current.tableOfIndex(indexName).orElseThrow(() -> QuaverException.of(
          ErrorCode.UNDEFINED_OBJECT, "index \"%s\" does not exist", indexName));
      long indexId = current.indexId(indexName);
      List<IndexDef> indexes = new ArrayList<>(table.indexes());
      indexes.removeIf(index -> index.name().equals(indexName));
      apply(current.withIndexDropped(table.withIndexes(indexes), indexName),
          new CatalogChange.DropIndex(indexId));
    }
  }

  @Override
  public Optional<TableDef> tableOfIndex(String indexName) {
    return state.tableOfIndex(indexName);
  }

  @Override
  public Optional<TriggerDef> trigger(String name) {
    return Optional.ofNullable(state.triggers().get(name));
  }

  @Override
  public List<TriggerDef> triggersOn(String tableName) {
    return state.triggersOn(tableName);
  }

  @Override
  public void createTrigger(TriggerDef trigger) {
    synchronized (ddlLock) {
      CatalogState current = state;
      if (current.triggers().containsKey(trigger.name())) {
        throw QuaverException.of(ErrorCode.DUPLICATE_OBJECT, "trigger \"%s\" already exists",
            trigger.name());
      }
      if (!current.tables().containsKey(trigger.tableName())) {
        throw QuaverException.of(ErrorCode.UNDEFINED_TABLE, "table \"%s\" does not exist",
            trigger.tableName());
      }
      apply(current.withTrigger(trigger), new CatalogChange.TriggerChange(trigger.name()));
    }
  }

  @Override
  public void dropTrigger(String name) {
    synchronized (ddlLock) {
      CatalogState current = state;
      if (!current.triggers().containsKey(name)) {
        throw QuaverException.of(ErrorCode.UNDEFINED_OBJECT, "trigger \"%s\" does not exist", name);
      }
      apply(current.withoutTrigger(name), new CatalogChange.TriggerChange(name));
    }
  }

  private void apply(CatalogState next, CatalogChange change) {
    persistence.persist(next, CatalogCodec.encode(next), change, () -> state = next);
  }

  /** Primary key columns are NOT NULL, as in SQL, whether or not the DDL said so. */
  private static TableDef withPrimaryKeyNotNull(TableDef table) {
    List<ColumnDef> columns = new ArrayList<>(table.columns());
    for (int ordinal : table.primaryKey()) {
      ColumnDef column = columns.get(ordinal);
      if (column.nullable()) {
        columns.set(ordinal, new ColumnDef(column.name(), column.type(), false, column.defaultSql()));
      }
    }
    return new TableDef(table.id(), table.name(), columns, table.primaryKey(),
        table.distributionKey(), table.partitions(), table.indexes(), table.sortKey());
  }

  private static void checkNameFree(CatalogState current, String name) {
    if (current.tables().containsKey(name) || current.views().containsKey(name)) {
      throw QuaverException.of(ErrorCode.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
    }
  }

  private static void checkIndexNameFree(CatalogState current, String name) {
    if (current.indexIds().containsKey(name)) {
      throw QuaverException.of(ErrorCode.DUPLICATE_OBJECT, "index \"%s\" already exists", name);
    }
  }

  private static void validateTable(TableDef table) {
    Set<String> names = new HashSet<>();
    for (ColumnDef column : table.columns()) {
      if (!names.add(column.name())) {
        throw QuaverException.of(ErrorCode.DUPLICATE_COLUMN,
            "column \"%s\" specified more than once in table \"%s\"", column.name(), table.name());
      }
    }
    checkOrdinals(table, table.primaryKey(), "primary key");
    checkOrdinals(table, table.distributionKey(), "distribution key");
    for (IndexDef index : table.indexes()) {
      checkOrdinals(table, index.columns(), "index " + index.name());
    }
  }

  private static void checkOrdinals(TableDef table, List<Integer> ordinals, String what) {
    for (int ordinal : ordinals) {
      if (ordinal < 0 || ordinal >= table.columns().size()) {
        throw new IllegalArgumentException(
            what + " of table " + table.name() + " names column ordinal " + ordinal);
      }
    }
  }
}
