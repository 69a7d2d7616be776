package dev.quaver.planner.physical;

/**
 * How a {@link PhysicalIndexScan} reaches its rows (issue #7, access paths): by primary key
 * with every key column bound by equality (at most one row per key), by a primary-key range, or
 * through a secondary index (index range, then each row by its primary key).
 */
public enum IndexAccess {
  PRIMARY_KEY_POINT("point get"),
  PRIMARY_KEY_RANGE("key range"),
  SECONDARY_INDEX("index range");

  private final String label;

  IndexAccess(String label) {
    this.label = label;
  }

  /** What EXPLAIN calls it. */
  public String label() {
    return label;
  }
}
