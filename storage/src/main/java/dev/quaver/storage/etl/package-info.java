/**
 * The ETL that moves rows from the LSM row store into columnar segments (issue #5): it
 * hash-partitions a table's rows by the distribution key, sorts each partition by the sort key
 * with an external merge sort that spills sorted runs past a memory budget, writes segments,
 * merges small ones, and advances the table's watermark atomically through its columnar
 * manifest. {@link dev.quaver.storage.etl.Etl} runs it in the background when a table's delta
 * grows past a threshold, on demand ({@code OPTIMIZE TABLE}), or after every commit when forced.
 */
package dev.quaver.storage.etl;
