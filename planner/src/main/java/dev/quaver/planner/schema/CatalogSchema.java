package dev.quaver.planner.schema;

import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The catalog at one version as a Calcite schema: every table and view by its exact name. Built
 * once per catalog version and shared by all statements planned at that version; a DML
 * statement derives a copy whose target table carries the hidden row-key column. Immutable.
 */
public final class CatalogSchema extends AbstractSchema {
  private final long version;
  private final Map<String, Table> tables;
  private final AbstractSchema systemSchema;

  private CatalogSchema(long version, Map<String, Table> tables, AbstractSchema systemSchema) {
    this.version = version;
    this.tables = Collections.unmodifiableMap(tables);
    this.systemSchema = systemSchema;
  }

  /**
   * Reflects {@code catalog}; {@code version} is the version read before the tables, so a DDL
   * change racing with this snapshot makes it look older than it is, never newer.
   */
  public static CatalogSchema snapshot(Catalog catalog, long version, CatalogView.ViewTyper typer) {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (TableDef table : catalog.tables()) {
      tables.put(table.name(), new CatalogTable(table, false));
    }
    for (ViewDef view : catalog.views()) {
      tables.put(view.name(), new CatalogView(view, typer));
    }
    Map<String, Table> system = new LinkedHashMap<>();
    for (TableDef table : catalog.systemTables().tables()) {
      system.put(table.name(), new CatalogTable(table, false));
    }
    Map<String, Table> systemTables = Collections.unmodifiableMap(system);
    AbstractSchema systemSchema = new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        return systemTables;
      }
    };
    return new CatalogSchema(version, tables, systemSchema);
  }

  /** The read-only system tables, as schema {@code SYS} (SystemTable.SCHEMA). */
  public AbstractSchema systemSchema() {
    return systemSchema;
  }

  public long version() {
    return version;
  }

  /** This schema with table {@code name} (if it is a table) exposing its row-key column. */
  public CatalogSchema withRowKey(String name) {
    Table table = tables.get(name);
    if (!(table instanceof CatalogTable catalogTable)) {
      return this;
    }
    Map<String, Table> copy = new LinkedHashMap<>(tables);
    copy.put(name, catalogTable.withRowKeyColumn());
    return new CatalogSchema(version, copy, systemSchema);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
