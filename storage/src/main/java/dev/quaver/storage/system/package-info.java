/**
 * System tables: read-only tables whose rows are computed on demand from the engine's state
 * (tables, storage layout, statistics). They live in schema {@code SYS}, are listed by JDBC
 * metadata as {@code SYSTEM TABLE}, have negative table ids, and cannot be written.
 * Components register theirs in the catalog's {@link dev.quaver.storage.system.SystemTables}
 * when the engine opens.
 */
package dev.quaver.storage.system;
