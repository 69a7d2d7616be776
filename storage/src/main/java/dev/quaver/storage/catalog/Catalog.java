package dev.quaver.storage.catalog;

import dev.quaver.storage.stats.Statistics;
import dev.quaver.storage.system.SystemTables;
import java.util.List;
import java.util.Optional;

/**
 * Tables, views and indexes of one database, persisted with the data: every DDL change is
 * durable (fsynced) and atomic before its method returns, and recovered after a crash. Names are
 * matched exactly (the planner folds unquoted identifiers to lower case before asking). Tables
 * and views share one namespace; index names are unique per database.
 *
 * <p>Reads see a consistent version: {@link #version()} increases with every DDL change, so a
 * cached plan built at an older version is stale.
 *
 * <p>Thread safety: all methods are safe to call concurrently; DDL changes are serialized.
 */
public interface Catalog {
  long version();

  Optional<TableDef> table(String name);

  /** All tables, ordered by name. */
  List<TableDef> tables();

  Optional<ViewDef> view(String name);

  /** All views, ordered by name. */
  List<ViewDef> views();

  /**
   * Creates a table; the id of {@code table} is ignored and a fresh one assigned.
   * Throws DUPLICATE_TABLE (42P07) if a table or view of that name exists.
   */
  TableDef createTable(TableDef table);

  /** Drops a table and all its rows and indexes. Throws UNDEFINED_TABLE (42P01) if absent. */
  void dropTable(String name);

  /** Throws DUPLICATE_TABLE (42P07) if a table or view of that name exists. */
  void createView(ViewDef view);

  /** Throws UNDEFINED_TABLE (42P01) if there is no such view. */
  void dropView(String name);

  /**
   * Adds an index to a table and builds it from the rows already there. A UNIQUE index over
   * existing duplicates fails with UNIQUE_VIOLATION (23505) and changes nothing. Throws
   * DUPLICATE_OBJECT (42710) if an index of that name exists anywhere in the database.
   */
  TableDef createIndex(String tableName, IndexDef index);

  /** Throws UNDEFINED_OBJECT (42704) if there is no index of that name. */
  void dropIndex(String indexName);

  /** The table that owns an index of this name, if any. */
  Optional<TableDef> tableOfIndex(String indexName);

  /** A trigger by name; none for a catalog that keeps no triggers. */
  default Optional<TriggerDef> trigger(String name) {
    return Optional.empty();
  }

  /** The triggers of a table, ordered by name (the order in which they fire). */
  default List<TriggerDef> triggersOn(String tableName) {
    return List.of();
  }

  /**
   * Adds a trigger. Throws DUPLICATE_OBJECT (42710) if a trigger of that name exists,
   * UNDEFINED_TABLE (42P01) if its table does not.
   */
  default void createTrigger(TriggerDef trigger) {
    throw new UnsupportedOperationException("this catalog keeps no triggers");
  }

  /** Throws UNDEFINED_OBJECT (42704) if there is no trigger of that name. */
  /**
   * OPTIMIZE TABLE: runs the table's ETL now (rows changed since its watermark into columnar
   * segments). 42P01 if there is no such table; a no-op for catalogs without an engine.
   */
  default void optimizeTable(String name) {
    if (table(name).isEmpty()) {
      throw dev.quaver.error.QuaverException.of(dev.quaver.error.ErrorCode.UNDEFINED_TABLE,
          "table \"%s\" does not exist", name);
    }
  }

  default void dropTrigger(String name) {
    throw new UnsupportedOperationException("this catalog keeps no triggers");
  }

  /**
   * The read-only system tables (schema {@code SYS}) of the engine behind this catalog; none for
   * a catalog without an engine.
   */
  default SystemTables systemTables() {
    return SystemTables.NONE;
  }

  /**
   * The statistics of this database's tables (ANALYZE, the ETL), the planner's source of data
   * sizes; {@link Statistics#NONE} (every table unknown) for a catalog without a store.
   */
  default Statistics statistics() {
    return Statistics.NONE;
  }
}
