package dev.quaver.server.net;

import dev.quaver.server.config.ServerConfig;
import dev.quaver.server.query.RequestProcessor;
import dev.quaver.server.session.SessionRegistry;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/** What every connection of one server shares. Immutable (its parts are thread-safe). */
record ServerContext(ServerConfig config, SessionRegistry sessions, RequestProcessor processor,
    ExecutorService workers, int maxFrameBytes, String serverVersion) {
  ServerContext {
    Objects.requireNonNull(config, "config is null");
    Objects.requireNonNull(sessions, "sessions is null");
    Objects.requireNonNull(processor, "processor is null");
    Objects.requireNonNull(workers, "workers is null");
  }
}
