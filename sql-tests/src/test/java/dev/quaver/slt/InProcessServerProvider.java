package dev.quaver.slt;

import dev.quaver.e2e.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh in-process server with a fresh data directory per file: the only way to be sure a
 * file sees nothing of the files before it (start-up is cheap once the JVM is warm). Every
 * connection first runs the given session settings as {@code SET name = value} (e.g. the forced
 * planner strategies of issue #7: {@code join_distribution=broadcast}); a setting the server
 * rejects fails the connection, so a typo cannot pass as a run under the default.
 */
final class InProcessServerProvider implements DatabaseProvider {
  private final List<String> settings;

  /** Settings from {@code -Dquaver.slt.settings=name=value;name=value} (empty: none). */
  InProcessServerProvider() {
    this(System.getProperty("quaver.slt.settings", ""));
  }

  /** {@code settings}: {@code name=value} pairs separated by {@code ;} or {@code ,}. */
  InProcessServerProvider(String settings) {
    List<String> parsed = new ArrayList<>();
    for (String pair : settings.split("[;,]")) {
      String trimmed = pair.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("session setting is not name=value: " + trimmed);
      }
      // The value as a string literal: a bare ONE is a reserved word of the grammar.
      parsed.add("SET " + trimmed.substring(0, equals).trim() + " = '"
          + trimmed.substring(equals + 1).trim().replace("'", "''") + "'");
    }
    this.settings = List.copyOf(parsed);
  }

  @Override
  public Database open(String fileName) {
    TestServer server = TestServer.start();
    return new Database() {
      @Override
      public Connection connect() throws SQLException {
        Connection connection = server.connect();
        try (Statement statement = connection.createStatement()) {
          for (String set : settings) {
            statement.execute(set);
          }
        } catch (SQLException | RuntimeException e) {
          connection.close();
          throw e;
        }
        return connection;
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
