package dev.quaver.server.net;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.protocol.AuthOk;
import dev.quaver.protocol.Cancel;
import dev.quaver.protocol.CancelRequest;
import dev.quaver.protocol.ErrorResponse;
import dev.quaver.protocol.Hello;
import dev.quaver.protocol.Message;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.protocol.ProtocolFormat;
import dev.quaver.protocol.Terminate;
import dev.quaver.server.session.RequestQueue;
import dev.quaver.server.session.Session;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's protocol state machine, on the event loop: HELLO (or a CANCEL_REQUEST) first,
 * then requests, each numbered and queued for the session's worker. CANCEL and TERMINATE are
 * handled right here, so they work while the worker is busy streaming. By default
 * ({@code -Dquaver.server.inlineExecute=false} turns it off), one EXECUTE of a single-row INSERT
 * runs right here
 * too when the session is idle ({@link RequestQueue#tryEnter}): it is short and never waits for
 * the client; an event loop per connection (up to {@link NettyServer#ioThreads}) keeps one
 * connection's commit wait from delaying others. A
 * protocol violation answers ERROR 08P01 and closes this connection only.
 *
 * <p>Thread safety: confined to the channel's event loop.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
  /** A connection that has not said HELLO by then is dropped (half frames, idle probes). */
  static final int HANDSHAKE_TIMEOUT_SECONDS = 30;

  private final ServerContext context;
  private Session session;
  private ChannelSink sink;
  private boolean isClosing;

  ConnectionHandler(ServerContext context) {
    this.context = context;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (isClosing) {
      return;
    }
    Message message = (Message) msg;
    if (session == null) {
      handshake(ctx, message);
      return;
    }
    if (message instanceof Cancel) {
      session.cancel();
    } else if (message instanceof Terminate) {
      closeQuietly(ctx);
    } else if (message instanceof Hello || message instanceof CancelRequest || !message.type().isFromClient()) {
      failAndClose(ctx, ErrorCode.PROTOCOL_VIOLATION, "unexpected " + message.type() + " message after authentication");
    } else {
      Session current = session;
      ChannelSink replies = sink;
      long sequence = current.nextSequence();
      RequestQueue queue = current.queue();
      if (queue.tryEnter()) {
        boolean isInline = false;
        try {
          // A single-row INSERT runs right here, as PostgreSQL's backend would: no wake-up of a
          // worker, and the reply is written by this thread without a task for the event loop.
          isInline = context.processor().canProcessInline(current, message);
          if (isInline) {
            context.processor().process(current, sequence, message, replies);
          }
        } finally {
          queue.exit();
        }
        if (isInline) {
          return;
        }
      }
      queue.submit(() -> context.processor().process(current, sequence, message, replies));
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.executor().schedule(() -> {
      if (session == null && ctx.channel().isActive()) {
        failAndClose(ctx, ErrorCode.PROTOCOL_VIOLATION,
            "no HELLO within " + HANDSHAKE_TIMEOUT_SECONDS + " seconds of connecting");
      }
    }, HANDSHAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (sink != null) {
      sink.writabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (session != null) {
      Session closed = session;
      closed.cancel();
      context.sessions().unregister(closed);
      closed.queue().submit(closed::closeAll);
      sink.writabilityChanged();
      LOG.debug("session {} closed", closed.id());
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      closeQuietly(ctx);
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable error = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (error instanceof QuaverException q) {
      LOG.debug("protocol error from {}: {}", ctx.channel().remoteAddress(), q.getMessage());
      failAndClose(ctx, q.code(), q.getMessage());
    } else if (error instanceof IOException) {
      closeQuietly(ctx);
    } else {
      LOG.warn("unexpected error on connection {}", ctx.channel().remoteAddress(), error);
      failAndClose(ctx, ErrorCode.PROTOCOL_VIOLATION, "connection failed: " + error.getClass().getSimpleName());
    }
  }

  private void handshake(ChannelHandlerContext ctx, Message message) {
    if (message instanceof CancelRequest request) {
      context.sessions().find(request.connectionId(), request.secretKey()).ifPresent(Session::cancel);
      closeQuietly(ctx);
    } else if (message instanceof Hello hello) {
      if (!MessageCodec.isSupported(hello.version())) {
        failAndClose(ctx, ErrorCode.PROTOCOL_VIOLATION, "unsupported protocol version " + hello.version()
            + "; this server speaks versions " + ProtocolFormat.MIN_VERSION + " to " + ProtocolFormat.VERSION);
      } else if (!isAuthentic(hello)) {
        failAndClose(ctx, ErrorCode.INVALID_PASSWORD, "password authentication failed for user \"" + hello.user() + "\"");
      } else {
        FrameDecoder decoder = ctx.pipeline().get(FrameDecoder.class);
        if (decoder != null) {
          decoder.authenticated();
        }
        // The session speaks the client's version (docs/protocol.md, Versioning).
        sink = new ChannelSink(ctx.channel(), context.maxFrameBytes(), hello.version());
        session = context.sessions().register(new RequestQueue(context.workers()));
        LOG.debug("session {} authenticated user {}", session.id(), hello.user());
        write(ctx, new AuthOk(hello.version(), session.id(), session.secretKey(), context.serverVersion()));
      }
    } else {
      failAndClose(ctx, ErrorCode.PROTOCOL_VIOLATION,
          "expected HELLO or CANCEL_REQUEST as the first message, got " + message.type());
    }
  }

  private boolean isAuthentic(Hello hello) {
    boolean userMatches = MessageDigest.isEqual(
        hello.user().getBytes(StandardCharsets.UTF_8), context.config().user().getBytes(StandardCharsets.UTF_8));
    boolean passwordMatches = MessageDigest.isEqual(
        hello.password().getBytes(StandardCharsets.UTF_8), context.config().password().getBytes(StandardCharsets.UTF_8));
    return userMatches & passwordMatches;
  }

  private void write(ChannelHandlerContext ctx, Message message) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(MessageCodec.encode(message)));
  }

  private void failAndClose(ChannelHandlerContext ctx, ErrorCode code, String message) {
    if (isClosing) {
      return;
    }
    isClosing = true;
    if (ctx.channel().isActive()) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(MessageCodec.encode(new ErrorResponse(code.sqlState(), message, 0))))
          .addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.close();
    }
  }

  private void closeQuietly(ChannelHandlerContext ctx) {
    if (!isClosing) {
      isClosing = true;
      ctx.close();
    }
  }
}
