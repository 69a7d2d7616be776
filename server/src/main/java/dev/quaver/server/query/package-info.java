/**
 * The life of a statement on the server: {@link dev.quaver.server.query.QueryEngine} is the seam
 * to planner, executor and storage ({@link dev.quaver.server.query.LocalQueryEngine} is the real
 * one; tests plug in fakes); {@link dev.quaver.server.query.RequestProcessor} runs one request on
 * a worker thread (never on the event loop) and streams results through a {@link
 * dev.quaver.server.query.ResponseSink} fetch by fetch, with backpressure and cancellation.
 */
package dev.quaver.server.query;
