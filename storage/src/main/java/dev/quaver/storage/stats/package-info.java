/**
 * Table statistics, the planner's only source of truth about data sizes: per table the row
 * count, per column null count, min/max, an HLL distinct-count sketch, an equi-height histogram
 * and the most common values. {@link dev.quaver.storage.stats.StatisticsCollector} builds them
 * from rows or Arrow batches (ANALYZE, the ETL); {@link dev.quaver.storage.stats.StatisticsStore}
 * persists them, one file per table, in {@code stats/} of the data directory
 * ({@code docs/formats/stats.md}). After ETL runs,
 * {@link dev.quaver.storage.stats.IncrementalStatistics} keeps them current by merging the changed
 * rows ({@link dev.quaver.storage.stats.StatisticsMerger}) instead of re-scanning the table.
 */
package dev.quaver.storage.stats;
