package dev.quaver.storage.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of the whole catalog: tables and views by name, the storage id of every index,
 * and the id counter (ids are never reused, so keys of dropped objects never resurface). DDL
 * builds a new state with the {@code with...} methods. Immutable.
 */
public final class CatalogState {
  private final long version;
  private final long nextId;
  private final Map<String, TableDef> tables;
  private final Map<String, ViewDef> views;
  private final Map<String, Long> indexIds;
  private final Map<Long, TableDef> tablesById;

  public CatalogState(long version, long nextId, Map<String, TableDef> tables,
      Map<String, ViewDef> views, Map<String, Long> indexIds) {
    this.version = version;
    this.nextId = nextId;
    this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    this.views = Collections.unmodifiableMap(new TreeMap<>(views));
    this.indexIds = Collections.unmodifiableMap(new TreeMap<>(indexIds));
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
    return new CatalogState(version + 1, newNextId, nextTables, views, nextIndexIds);
  }

  public CatalogState withoutTable(TableDef table) {
    Map<String, TableDef> nextTables = new TreeMap<>(tables);
    nextTables.remove(table.name());
    Map<String, Long> nextIndexIds = new TreeMap<>(indexIds);
    for (IndexDef index : table.indexes()) {
      nextIndexIds.remove(index.name());
    }
    return new CatalogState(version + 1, nextId, nextTables, views, nextIndexIds);
  }

  /** Replaces a table after DROP INDEX. */
  public CatalogState withIndexDropped(TableDef tableAfter, String indexName) {
    Map<String, TableDef> nextTables = new TreeMap<>(tables);
    nextTables.put(tableAfter.name(), tableAfter);
    Map<String, Long> nextIndexIds = new TreeMap<>(indexIds);
    nextIndexIds.remove(indexName);
    return new CatalogState(version + 1, nextId, nextTables, views, nextIndexIds);
  }

  public CatalogState withView(ViewDef view) {
    Map<String, ViewDef> nextViews = new TreeMap<>(views);
    nextViews.put(view.name(), view);
    return new CatalogState(version + 1, nextId, tables, nextViews, indexIds);
  }

  public CatalogState withoutView(String name) {
    Map<String, ViewDef> nextViews = new TreeMap<>(views);
    nextViews.remove(name);
    return new CatalogState(version + 1, nextId, tables, nextViews, indexIds);
  }
}
