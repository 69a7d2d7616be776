package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.protocol.Hello;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.protocol.MessageType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad bytes on the wire close only the connection that sent them: garbage, a frame cut off
 * half-way, an oversized length. A JDBC session opened before keeps working throughout, and
 * new sessions can still connect.
 */
class BadInputIT {
  private static final int READ_TIMEOUT_MILLIS = 10_000;
  private static TestServer server;
  private static Connection survivor;
  private static int counter;

  @BeforeAll
  static void start() throws SQLException {
    server = TestServer.start();
    survivor = server.connect();
    try (Statement statement = survivor.createStatement()) {
      statement.execute("CREATE TABLE survivor (id INTEGER PRIMARY KEY)");
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    if (survivor != null) {
      survivor.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void garbageClosesOnlyItsConnection() throws Exception {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    assertServerCloses(concat("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        garbage));
    assertServerCloses(garbage);
    assertSurvivorWorks();
  }

  @Test
  void halfAFrameThenCloseIsHarmless() throws Exception {
    byte[] hello = MessageCodec.encode(Hello.of("quaver", "quaver", "quaver", Map.of()));
    for (int cut : new int[] {1, 3, hello.length / 2, hello.length - 1}) {
      try (Socket socket = connect()) {
        socket.getOutputStream().write(Arrays.copyOf(hello, cut));
        socket.getOutputStream().flush();
      }
      assertSurvivorWorks();
    }
    // A half frame followed by silence: the server must not block anything else meanwhile.
    try (Socket socket = connect()) {
      socket.getOutputStream().write(Arrays.copyOf(hello, hello.length / 2));
      socket.getOutputStream().flush();
      assertSurvivorWorks();
      try (Connection other = server.connect()) {
        assertWorks(other);
      }
    }
  }

  @Test
  void oversizedLengthClosesOnlyItsConnection() throws Exception {
    ByteBuffer header = ByteBuffer.allocate(5);
    header.put((byte) MessageType.HELLO.tag()).putInt(Integer.MAX_VALUE);
    assertServerCloses(header.array());
    ByteBuffer negative = ByteBuffer.allocate(5);
    negative.put((byte) MessageType.HELLO.tag()).putInt(-1);
    assertServerCloses(negative.array());
    // After a valid HELLO, an oversized frame must also end that session only.
    byte[] hello = MessageCodec.encode(Hello.of("quaver", "quaver", "quaver", Map.of()));
    assertServerCloses(concat(hello, header.array()));
    try (Connection other = server.connect()) {
      assertWorks(other);
    }
    assertSurvivorWorks();
  }

  @Test
  void unknownMessageTypeClosesOnlyItsConnection() throws Exception {
    assertServerCloses(new byte[] {(byte) 0x3e, 0, 0, 0, 1, 7});
    assertSurvivorWorks();
  }

  private static void assertServerCloses(byte[] bytes) throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        return; // Closed while we were still writing: that is closing.
      }
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      long deadline = System.currentTimeMillis() + READ_TIMEOUT_MILLIS;
      try {
        // The server may answer with an error frame first; then it must close.
        while (in.read(buffer) >= 0) {
          assertThat(System.currentTimeMillis()).as("server closes the connection")
              .isLessThan(deadline);
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server did not close a connection that sent bad input", e);
      } catch (IOException e) {
        // A reset is a close too.
      }
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    return socket;
  }

  private static void assertSurvivorWorks() throws SQLException {
    assertWorks(survivor);
  }

  private static synchronized void assertWorks(Connection connection) throws SQLException {
    int id = ++counter + (connection == survivor ? 0 : 1_000_000);
    try (Statement statement = connection.createStatement()) {
      assertThat(statement.executeUpdate("INSERT INTO survivor VALUES (" + id + ")")).isEqualTo(1);
      try (ResultSet rs = statement.executeQuery(
          "SELECT COUNT(*) FROM survivor WHERE id = " + id)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
