package dev.quaver.server.net;

import dev.quaver.server.config.ServerConfig;
import dev.quaver.server.query.RequestProcessor;
import dev.quaver.server.session.SessionRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The listening socket and its pipeline ({@code FrameDecoder → ConnectionHandler}), the event
 * loops, and the worker pool statements run on.
 *
 * <p>Thread safety: {@link #close} is idempotent and may be called from any thread.
 */
public final class NettyServer implements AutoCloseable {
  /** Outbound bytes a connection may buffer before its worker waits for the client. */
  private static final int WRITE_HIGH_WATER_BYTES = 1024 * 1024;
  private static final int WRITE_LOW_WATER_BYTES = 256 * 1024;

  /**
   * Event loops for connections: {@code -Dquaver.server.ioThreads} when set; else, with inline
   * execution (the default; {@code -Dquaver.server.inlineExecute=false} turns it off),
   * {@code max(64, 2 x cores)}; else Netty's default
   * (0: 2 x cores). An inline single-row INSERT runs on its connection's loop up to its commit
   * (ConnectionHandler), so a loop shared by two connections would make one wait for the other's
   * fdatasync; with a loop per connection (up to 64) committers meet in one group commit, as
   * separate PostgreSQL backends do. An idle loop costs a parked thread.
   */
  static int ioThreads() {
    int inlineDefault = Math.max(64, 2 * Runtime.getRuntime().availableProcessors());
    return Integer.getInteger("quaver.server.ioThreads",
        RequestProcessor.inlineExecuteSetting() ? inlineDefault : 0);
  }

  private final EventLoopGroup bossGroup;
  private final EventLoopGroup ioGroup;
  private final ExecutorService workers;
  private final Channel serverChannel;
  private final SessionRegistry sessions;
  private boolean isClosed;

  private NettyServer(ServerConfig config, RequestProcessor processor, int maxFrameBytes, String serverVersion) {
    bossGroup = new MultiThreadIoEventLoopGroup(1, daemonThreads("quaver-accept"), NioIoHandler.newFactory());
    ioGroup = new MultiThreadIoEventLoopGroup(ioThreads(), daemonThreads("quaver-io"), NioIoHandler.newFactory());
    workers = Executors.newCachedThreadPool(daemonThreads("quaver-worker"));
    sessions = new SessionRegistry(config.sessionDefaults());
    ServerContext context = new ServerContext(config, sessions, processor, workers, maxFrameBytes, serverVersion);
    try {
      ServerBootstrap bootstrap = new ServerBootstrap()
          .group(bossGroup, ioGroup)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
              new WriteBufferWaterMark(WRITE_LOW_WATER_BYTES, WRITE_HIGH_WATER_BYTES))
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              channel.pipeline().addLast(new FrameDecoder(maxFrameBytes), new ConnectionHandler(context));
            }
          });
      serverChannel = bootstrap.bind(config.host(), config.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      shutdownGroups();
      throw e;
    }
  }

  /** Binds {@code config.host():config.port()} (port 0: any free port) and starts accepting. */
  public static NettyServer start(ServerConfig config, RequestProcessor processor, int maxFrameBytes,
      String serverVersion) {
    return new NettyServer(config, processor, maxFrameBytes, serverVersion);
  }

  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  public SessionRegistry sessions() {
    return sessions;
  }

  @Override
  public synchronized void close() {
    if (isClosed) {
      return;
    }
    isClosed = true;
    serverChannel.close().syncUninterruptibly();
    shutdownGroups();
  }

  private void shutdownGroups() {
    bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    // Closing the channels canceled every running statement and queued each session's cleanup
    // (closing its cursors frees their Arrow memory): let that finish before the engine closes.
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
        workers.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
