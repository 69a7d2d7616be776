package dev.quaver.planner.physical;

/**
 * Aggregate functions. Over an empty group (or all-NULL input) every function but COUNT,
 * COUNT_STAR and SUM0 returns NULL; NULL inputs are skipped.
 */
public enum AggregateFunction {
  /** COUNT(*): rows, BIGINT. No arguments. */
  COUNT_STAR,
  /** COUNT(x): non-NULL values, BIGINT. */
  COUNT,
  /** SUM(x): result type the call's (BIGINT for integral input, DECIMAL, DOUBLE); overflow raises 22003. */
  SUM,
  /** Like SUM but 0 instead of NULL for an empty group (Calcite's $SUM0). */
  SUM0,
  /** AVG(x): result type the call's (DOUBLE for integral and floating input, DECIMAL for DECIMAL). */
  AVG,
  MIN,
  MAX,
  /** Any one value of the group (the first seen). */
  ANY_VALUE,
  /** The value of a group of at most one row; a second row raises CARDINALITY_VIOLATION (21000). */
  SINGLE_VALUE,
  /** A constant for every group: {@code AggregateCall.literal}. No arguments. */
  LITERAL_AGG,
  /** true if every non-NULL value is true (EVERY / BOOL_AND). */
  BOOL_AND,
  /** true if any non-NULL value is true (SOME / BOOL_OR). */
  BOOL_OR
}
