package dev.quaver.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a server needs to start. {@code port} 0 picks a free port (tests). The server
 * listens on {@code host} only (127.0.0.1 by default). Immutable.
 */
public record ServerConfig(String host, int port, Path dataDirectory, String user, String password) {
  public static final int DEFAULT_PORT = 5488;

  public ServerConfig {
    Objects.requireNonNull(host, "host is null");
    Objects.requireNonNull(dataDirectory, "dataDirectory is null");
    Objects.requireNonNull(user, "user is null");
    Objects.requireNonNull(password, "password is null");
  }

  public static ServerConfig defaults(Path dataDirectory) {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, dataDirectory, "quaver", "quaver");
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dataDirectory, user, password);
  }
}
