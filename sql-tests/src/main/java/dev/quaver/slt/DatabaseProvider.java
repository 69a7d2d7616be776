package dev.quaver.slt;

/**
 * Makes a fresh, empty {@link Database} for each test file, so that files never see each
 * other's tables. Implementations: {@link ExternalServerProvider} (an already running server,
 * emptied between files) and, in the tests, an in-process server per file.
 */
public interface DatabaseProvider extends AutoCloseable {
  /** Requires: the previous database handed out was closed. */
  Database open(String fileName) throws Exception;

  @Override
  default void close() throws Exception {}
}
