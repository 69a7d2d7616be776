/**
 * The server's entry point, {@link dev.quaver.server.QuaverServer}: opens storage, builds planner
 * and executor, and starts the network layer ({@code net}), which keeps per-connection state in
 * {@code session} and runs statements through {@code query}. Configuration lives in
 * {@code config}, the command line in {@code cli}.
 */
package dev.quaver.server;
