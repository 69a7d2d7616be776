package dev.quaver.jdbc;

import dev.quaver.error.QuaverException;
import dev.quaver.protocol.AuthOk;
import dev.quaver.protocol.Cancel;
import dev.quaver.protocol.ErrorResponse;
import dev.quaver.protocol.Hello;
import dev.quaver.protocol.Message;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.protocol.ProtocolFormat;
import dev.quaver.protocol.StreamFrames;
import dev.quaver.protocol.Terminate;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The socket of one JDBC connection. A request and its whole response are one exchange under
 * {@link #lock()}, which makes the connection safe for many threads (they take turns). Frames are
 * written under a separate {@code writeLock}, so {@link #sendCancel()} can slip a CANCEL frame
 * in while another thread is in the middle of an exchange. Any I/O or framing failure breaks the
 * connection: it is closed, and every later call fails with 08006.
 *
 * <p>Thread safety: guarded by {@code exchangeLock} (exchanges) and {@code writeLock} (frames).
 */
final class WireConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final int maxFrameBytes;
  private final ReentrantLock exchangeLock = new ReentrantLock();
  private final Object writeLock = new Object();
  private final AuthOk auth;
  /** The session's protocol version (AUTH_OK): how the server's frames are decoded. */
  private final int version;
  private volatile boolean isClosed;

  private WireConnection(Socket socket, Hello hello) throws IOException, SQLException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    this.maxFrameBytes = ProtocolFormat.DEFAULT_MAX_FRAME_BYTES;
    int handshakeVersion = hello.version();
    send(hello);
    Message reply = read(handshakeVersion);
    if (reply instanceof ErrorResponse error) {
      closeSocket();
      throw SqlExceptions.of(error);
    }
    if (!(reply instanceof AuthOk ok)) {
      closeSocket();
      throw new SQLNonTransientConnectionException("unexpected " + reply.type() + " during the handshake", "08P01");
    }
    if (ok.protocolVersion() < ProtocolFormat.MIN_VERSION || ok.protocolVersion() > hello.version()) {
      closeSocket();
      throw new SQLNonTransientConnectionException("the server answered protocol version "
          + ok.protocolVersion() + " to a HELLO of version " + hello.version(), "08P01");
    }
    this.auth = ok;
    this.version = ok.protocolVersion();
  }

  /**
   * Connects and says HELLO in the newest protocol version; a server that refuses it (an older
   * server speaks only version 1) gets a second connection that says HELLO in version 1.
   */
  static WireConnection open(String host, int port, int connectTimeoutMillis, Hello hello) throws SQLException {
    try {
      return openVersion(host, port, connectTimeoutMillis, hello);
    } catch (SQLException e) {
      if (hello.version() > ProtocolFormat.MIN_VERSION && "08P01".equals(e.getSQLState())
          && String.valueOf(e.getMessage()).contains("unsupported protocol version")) {
        Hello older = new Hello(hello.magic(), ProtocolFormat.MIN_VERSION, hello.user(), hello.password(),
            hello.database(), hello.properties());
        return openVersion(host, port, connectTimeoutMillis, older);
      }
      throw e;
    }
  }

  private static WireConnection openVersion(String host, int port, int connectTimeoutMillis, Hello hello)
      throws SQLException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      return new WireConnection(socket, hello);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already failing
      }
      throw SqlExceptions.of("08001", "cannot connect to Quaver at " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  int maxFrameBytes() {
    return maxFrameBytes;
  }

  AuthOk auth() {
    return auth;
  }

  /** Starts an exchange; pair with {@link #unlock()} in a finally block. */
  void lock() throws SQLException {
    exchangeLock.lock();
    if (isClosed) {
      exchangeLock.unlock();
      throw SqlExceptions.closed("connection");
    }
  }

  /** Like {@link #lock()} but gives up after {@code millis}; false when it did. */
  boolean tryLock(long millis) throws SQLException {
    try {
      if (!exchangeLock.tryLock(millis, TimeUnit.MILLISECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (isClosed) {
      exchangeLock.unlock();
      return false;
    }
    return true;
  }

  void unlock() {
    exchangeLock.unlock();
  }

  void send(Message message) throws SQLException {
    byte[] frame = MessageCodec.encode(message);
    if (frame.length - ProtocolFormat.HEADER_BYTES > maxFrameBytes) {
      // Refused here: sent, the server would drop the whole connection as a protocol violation.
      throw new SQLException(message.type() + " of " + (frame.length - ProtocolFormat.HEADER_BYTES)
          + " bytes exceeds the frame limit of " + maxFrameBytes + " bytes", "54000");
    }
    synchronized (writeLock) {
      try {
        out.write(frame);
        out.flush();
      } catch (IOException e) {
        throw broken(e);
      }
    }
  }

  /** The protocol version of this session. */
  int version() {
    return version;
  }

  /** Reads the next frame of the current exchange. Requires: the exchange lock. */
  Message receive() throws SQLException {
    return read(version);
  }

  private Message read(int frameVersion) throws SQLException {
    try {
      return StreamFrames.read(in, maxFrameBytes, frameVersion);
    } catch (SocketTimeoutException e) {
      closeSocket();
      throw new SQLTimeoutException("network timeout: no reply from the server within "
          + timeoutMillis() + " ms; the connection is closed", "08006", e);
    } catch (IOException e) {
      throw broken(e);
    } catch (QuaverException e) {
      closeSocket();
      throw SqlExceptions.of(e.sqlState(), e.getMessage(), e);
    }
  }

  /** Sends CANCEL without waiting for the exchange lock; failures are ignored (best effort). */
  void sendCancel() {
    if (isClosed) {
      return;
    }
    try {
      send(new Cancel());
    } catch (SQLException e) {
      // The connection broke; the canceled exchange fails on its own.
    }
  }

  int timeoutMillis() {
    try {
      return socket.getSoTimeout();
    } catch (IOException e) {
      return 0;
    }
  }

  void setTimeoutMillis(int millis) throws SQLException {
    try {
      socket.setSoTimeout(millis);
    } catch (IOException e) {
      throw broken(e);
    }
  }

  boolean isClosed() {
    return isClosed;
  }

  /** Says goodbye if the socket still works, then closes it. */
  @Override
  public void close() {
    if (isClosed) {
      return;
    }
    try {
      send(new Terminate());
    } catch (SQLException ignored) {
      // closing anyway
    }
    closeSocket();
  }

  /** Closes the socket at once (Connection.abort, broken streams). */
  void closeSocket() {
    isClosed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  private SQLException broken(IOException e) {
    boolean wasClosed = isClosed;
    closeSocket();
    if (wasClosed) {
      return SqlExceptions.closed("connection");
    }
    return SqlExceptions.of("08006", "connection to the Quaver server lost: " + e.getMessage(), e);
  }
}
