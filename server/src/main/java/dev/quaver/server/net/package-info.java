/**
 * The Netty side of the server: {@link dev.quaver.server.net.NettyServer} binds the port,
 * {@link dev.quaver.server.net.FrameDecoder} cuts bytes into protocol messages (enforcing the
 * frame limit), {@link dev.quaver.server.net.ConnectionHandler} does the handshake and hands
 * requests to the session's worker queue, and {@link dev.quaver.server.net.ChannelSink} writes
 * replies with backpressure. Nothing here runs a statement.
 */
package dev.quaver.server.net;
