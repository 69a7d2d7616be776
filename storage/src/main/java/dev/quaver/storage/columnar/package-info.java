/**
 * The columnar side of storage: {@link dev.quaver.storage.columnar.ArrowTypes}, the one mapping
 * between Quaver's SQL types and Arrow vectors that scans, the executor and the server's result
 * encoder share; the published columnar versions of tables and the change log that makes
 * segments ⊕ delta reads exact ({@link dev.quaver.storage.columnar.ColumnarStore},
 * {@link dev.quaver.storage.columnar.ChangeLog}); and the columnar scan. The files themselves
 * are in {@code columnar.segment}, the ETL that writes them in {@code etl}.
 */
package dev.quaver.storage.columnar;
