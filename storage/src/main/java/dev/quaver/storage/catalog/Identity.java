package dev.quaver.storage.catalog;

/**
 * Whether a column is an identity column (SQL {@code GENERATED ALWAYS | BY DEFAULT AS IDENTITY}):
 * storage assigns its value at commit to every new row that has none, from a per-table counter
 * that only grows and survives restarts and crashes (docs/formats/catalog.md).
 */
public enum Identity {
  /** An ordinary column. */
  NONE,
  /** Values are always generated; an INSERT or UPDATE that gives one fails with 428C9. */
  ALWAYS,
  /** Values are generated when a row gives none (or NULL). */
  BY_DEFAULT;

  public boolean isIdentity() {
    return this != NONE;
  }
}
