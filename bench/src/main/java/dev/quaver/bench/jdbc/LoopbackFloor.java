package dev.quaver.bench.jdbc;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The machine's floor for issue #4's "≥ 100K rows/s at 64 connections": the cheapest possible
 * synchronous request/response over loopback, with no database at all. Each of N client threads
 * writes a 64-byte request on a blocking socket and reads a 16-byte reply, which a server thread
 * per connection echoes at once (plain {@code java.net} sockets, TCP_NODELAY, no framing, no
 * protocol, no Netty, no storage). A JDBC client doing single-row autocommit INSERTs pays at
 * least this per statement (one request, one reply, a wake-up on each side), so the round trips
 * per second here bound any engine's single-row rate on this machine from above.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.quaver.bench.jdbc.LoopbackFloor}
 * ({@code -Dbench.connections=64,8,1 -Dbench.seconds=5 -Dbench.reps=3}). Prints round trips/s
 * and process CPU per round trip (both sides together) per cell.
 *
 * <p>Thread safety: a main method; the counters are shared through {@link LongAdder}.
 */
public final class LoopbackFloor {
  private static final int REQUEST_BYTES = 64;
  private static final int REPLY_BYTES = 16;
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private LoopbackFloor() {}

  public static void main(String[] args) throws Exception {
    String[] connections = System.getProperty("bench.connections", "64,8,1").split(",");
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
    int reps = Integer.getInteger("bench.reps", 3);
    System.out.printf("JDK %s, %d CPUs, load at start %s%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.println("| conn | round trips/s | CPU us per round trip | load |");
    System.out.println("|---:|---:|---:|---|");
    for (int rep = 0; rep < reps; rep++) {
      for (String count : connections) {
        cell(Integer.parseInt(count.trim()), seconds);
      }
    }
  }

  private static void cell(int connections, double seconds) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    LongAdder trips = new LongAdder();
    List<Thread> threads = new ArrayList<>();
    List<Socket> sockets = new ArrayList<>();
    try (ServerSocket server = new ServerSocket(0, connections, InetAddress.getLoopbackAddress())) {
      for (int i = 0; i < connections; i++) {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket served = server.accept();
        client.setTcpNoDelay(true);
        served.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(served);
        threads.add(start("floor-server-" + i, () -> echo(served)));
        threads.add(start("floor-client-" + i, () -> ask(client, running, trips)));
      }
      Thread.sleep(1000); // warm-up: JIT and connection start-up
      long startTrips = trips.sum();
      long startCpu = OS.getProcessCpuTime();
      long startNanos = System.nanoTime();
      Thread.sleep((long) (seconds * 1000));
      long done = trips.sum() - startTrips;
      long cpu = OS.getProcessCpuTime() - startCpu;
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      running.set(false);
      System.out.printf("| %d | %,.0f | %.1f | %s |%n", connections, done / elapsed, cpu / 1e3 / Math.max(1, done),
          Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } finally {
      running.set(false);
      for (Socket socket : sockets) {
        socket.close();
      }
      for (Thread thread : threads) {
        thread.join(5000);
      }
    }
  }

  private static Thread start(String name, IoTask task) {
    Thread thread = new Thread(() -> {
      try {
        task.run();
      } catch (IOException closed) {
        // the cell ended and closed the socket
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void ask(Socket socket, AtomicBoolean running, LongAdder trips) throws IOException {
    OutputStream out = socket.getOutputStream();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] request = new byte[REQUEST_BYTES];
    byte[] reply = new byte[REPLY_BYTES];
    while (running.get()) {
      out.write(request);
      in.readFully(reply);
      trips.increment();
    }
  }

  private static void echo(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    DataInputStream data = new DataInputStream(in);
    OutputStream out = socket.getOutputStream();
    byte[] request = new byte[REQUEST_BYTES];
    byte[] reply = new byte[REPLY_BYTES];
    while (true) {
      data.readFully(request);
      out.write(reply);
    }
  }

  /** A body that may fail with an I/O error (a closed socket at the end of a cell). */
  private interface IoTask {
    void run() throws IOException;
  }
}
