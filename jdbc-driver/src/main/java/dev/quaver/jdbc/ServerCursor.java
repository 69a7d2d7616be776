package dev.quaver.jdbc;

import dev.quaver.protocol.CloseCursor;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ErrorResponse;
import dev.quaver.protocol.Fetch;
import dev.quaver.protocol.FetchDone;
import dev.quaver.protocol.Message;
import dev.quaver.protocol.RowBatch;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A cursor open on the server. Holds the rows of the latest fetch only; when they are used up
 * it asks for the next {@code fetchSize} rows, so a huge result never sits in client memory.
 * Closing it early sends CLOSE_CURSOR, which stops the statement on the server. A FETCH counts as
 * an exchange of its statement, so Statement.cancel() also stops a slow fetch.
 *
 * <p>Thread safety: confined to the result set's user; exchanges take the connection's lock.
 */
final class ServerCursor implements RowSource {
  private final WireConnection wire;
  private final int cursorId;
  private final QuaverStatement owner;
  private final Deque<ColumnBatch> batches = new ArrayDeque<>();
  private boolean hasMore = true;

  ServerCursor(WireConnection wire, int cursorId, QuaverStatement owner) {
    this.wire = wire;
    this.cursorId = cursorId;
    this.owner = owner;
  }

  /**
   * Reads one fetch's ROW_BATCHes up to FETCH_DONE. Requires: the exchange lock, and the request
   * (QUERY, EXECUTE or FETCH) already sent.
   */
  void readFetch() throws SQLException {
    while (true) {
      Message reply = wire.receive();
      if (reply instanceof RowBatch rows) {
        batches.add(rows.batch());
      } else if (reply instanceof FetchDone done) {
        hasMore = done.hasMore();
        return;
      } else if (reply instanceof ErrorResponse error) {
        hasMore = false;
        throw SqlExceptions.of(error);
      } else {
        hasMore = false;
        wire.closeSocket();
        throw SqlExceptions.of("08P01", "unexpected " + reply.type() + " while reading rows", null);
      }
    }
  }

  @Override
  public ColumnBatch nextBatch(int fetchSize) throws SQLException {
    while (batches.isEmpty() && hasMore) {
      wire.lock();
      owner.exchangeStarted();
      try {
        wire.send(new Fetch(cursorId, Math.max(1, fetchSize)));
        readFetch();
      } finally {
        owner.exchangeEnded();
        wire.unlock();
      }
    }
    return batches.poll();
  }

  @Override
  public void close() throws SQLException {
    batches.clear();
    if (hasMore) {
      hasMore = false;
      if (wire.isClosed()) {
        return;
      }
      wire.lock();
      try {
        wire.send(new CloseCursor(cursorId));
      } finally {
        wire.unlock();
      }
    }
  }
}
