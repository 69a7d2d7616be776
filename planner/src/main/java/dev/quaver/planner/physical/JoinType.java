package dev.quaver.planner.physical;

/**
 * Join types. SEMI and ANTI output only the left columns: SEMI a left row that has a match, ANTI
 * one that has none (no NULL-aware NOT IN semantics: the planner rewrites NOT IN so that plain
 * ANTI is right).
 */
public enum JoinType {
  INNER,
  LEFT,
  RIGHT,
  FULL,
  SEMI,
  ANTI;

  /** True when the output has the right side's columns too. */
  public boolean projectsRight() {
    return this != SEMI && this != ANTI;
  }
}
