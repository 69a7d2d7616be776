package dev.quaver.slt;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs every file against one already running server at {@code url}. Before each file it
 * drops every view and table it can see, so each file starts from an empty database; this is
 * only as fresh as DROP makes it (the tests use a new server and data directory per file).
 *
 * <p>Thread safety: confined to the runner's thread.
 */
public final class ExternalServerProvider implements DatabaseProvider {
  private final String url;
  private final String user;
  private final String password;

  public ExternalServerProvider(String url, String user, String password) {
    this.url = Objects.requireNonNull(url, "url is null");
    this.user = user;
    this.password = password;
  }

  @Override
  public Database open(String fileName) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      dropAll(connection, "VIEW");
      dropAll(connection, "TABLE");
    }
    return new Database() {
      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
      }

      @Override
      public void close() {}
    };
  }

  private static void dropAll(Connection connection, String type) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = metaData.getTables(null, null, "%", new String[] {type})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    // Objects may depend on each other (a view over a view): retry while something drops.
    SQLException last = null;
    while (!names.isEmpty()) {
      List<String> remaining = new ArrayList<>();
      for (String name : names) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("DROP " + type + " \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
          remaining.add(name);
          last = e;
        }
      }
      if (remaining.size() == names.size()) {
        throw last;
      }
      names = remaining;
    }
  }
}
