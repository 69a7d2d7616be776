package dev.quaver.storage.catalog;

/**
 * How {@link PersistentCatalog} makes a DDL change durable: implemented by the storage engine,
 * which writes the encoded state and the change's data effects as one WAL record.
 *
 * <p>Call protocol: {@code persist} either makes the change durable and calls {@code install}
 * exactly once, while no data commit can run (so no commit sees the old table definition after
 * the new one is durable), or throws having changed nothing (e.g. UNIQUE_VIOLATION while
 * building a unique index).
 */
public interface CatalogPersistence {
  void persist(CatalogState next, byte[] encodedState, CatalogChange change, Runnable install);

  /** Runs the ETL of {@code table} now (OPTIMIZE TABLE); engines without one do nothing. */
  default void runEtl(TableDef table) {}
}
