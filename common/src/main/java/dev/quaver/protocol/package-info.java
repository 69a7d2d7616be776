/**
 * The Quaver wire protocol (docs/protocol.md): one record per message, {@link
 * dev.quaver.protocol.MessageCodec} to turn them into frames and back, and {@link
 * dev.quaver.protocol.ColumnBatch}, the column-wise result layout. Shared by the server and the
 * JDBC driver, so it depends on nothing but the JDK and {@code dev.quaver.type}/{@code error}.
 * Malformed input always surfaces as a {@code QuaverException} with SQLSTATE 08P01.
 */
package dev.quaver.protocol;
