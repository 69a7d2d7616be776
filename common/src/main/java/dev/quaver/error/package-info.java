/**
 * The SQLSTATE-coded error model: one unchecked {@link dev.quaver.error.QuaverException} carrying
 * an {@link dev.quaver.error.ErrorCode}. Every layer throws it for errors a user can see; the
 * server sends its SQLSTATE and message to the client, and the JDBC driver turns it into an
 * SQLException with the same SQLSTATE.
 */
package dev.quaver.error;
