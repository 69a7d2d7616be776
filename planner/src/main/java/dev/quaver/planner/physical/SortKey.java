package dev.quaver.planner.physical;

/** One ORDER BY key: an input column, direction, and where NULLs go. */
public record SortKey(int column, boolean descending, boolean nullsFirst) {}
