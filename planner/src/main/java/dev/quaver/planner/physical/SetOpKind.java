package dev.quaver.planner.physical;

/** UNION, INTERSECT and EXCEPT; with ALL they keep duplicates (bag semantics), else sets. */
public enum SetOpKind {
  UNION,
  INTERSECT,
  EXCEPT
}
