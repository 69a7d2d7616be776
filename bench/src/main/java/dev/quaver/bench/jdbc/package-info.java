/**
 * Side-by-side JDBC write runs of Quaver and PostgreSQL (issue #4, item 8): single-row autocommit
 * INSERTs at several connection counts and PreparedStatement batches, each engine measured in the
 * same run on the same machine. Driven by {@code bench/run-jdbc-inserts.sh}.
 */
package dev.quaver.bench.jdbc;
