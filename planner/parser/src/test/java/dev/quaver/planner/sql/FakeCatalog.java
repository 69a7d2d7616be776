package dev.quaver.planner.sql;

import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalog over two maps, enough for the converter's look-ups. Thread safety: confined to one
 * test thread.
 */
final class FakeCatalog implements Catalog {
  private final Map<String, TableDef> tables = new TreeMap<>();
  private final Map<String, ViewDef> views = new TreeMap<>();

  FakeCatalog withTable(TableDef table) {
    tables.put(table.name(), table);
    return this;
  }

  FakeCatalog withView(ViewDef view) {
    views.put(view.name(), view);
    return this;
  }

  @Override
  public long version() {
    return 1;
  }

  @Override
  public Optional<TableDef> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  @Override
  public List<TableDef> tables() {
    return new ArrayList<>(tables.values());
  }

  @Override
  public Optional<ViewDef> view(String name) {
    return Optional.ofNullable(views.get(name));
  }

  @Override
  public List<ViewDef> views() {
    return new ArrayList<>(views.values());
  }

  @Override
  public TableDef createTable(TableDef table) {
    throw new UnsupportedOperationException("the converter never changes the catalog");
  }

  @Override
  public void dropTable(String name) {
    throw new UnsupportedOperationException("the converter never changes the catalog");
  }

  @Override
  public void createView(ViewDef view) {
    throw new UnsupportedOperationException("the converter never changes the catalog");
  }

  @Override
  public void dropView(String name) {
    throw new UnsupportedOperationException("the converter never changes the catalog");
  }

  @Override
  public TableDef createIndex(String tableName, IndexDef index) {
    throw new UnsupportedOperationException("the converter never changes the catalog");
  }

  @Override
  public void dropIndex(String indexName) {
    throw new UnsupportedOperationException("the converter never changes the catalog");
  }

  @Override
  public Optional<TableDef> tableOfIndex(String indexName) {
    return Optional.empty();
  }
}
