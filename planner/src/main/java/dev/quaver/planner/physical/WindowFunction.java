package dev.quaver.planner.physical;

/**
 * Functions a PhysicalWindow computes per row. Ranking functions and LAG/LEAD ignore the frame;
 * the aggregates and FIRST_VALUE/LAST_VALUE are computed over the row's frame (WindowFrame).
 * Aggregates follow AggregateFunction's rules (NULLs skipped, NULL over an empty frame except
 * COUNT/COUNT_STAR/SUM0 which give 0).
 */
public enum WindowFunction {
  /** 1, 2, 3, ... within the partition. */
  ROW_NUMBER,
  /** 1 + the number of rows before the row's first peer (gaps after ties). */
  RANK,
  /** 1 + the number of distinct peer groups before the row (no gaps). */
  DENSE_RANK,
  /** The value {@code offset} rows before, else the default (argument 1) or NULL. */
  LAG,
  /** The value {@code offset} rows after, else the default (argument 1) or NULL. */
  LEAD,
  FIRST_VALUE,
  LAST_VALUE,
  COUNT_STAR,
  COUNT,
  SUM,
  SUM0,
  AVG,
  MIN,
  MAX
}
