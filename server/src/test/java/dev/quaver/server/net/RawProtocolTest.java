package dev.quaver.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.protocol.AuthOk;
import dev.quaver.protocol.CancelRequest;
import dev.quaver.protocol.ErrorResponse;
import dev.quaver.protocol.FetchDone;
import dev.quaver.protocol.Hello;
import dev.quaver.protocol.Message;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.protocol.Ping;
import dev.quaver.protocol.Pong;
import dev.quaver.protocol.ProtocolFormat;
import dev.quaver.protocol.Query;
import dev.quaver.protocol.ResultHeader;
import dev.quaver.protocol.StreamFrames;
import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Frames written by hand: bad input closes only the connection that sent it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RawProtocolTest {
  @TempDir
  static Path data;
  static QuaverServer server;
  static FakeEngine engine;
  static Connection bystander;

  @BeforeAll
  static void start() throws SQLException {
    engine = new FakeEngine();
    server = QuaverServer.start(ServerConfig.defaults(data).withPort(0), engine);
    bystander = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
  }

  @AfterAll
  static void stop() throws SQLException {
    bystander.close();
    server.close();
    assertThat(FakeEngine.OPEN_EXECUTIONS.get()).as("executions left open").isZero();
  }

  @Test
  void garbageGetsAProtocolErrorAndAClose() throws IOException, SQLException {
    try (Socket socket = open()) {
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertErrorThenEof(socket, "08P01");
    }
    assertBystanderWorks();
  }

  @Test
  void halfAFrameThenEndOfInputIsATruncatedFrame() throws IOException, SQLException {
    try (Socket socket = open()) {
      byte[] frame = MessageCodec.encode(hello("quaver"));
      socket.getOutputStream().write(Arrays.copyOf(frame, frame.length / 2));
      socket.shutdownOutput();
      ErrorResponse error = assertErrorThenEof(socket, "08P01");
      assertThat(error.message()).contains("incomplete frame");
    }
    assertBystanderWorks();
  }

  @Test
  void oversizedFrameIsRejectedFromItsHeader() throws IOException, SQLException {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x03, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
      ErrorResponse error = assertErrorThenEof(socket, "08P01");
      assertThat(error.message()).contains("maximum");
    }
    assertBystanderWorks();
  }

  @Test
  void aServerMessageOrAnUnknownTagIsRefusedFromTheHeaderAlone() throws IOException, SQLException {
    try (Socket socket = open()) {
      // ERROR tag with a plausible length: no payload is awaited.
      socket.getOutputStream().write(new byte[] {0x48, 0, 0, 0x10, 0});
      assertThat(assertErrorThenEof(socket, "08P01").message()).contains("sent by servers");
    }
    try (Socket socket = open()) {
      socket.getOutputStream().write(new byte[] {0x3E, 0, 0, 0x10, 0});
      assertThat(assertErrorThenEof(socket, "08P01").message()).contains("unknown message type 0x3E");
    }
    try (Socket socket = open()) {
      // Before authentication frames are limited to 64 KiB.
      socket.getOutputStream().write(new byte[] {0x01, 0, 0x10, 0, 0});
      assertThat(assertErrorThenEof(socket, "08P01").message()).contains("maximum is 65536");
    }
    assertBystanderWorks();
  }

  @Test
  void aStatementBeforeAuthenticationIsRefused() throws IOException {
    try (Socket socket = open()) {
      socket.getOutputStream().write(MessageCodec.encode(new Query("numbers 1", 10)));
      assertErrorThenEof(socket, "08P01");
    }
  }

  @Test
  void wrongVersionIsRefused() throws IOException {
    try (Socket socket = open()) {
      Hello future = new Hello(ProtocolFormat.MAGIC, 99, "quaver", "quaver", "quaver", Map.of());
      socket.getOutputStream().write(MessageCodec.encode(future));
      assertThat(assertErrorThenEof(socket, "08P01").message()).contains("version 99");
    }
  }

  /** An old (version 1) client is answered in version 1: AUTH_OK says 1 and column lists carry no origins. */
  @Test
  void versionOneClientIsAnsweredInVersionOne() throws IOException {
    try (Socket socket = open()) {
      Hello old = new Hello(ProtocolFormat.MAGIC, 1, "quaver", "quaver", "quaver", Map.of());
      socket.getOutputStream().write(MessageCodec.encode(old, 1));
      AuthOk ok = (AuthOk) StreamFrames.read(socket.getInputStream(), ProtocolFormat.DEFAULT_MAX_FRAME_BYTES, 1);
      assertThat(ok.protocolVersion()).isEqualTo(1);
      socket.getOutputStream().write(MessageCodec.encode(new Query("numbers 2", 10), 1));
      Message header = StreamFrames.read(socket.getInputStream(), ProtocolFormat.DEFAULT_MAX_FRAME_BYTES, 1);
      assertThat(header).isInstanceOf(ResultHeader.class);
      assertThat(((ResultHeader) header).columns()).isNotEmpty();
    }
  }

  @Test
  void malformedPayloadAfterAuthenticationClosesOnlyThatConnection() throws IOException, SQLException {
    try (Socket socket = open()) {
      AuthOk ok = authenticate(socket);
      assertThat(ok.protocolVersion()).isEqualTo(ProtocolFormat.VERSION);
      // A QUERY frame whose string length points past the payload.
      socket.getOutputStream().write(new byte[] {0x03, 0, 0, 0, 4, 0, 0, 0, 100});
      assertErrorThenEof(socket, "08P01");
    }
    assertBystanderWorks();
  }

  @Test
  void cancelRequestFromASecondConnection() throws Exception {
    try (Socket socket = open()) {
      AuthOk ok = authenticate(socket);
      socket.getOutputStream().write(MessageCodec.encode(new Query("sleep", 10)));
      assertThat(read(socket)).isInstanceOf(ResultHeader.class);
      try (Socket canceler = open()) {
        canceler.getOutputStream().write(MessageCodec.encode(new CancelRequest(ok.connectionId(), ok.secretKey() + 1)));
        assertThat(canceler.getInputStream().read()).isEqualTo(-1);
      }
      try (Socket canceler = open()) {
        canceler.getOutputStream().write(MessageCodec.encode(new CancelRequest(ok.connectionId(), ok.secretKey())));
        assertThat(canceler.getInputStream().read()).isEqualTo(-1);
      }
      Message reply = read(socket);
      assertThat(reply).isInstanceOf(ErrorResponse.class);
      assertThat(((ErrorResponse) reply).sqlState()).isEqualTo("57014");
      socket.getOutputStream().write(MessageCodec.encode(new Ping()));
      assertThat(read(socket)).isInstanceOf(Pong.class);
      socket.getOutputStream().write(MessageCodec.encode(new Query("numbers 3", 2)));
      assertThat(read(socket)).isInstanceOf(ResultHeader.class);
      read(socket);
      assertThat(read(socket)).isEqualTo(new FetchDone(2, true));
    }
  }

  @Test
  void aClientThatDoesNotReadStopsTheProducer() throws Exception {
    try (Socket socket = open()) {
      authenticate(socket);
      long before = engine.rowsProduced.get();
      // Asks for all ten million rows at once, then reads nothing.
      socket.getOutputStream().write(MessageCodec.encode(new Query("numbers 10000000", 10_000_000)));
      // The producer must come to a stop: wait (up to 20 s, for a loaded machine) until the count
      // holds still for a second, then check where it stopped.
      long produced = -1;
      long producedLater = engine.rowsProduced.get() - before;
      for (int i = 0; i < 20 && producedLater != produced; i++) {
        produced = producedLater;
        Thread.sleep(1000);
        producedLater = engine.rowsProduced.get() - before;
      }
      // Socket buffers plus the 1 MiB write high-water mark hold a few hundred thousand rows at most.
      assertThat(producedLater).isLessThan(2_000_000L).isEqualTo(produced);
      // Reading resumes the stream; closing the socket mid-stream frees the session.
      assertThat(read(socket)).isInstanceOf(ResultHeader.class);
    }
    assertBystanderWorks();
  }

  private static Socket open() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static Hello hello(String password) {
    return Hello.of("quaver", password, "quaver", Map.of());
  }

  private static AuthOk authenticate(Socket socket) throws IOException {
    socket.getOutputStream().write(MessageCodec.encode(hello("quaver")));
    return (AuthOk) read(socket);
  }

  private static Message read(Socket socket) throws IOException {
    return StreamFrames.read(socket.getInputStream(), ProtocolFormat.DEFAULT_MAX_FRAME_BYTES);
  }

  private static ErrorResponse assertErrorThenEof(Socket socket, String sqlState) throws IOException {
    Message message = read(socket);
    assertThat(message).isInstanceOf(ErrorResponse.class);
    ErrorResponse error = (ErrorResponse) message;
    assertThat(error.sqlState()).isEqualTo(sqlState);
    InputStream in = socket.getInputStream();
    try {
      assertThat(in.read()).isEqualTo(-1);
    } catch (IOException e) {
      assertThat(e).isNotInstanceOf(EOFException.class); // a reset is a close too
    }
    return error;
  }

  private static void assertBystanderWorks() throws SQLException {
    try (Statement statement = bystander.createStatement(); ResultSet rows = statement.executeQuery("numbers 2")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.next()).isTrue();
      assertThat(rows.next()).isFalse();
    }
  }
}
