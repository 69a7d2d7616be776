package dev.quaver.storage.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of the whole catalog: tables, views and triggers by name, the storage id of every
 * index, and the id counter (ids are never reused, so keys of dropped objects never resurface). DDL
 * builds a new state with the {@code with...} methods. Immutable.
 */
public final class CatalogState {
  private final long version;
  private final long nextId;
  private final Map<String, TableDef> tables;
  private final Map<String, ViewDef> views;
  private final Map<String, Long> indexIds;
  private final Map<String, TriggerDef> triggers;
  private final Map<Long, TableDef> tablesById;

  /** A state without triggers. */
  public CatalogState(long version, long nextId, Map<String, TableDef> tables,
      Map<String, ViewDef> views, Map<String, Long> indexIds) {
    this(version, nextId, tables, views, indexIds, Map.of());
  }

  public CatalogState(long version, long nextId, Map<String, TableDef> tables,
      Map<String, ViewDef> views, Map<String, Long> indexIds, Map<String, TriggerDef> triggers) {
    this.version = version;
    this.nextId = nextId;
    this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    this.views = Collections.unmodifiableMap(new TreeMap<>(views));
    this.indexIds = Collections.unmodifiableMap(new TreeMap<>(indexIds));
    this.triggers = Collections.unmodifiableMap(new TreeMap<>(triggers));
    Map<Long, TableDef> byId = new HashMap<>();
    for (TableDef table : tables.values()) {
      byId.put(table.id(), table);
    }
    this.tablesById = byId;
  }

  /** The catalog of a new data directory. Ids start at 1; 0 is never an object's id. */
  public static CatalogState empty() {
    return new CatalogState(0, 1, Map.of(), Map.of(), Map.of());
  }

  public long version() {
    return version;
  }

  public long nextId() {
    return nextId;
  }

  /** Tables ordered by name. */
  public Map<String, TableDef> tables() {
    return tables;
  }

  /** Views ordered by name. */
  public Map<String, ViewDef> views() {
    return views;
  }

  /** Triggers ordered by name. */
  public Map<String, TriggerDef> triggers() {
    return triggers;
  }

  /** The triggers of one table, ordered by name (the order in which they fire). */
  public List<TriggerDef> triggersOn(String tableName) {
    List<TriggerDef> result = new ArrayList<>();
    for (TriggerDef trigger : triggers.values()) {
      if (trigger.tableName().equals(tableName)) {
        result.add(trigger);
      }
    }
    return result;
  }

  /** Storage id of every index, by index name. */
  public Map<String, Long> indexIds() {
    return indexIds;
  }

  public Optional<TableDef> tableById(long id) {
    return Optional.ofNullable(tablesById.get(id));
  }

  public long indexId(String indexName) {
    Long id = indexIds.get(indexName);
    if (id == null) {
      throw new IllegalStateException("index " + indexName + " has no storage id");
    }
    return id;
  }

  /** Storage ids of the table's indexes, in the table's index order. */
  public List<Long> indexIdsOf(TableDef table) {
    List<Long> ids = new ArrayList<>();
    for (IndexDef index : table.indexes()) {
      ids.add(indexId(index.name()));
    }
    return ids;
  }

  public Optional<TableDef> tableOfIndex(String indexName) {
    for (TableDef table : tables.values()) {
      if (table.index(indexName).isPresent()) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }

  /** Adds or replaces a table; {@code newIndexIds} are added to the index ids. */
  public CatalogState withTable(TableDef table, long newNextId, Map<String, Long> newIndexIds) {
    Map<String, TableDef> nextTables = new TreeMap<>(tables);
    nextTables.put(table.name(), table);
    Map<String, Long> nextIndexIds = new TreeMap<>(indexIds);
    nextIndexIds.putAll(newIndexIds);
    return new CatalogState(version + 1, newNextId, nextTables, views, nextIndexIds, triggers);
  }

  public CatalogState withoutTable(TableDef table) {
    Map<String, TableDef> nextTables = new TreeMap<>(tables);
    nextTables.remove(table.name());
    Map<String, Long> nextIndexIds = new TreeMap<>(indexIds);
    for (IndexDef index : table.indexes()) {
      nextIndexIds.remove(index.name());
    }
    // A table's triggers are dropped with it.
    Map<String, TriggerDef> nextTriggers = new TreeMap<>(triggers);
    nextTriggers.values().removeIf(trigger -> trigger.tableName().equals(table.name()));
    return new CatalogState(version + 1, nextId, nextTables, views, nextIndexIds, nextTriggers);
  }

  /** Replaces a table after DROP INDEX. */
  public CatalogState withIndexDropped(TableDef tableAfter, String indexName) {
    Map<String, TableDef> nextTables = new TreeMap<>(tables);
    nextTables.put(tableAfter.name(), tableAfter);
    Map<String, Long> nextIndexIds = new TreeMap<>(indexIds);
    nextIndexIds.remove(indexName);
    return new CatalogState(version + 1, nextId, nextTables, views, nextIndexIds, triggers);
  }

  public CatalogState withView(ViewDef view) {
    Map<String, ViewDef> nextViews = new TreeMap<>(views);
    nextViews.put(view.name(), view);
    return new CatalogState(version + 1, nextId, tables, nextViews, indexIds, triggers);
  }

  public CatalogState withoutView(String name) {
    Map<String, ViewDef> nextViews = new TreeMap<>(views);
    nextViews.remove(name);
    return new CatalogState(version + 1, nextId, tables, nextViews, indexIds, triggers);
  }

  public CatalogState withTrigger(TriggerDef trigger) {
    Map<String, TriggerDef> nextTriggers = new TreeMap<>(triggers);
    nextTriggers.put(trigger.name(), trigger);
    return new CatalogState(version + 1, nextId, tables, views, indexIds, nextTriggers);
  }

  public CatalogState withoutTrigger(String name) {
    Map<String, TriggerDef> nextTriggers = new TreeMap<>(triggers);
    nextTriggers.remove(name);
    return new CatalogState(version + 1, nextId, tables, views, indexIds, nextTriggers);
  }
}
