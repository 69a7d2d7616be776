package dev.quaver.slt;

import dev.quaver.e2e.TestServer;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A fresh in-process server with a fresh data directory per file: the only way to be sure a
 * file sees nothing of the files before it (start-up is cheap once the JVM is warm).
 */
final class InProcessServerProvider implements DatabaseProvider {
  @Override
  public Database open(String fileName) {
    TestServer server = TestServer.start();
    return new Database() {
      @Override
      public Connection connect() throws SQLException {
        return server.connect();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
