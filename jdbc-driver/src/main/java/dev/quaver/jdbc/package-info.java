/**
 * Quaver's JDBC driver: java.sql objects over the wire protocol of {@code dev.quaver.protocol}.
 * {@link dev.quaver.jdbc.QuaverDriver} parses {@code jdbc:quaver://host[:port][/database]} URLs;
 * a connection is one socket ({@code WireConnection}) whose request/response exchanges are
 * serialized by a lock; results arrive a fetch at a time and are decoded with plain Java
 * ({@code ResultValues}), so the jar needs nothing but the JDK.
 */
package dev.quaver.jdbc;
