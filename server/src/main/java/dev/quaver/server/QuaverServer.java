package dev.quaver.server;

import dev.quaver.server.config.ServerConfig;

/**
 * A running Quaver server: storage opened, planner warmed up, Netty listening. Start with
 * {@link #start}, stop with {@link #close} (idempotent; closes connections, then storage).
 *
 * <p>Thread safety: safe to close from any thread.
 */
public final class QuaverServer implements AutoCloseable {
  private QuaverServer() {}

  public static QuaverServer start(ServerConfig config) {
    throw new UnsupportedOperationException("TODO(#2): server");
  }

  /** The port actually bound (useful when the config asked for port 0). */
  public int port() {
    throw new UnsupportedOperationException("TODO(#2): server");
  }

  @Override
  public void close() {}
}
