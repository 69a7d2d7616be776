package dev.quaver.planner;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A Catalog fake for planner tests: tables and views in sorted maps, no persistence. Thread safety: synchronized. */
final class InMemoryCatalog implements Catalog {
  private final TreeMap<String, TableDef> tables = new TreeMap<>();
  private final TreeMap<String, ViewDef> views = new TreeMap<>();
  private long version = 1;
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
    return new ArrayList<>(tables.values());
  }

  @Override
  public synchronized Optional<ViewDef> view(String name) {
    return Optional.ofNullable(views.get(name));
  }

  @Override
  public synchronized List<ViewDef> views() {
    return new ArrayList<>(views.values());
  }

  @Override
  public synchronized TableDef createTable(TableDef table) {
    if (tables.containsKey(table.name()) || views.containsKey(table.name())) {
      throw QuaverException.of(ErrorCode.DUPLICATE_TABLE, "table %s exists", table.name());
    }
    TableDef created = table.withId(nextId++);
    tables.put(created.name(), created);
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
      throw QuaverException.of(ErrorCode.DUPLICATE_TABLE, "view %s exists", view.name());
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
    TableDef table = tables.get(tableName);
    List<IndexDef> indexes = new ArrayList<>(table.indexes());
    indexes.add(index);
    TableDef changed = table.withIndexes(indexes);
    tables.put(tableName, changed);
    version++;
    return changed;
  }

  @Override
  public synchronized void dropIndex(String indexName) {
    version++;
  }

  @Override
  public synchronized Optional<TableDef> tableOfIndex(String indexName) {
    return tables.values().stream().filter(t -> t.index(indexName).isPresent()).findFirst();
  }
}
