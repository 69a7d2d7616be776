package dev.quaver.storage.etl;

import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import java.util.Optional;

/**
 * What the ETL needs from the engine besides the LSM store and the columnar store.
 *
 * <p>Thread safety: implementations are safe for concurrent use.
 */
public interface EtlHost {
  /**
   * Under the engine's commit lock: starts logging the table's changes and returns the newest
   * written sequence (every later commit logs its changes).
   */
  long trackTable(long tableId);

  /** The live definition of a table, or empty once it is dropped. */
  Optional<TableDef> table(long tableId);

  /** Every live user table. */
  List<TableDef> tables();

  /** Called after an ETL published a new version of the table (e.g. to refresh statistics). */
  default void afterEtl(TableDef table, EtlResult result) {}
}
