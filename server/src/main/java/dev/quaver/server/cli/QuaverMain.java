package dev.quaver.server.cli;

import dev.quaver.error.QuaverException;
import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import dev.quaver.server.config.ServerConfigLoader;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code quaver server [--port 5488] [--host 127.0.0.1] [--data ./data] [--user u] [--password p]
 * [--config file]}: starts a server and runs until SIGTERM or Ctrl-C, when a shutdown hook closes
 * it cleanly (connections, then storage). Exit codes: 0 after a clean stop, 2 for bad usage, 1
 * when the server cannot start.
 */
public final class QuaverMain {
  private QuaverMain() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args)));
  }

  static int run(List<String> args) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
      usage();
      return args.isEmpty() ? 2 : 0;
    }
    if (!args.get(0).equals("server")) {
      System.err.println("quaver: unknown command \"" + args.get(0) + "\"");
      usage();
      return 2;
    }
    if (args.contains("--help") || args.contains("-h")) {
      usage();
      return 0;
    }
    ServerConfig config;
    try {
      config = ServerConfigLoader.load(args.subList(1, args.size()));
    } catch (QuaverException e) {
      System.err.println("quaver: " + e.getMessage());
      usage();
      return 2;
    }
    QuaverServer server;
    try {
      server = QuaverServer.start(config);
    } catch (RuntimeException e) {
      System.err.println("quaver: cannot start the server: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Quaver server shutting down");
      server.close();
      stopped.countDown();
    }, "quaver-shutdown"));
    System.out.println("Quaver " + QuaverServer.VERSION + " listening on " + config.host() + ":" + server.port());
    System.out.println("Data directory: " + config.dataDirectory().toAbsolutePath().normalize());
    System.out.println("Connect with: bin/quaver sql " + server.jdbcUrl());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void usage() {
    System.err.println("usage: quaver server [--port 5488] [--host 127.0.0.1] [--data ./data]"
        + " [--user quaver] [--password quaver] [--config quaver.properties]");
  }
}
