package dev.quaver.storage;

/**
 * What an insert does when its row conflicts with another row on the primary key or a UNIQUE
 * index ({@link WriteBatch#insert(dev.quaver.storage.catalog.TableDef, Object[], ConflictAction)}).
 * Resolved at commit against the latest rows, in the batch's operation order.
 */
public enum ConflictAction {
  /** The commit fails with UNIQUE_VIOLATION (23505): plain INSERT. */
  ERROR,
  /**
   * Every conflicting row is deleted and the new row inserted (REPLACE INTO, INSERT OR REPLACE).
   * A later row of the same batch replaces an earlier one (SQLite's order).
   */
  REPLACE,
  /**
   * The new row is skipped (INSERT OR IGNORE, ON CONFLICT DO NOTHING). Of two conflicting rows
   * of one batch, the first is kept.
   */
  IGNORE
}
