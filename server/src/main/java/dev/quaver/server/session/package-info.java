/**
 * Per-connection state: the {@link dev.quaver.server.session.Session} (prepared statements, open
 * cursors, the cancel bookkeeping), the {@link dev.quaver.server.session.RequestQueue} that runs
 * one connection's requests in order on the shared worker pool, and the {@link
 * dev.quaver.server.session.SessionRegistry} that CANCEL_REQUESTs from other connections look
 * sessions up in.
 */
package dev.quaver.server.session;
