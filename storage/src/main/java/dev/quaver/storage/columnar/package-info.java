/**
 * The columnar side of storage. Today it holds {@link dev.quaver.storage.columnar.ArrowTypes},
 * the one mapping between Quaver's SQL types and Arrow vectors that scans, the executor and the
 * server's result encoder share. The Arrow segment files and their zone maps (issue #5) join it
 * here.
 */
package dev.quaver.storage.columnar;
