/**
 * Columnar segment files (docs/formats/segment.md): immutable Arrow IPC files of one table
 * partition, in row groups of a fixed row count, with per-column zone maps in the file footer's
 * custom metadata, dictionary-encoded low-cardinality strings and Arrow body compression, plus the
 * per-table manifest of live segments and the table's watermark. Readers memory-map a file and
 * load only the requested columns of the row groups they do not skip.
 */
package dev.quaver.storage.columnar.segment;
