package dev.quaver.server.config;

import dev.quaver.executor.ExecutorConfig;
import dev.quaver.planner.SessionSettings;
import dev.quaver.planner.Settings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a server needs to start. {@code port} 0 picks a free port (tests). The server
 * listens on {@code host} only (127.0.0.1 by default). {@code queryMemoryLimitBytes} is the
 * default memory limit of one statement (a session may SET query_memory_limit) and
 * {@code totalMemoryLimitBytes} the limit of all statements together; 0 means the executor's
 * default ({@link ExecutorConfig#defaults}). {@code parallelism} is how many fragment instances
 * of one query compute at once (a session may SET parallelism; 1 = serial); 0 means one per
 * core. Immutable.
 */
public record ServerConfig(String host, int port, Path dataDirectory, String user, String password,
    long queryMemoryLimitBytes, long totalMemoryLimitBytes, int parallelism) {
  public static final int DEFAULT_PORT = 5488;

  public ServerConfig {
    Objects.requireNonNull(host, "host is null");
    Objects.requireNonNull(dataDirectory, "dataDirectory is null");
    Objects.requireNonNull(user, "user is null");
    Objects.requireNonNull(password, "password is null");
    if (queryMemoryLimitBytes < 0 || totalMemoryLimitBytes < 0) {
      throw new IllegalArgumentException("memory limits must be >= 0");
    }
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must be >= 0");
    }
  }

  /** A configuration with one worker per core. */
  public ServerConfig(String host, int port, Path dataDirectory, String user, String password,
      long queryMemoryLimitBytes, long totalMemoryLimitBytes) {
    this(host, port, dataDirectory, user, password, queryMemoryLimitBytes, totalMemoryLimitBytes, 0);
  }

  /** A configuration with the executor's default memory limits. */
  public ServerConfig(String host, int port, Path dataDirectory, String user, String password) {
    this(host, port, dataDirectory, user, password, 0, 0);
  }

  public static ServerConfig defaults(Path dataDirectory) {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, dataDirectory, "quaver", "quaver");
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dataDirectory, user, password, queryMemoryLimitBytes,
        totalMemoryLimitBytes, parallelism);
  }

  /** This configuration with other memory limits (0: the executor's default). */
  public ServerConfig withMemoryLimits(long queryBytes, long totalBytes) {
    return new ServerConfig(host, port, dataDirectory, user, password, queryBytes, totalBytes, parallelism);
  }

  /** This configuration with another parallelism (0: one per core). */
  public ServerConfig withParallelism(int workers) {
    return new ServerConfig(host, port, dataDirectory, user, password, queryMemoryLimitBytes,
        totalMemoryLimitBytes, workers);
  }

  /** The executor configuration: defaults, with the configured limits and parallelism where they are set. */
  public ExecutorConfig executorConfig() {
    ExecutorConfig defaults = ExecutorConfig.defaults(dataDirectory.resolve("spill"));
    long total = totalMemoryLimitBytes > 0 ? totalMemoryLimitBytes : defaults.totalMemoryLimitBytes();
    long query = queryMemoryLimitBytes > 0 ? queryMemoryLimitBytes : defaults.queryMemoryLimitBytes();
    return new ExecutorConfig(Math.min(query, total), total, defaults.batchRows(), defaults.spillDirectory(),
        parallelism > 0 ? parallelism : defaults.parallelism());
  }

  /** The settings every new session starts from: the configured query memory limit as default. */
  public SessionSettings sessionDefaults() {
    return SessionSettings.DEFAULTS.withBaseline(Settings.QUERY_MEMORY_LIMIT, executorConfig().queryMemoryLimitBytes());
  }
}
