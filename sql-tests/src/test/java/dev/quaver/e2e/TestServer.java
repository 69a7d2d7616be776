package dev.quaver.e2e;

import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An in-process Quaver server on a free port with its own temporary data directory, deleted on
 * close. Tests reach it only through {@link #connect()} (the JDBC driver) or its port.
 *
 * <p>Thread safety: {@link #connect} from any thread; {@link #close} once.
 */
public final class TestServer implements AutoCloseable {
  public static final String USER = "quaver";
  public static final String PASSWORD = "quaver";

  static {
    loadDriver();
  }

  private final Path dataDirectory;
  private final QuaverServer server;

  private TestServer(Path dataDirectory, QuaverServer server) {
    this.dataDirectory = dataDirectory;
    this.server = server;
  }

  public static TestServer start() {
    Path directory;
    try {
      directory = Files.createTempDirectory("quaver-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      QuaverServer server = QuaverServer.start(
          new ServerConfig("127.0.0.1", 0, directory, USER, PASSWORD));
      return new TestServer(directory, server);
    } catch (RuntimeException | Error e) {
      deleteRecursively(directory);
      throw e;
    }
  }

  public static String url(int port) {
    return "jdbc:quaver://127.0.0.1:" + port + "/quaver";
  }

  /** Makes sure the driver is registered even if service loading is not set up. */
  public static void loadDriver() {
    try {
      Class.forName("dev.quaver.jdbc.QuaverDriver");
    } catch (ClassNotFoundException e) {
      // DriverManager will say "no suitable driver", which names the problem well enough.
    }
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return url(port());
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      deleteRecursively(dataDirectory);
    }
  }

  public static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp directory is not worth failing a test for.
    }
  }
}
