package dev.quaver.server.query;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.protocol.BatchResult;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.CatalogRequest;
import dev.quaver.protocol.CloseCursor;
import dev.quaver.protocol.CloseStatement;
import dev.quaver.protocol.ErrorResponse;
import dev.quaver.protocol.Execute;
import dev.quaver.protocol.ExecuteBatch;
import dev.quaver.protocol.Fetch;
import dev.quaver.protocol.FetchDone;
import dev.quaver.protocol.Message;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.protocol.Ping;
import dev.quaver.protocol.Pong;
import dev.quaver.protocol.Prepare;
import dev.quaver.protocol.PrepareKeys;
import dev.quaver.protocol.PrepareOk;
import dev.quaver.protocol.ProtocolFormat;
import dev.quaver.protocol.Query;
import dev.quaver.protocol.QueryBatch;
import dev.quaver.protocol.QueryKeys;
import dev.quaver.protocol.ResultHeader;
import dev.quaver.protocol.RowBatch;
import dev.quaver.protocol.UpdateCount;
import dev.quaver.server.session.Session;
import dev.quaver.server.session.SessionStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one request of a session on a worker thread and sends its whole response. Every failure
 * becomes one ERROR frame (QuaverException: its SQLSTATE; anything else: XX000, logged here with
 * its stack trace) and the session stays usable.
 *
 * <p>A row result is sent a fetch at a time: at most {@code fetchSize} rows, then FETCH_DONE;
 * the execution is not pulled again until the client's next FETCH. Within a fetch, the sink
 * blocks while the client is not reading, so neither side ever holds more than a fetch.
 *
 * <p>Thread safety: stateless apart from the engine; sessions confine their own state.
 */
public final class RequestProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);
  /** Rows per ROW_BATCH frame at most (a fetch may span several frames). */
  static final int MAX_ROWS_PER_FRAME = 4096;
  /**
   * A single EXECUTE of an INSERT of values runs through the one-commit batch path (default on;
   * {@code -Dquaver.server.oneCommitExecute=false} when the processor is created restores the
   * general executor path, for A/B measurements).
   */
  private final boolean oneCommitExecute =
      Boolean.parseBoolean(System.getProperty("quaver.server.oneCommitExecute", "true"));
  /**
   * Such an EXECUTE runs on the connection's event loop when the session is idle: the default
   * since the quiet-machine runs (docs/bench-jdbc-inserts.md: faster at 1, 8 and 64 connections,
   * less CPU and allocation per statement); {@code -Dquaver.server.inlineExecute=false} keeps the
   * worker hand-off.
   */
  private final boolean inlineExecute = inlineExecuteSetting();

  /** Whether a single-row INSERT may run on its connection's event loop (read per server). */
  public static boolean inlineExecuteSetting() {
    return Boolean.parseBoolean(System.getProperty("quaver.server.inlineExecute", "true"));
  }

  private final QueryEngine engine;

  public RequestProcessor(QueryEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine is null");
  }

  /**
   * True when {@code request} may run on the connection's event loop: a PING, or one EXECUTE of a
   * statement that {@link EngineStatement#isOneCommitWrite runs in one commit}. Requires: the caller holds the session's queue (nothing of the session runs).
   */
  public boolean canProcessInline(Session session, Message request) {
    if (request instanceof Ping) {
      return inlineExecute; // a PONG and nothing else: a worker's wake-up would be most of its cost
    }
    if (!inlineExecute || !oneCommitExecute || !(request instanceof Execute execute)
        || execute.parameters().rowCount() != 1) {
      return false;
    }
    EngineStatement statement = session.statement(execute.statementId());
    return statement != null && statement.isOneCommitWrite();
  }

  /** Handles {@code request}, the {@code sequence}-th of the session; never throws. */
  public void process(Session session, long sequence, Message request, ResponseSink sink) {
    try {
      dispatch(session, sequence, request, sink);
    } catch (Throwable t) {
      QuaverException error = QuaverException.wrap(t);
      if (!(t instanceof QuaverException)) {
        LOG.warn("internal error in session {} handling {}", session.id(), request.type(), t);
        error = new QuaverException(ErrorCode.INTERNAL_ERROR, shorten(error.getMessage()));
      }
      if (!sink.isAbandoned()) {
        sink.send(ErrorResponse.of(error));
      }
    } finally {
      session.clearRunning();
    }
  }

  private void dispatch(Session session, long sequence, Message request, ResponseSink sink) {
    if (request instanceof Query query) {
      checkCanceled(session, sequence);
      EngineStatement statement = SessionStatements.prepare(engine, session, query.sql());
      start(session, sequence, statement, List.of(), query.fetchSize(), sink, null);
    } else if (request instanceof QueryKeys query) {
      checkCanceled(session, sequence);
      EngineStatement statement = SessionStatements.prepare(engine, session, query.sql());
      start(session, sequence, statement, List.of(), query.fetchSize(), sink, statement.keys(query.keys()));
    } else if (request instanceof PrepareKeys prepare) {
      EngineStatement statement = new KeyedStatement(
          SessionStatements.prepare(engine, session, prepare.sql()), prepare.keys());
      statement.keys(prepare.keys()); // unknown key columns fail now, at PREPARE
      int id = session.addStatement(statement);
      sink.send(new PrepareOk(id, statement.parameterTypes(), statement.columns()));
    } else if (request instanceof Prepare prepare) {
      EngineStatement statement = SessionStatements.prepare(engine, session, prepare.sql());
      int id = session.addStatement(statement);
      sink.send(new PrepareOk(id, statement.parameterTypes(), statement.columns()));
    } else if (request instanceof Execute execute) {
      checkCanceled(session, sequence);
      EngineStatement statement = statement(session, execute.statementId());
      if (execute.parameters().rowCount() != 1) {
        throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
            "EXECUTE needs exactly one parameter set, got %d", execute.parameters().rowCount());
      }
      if (oneCommitExecute && statement.isOneCommitWrite() && executeOneCommit(statement, execute, sink)) {
        return;
      }
      List<Object> parameters = Parameters.row(execute.parameters(), 0, statement.parameterTypes());
      start(session, sequence, statement, parameters, execute.fetchSize(), sink, keysOf(statement));
    } else if (request instanceof ExecuteBatch batch) {
      EngineStatement statement = statement(session, batch.statementId());
      checkCanceled(session, sequence);
      // Every set converted (or refused) before anything runs; columns stay as decoded.
      ColumnBatch sets = Parameters.batch(batch.parameters(), statement.parameterTypes());
      GeneratedKeysCollector keys = keysOf(statement);
      GeneratedKeysCollector collector = keys == null ? GeneratedKeysCollector.NONE : keys;
      Optional<long[]> oneCommit = collector.capture(() -> statement.executeInOneCommit(sets));
      if (oneCommit.isPresent()) {
        // All or nothing: on an error no entry was written, so no counts precede the ERROR.
        List<Long> counts = new ArrayList<>(sets.rowCount());
        for (long count : oneCommit.get()) {
          counts.add(count);
        }
        sendKeys(keys, sink);
        sink.send(new BatchResult(counts));
        return;
      }
      List<Long> counts = new ArrayList<>(sets.rowCount());
      for (int row = 0; row < sets.rowCount(); row++) {
        checkCanceled(session, sequence);
        try {
          int entry = row;
          counts.add(collector.capture(() -> runForCount(session, sequence, statement, sets.row(entry), entry)));
        } catch (QuaverException e) {
          // The counts of the entries before the failing one, then the ERROR (docs/protocol.md);
          // no generated keys.
          sink.send(new BatchResult(counts));
          throw inBatch(e, row);
        }
      }
      sendKeys(keys, sink);
      sink.send(new BatchResult(counts));
    } else if (request instanceof QueryBatch batch) {
      List<Long> counts = new ArrayList<>(batch.sqls().size());
      for (int i = 0; i < batch.sqls().size(); i++) {
        checkCanceled(session, sequence);
        try {
          counts.add(runForCount(session, sequence, SessionStatements.prepare(engine, session, batch.sqls().get(i)), List.of(), i));
        } catch (QuaverException e) {
          // The counts of the entries before the failing one, then the ERROR (docs/protocol.md).
          sink.send(new BatchResult(counts));
          throw inBatch(e, i);
        }
      }
      sink.send(new BatchResult(counts));
    } else if (request instanceof Fetch fetch) {
      Cursor cursor = session.cursor(fetch.cursorId());
      if (cursor == null) {
        throw QuaverException.of(ErrorCode.INVALID_CURSOR_NAME, "cursor %d does not exist", fetch.cursorId());
      }
      fetch(session, sequence, cursor, fetch.fetchSize(), sink);
    } else if (request instanceof CloseCursor close) {
      session.closeCursor(close.cursorId());
    } else if (request instanceof CloseStatement close) {
      session.removeStatement(close.statementId());
    } else if (request instanceof CatalogRequest) {
      sink.send(engine.catalog());
    } else if (request instanceof Ping) {
      sink.send(new Pong());
    } else {
      throw QuaverException.of(ErrorCode.PROTOCOL_VIOLATION, "unexpected %s message", request.type());
    }
  }

  /**
   * One EXECUTE of an INSERT of values through the batch path (one parameter set: one write batch,
   * one commit): it skips building an operator tree and a statement allocator. Same rows, update
   * count, generated keys and SQLSTATEs as {@link #start}. False when the statement was re-planned
   * into one that does not run in one commit (the caller then runs it the general way).
   */
  private static boolean executeOneCommit(EngineStatement statement, Execute execute, ResponseSink sink) {
    ColumnBatch set = Parameters.batch(execute.parameters(), statement.parameterTypes());
    GeneratedKeysCollector keys = keysOf(statement);
    GeneratedKeysCollector collector = keys == null ? GeneratedKeysCollector.NONE : keys;
    Optional<long[]> counts = collector.capture(() -> statement.executeInOneCommit(set));
    if (counts.isEmpty()) {
      return false;
    }
    sendKeys(keys, sink);
    sink.send(new UpdateCount(counts.get().length == 0 ? 0 : Math.max(0, counts.get()[0])));
    return true;
  }

  /**
   * {@code keys}: null, or the generated keys to send (GENERATED_KEYS before UPDATE_COUNT) when
   * the statement returns an update count; a statement that returns rows sends none.
   */
  private void start(Session session, long sequence, EngineStatement statement, List<Object> parameters,
      int fetchSize, ResponseSink sink, GeneratedKeysCollector keys) {
    EngineExecution execution = keys == null ? statement.execute(parameters)
        : keys.capture(() -> statement.execute(parameters));
    if (!execution.returnsRows()) {
      long count;
      try {
        count = execution.updateCount();
      } finally {
        execution.close();
      }
      sendKeys(keys, sink);
      sink.send(new UpdateCount(Math.max(0, count)));
      return;
    }
    Cursor cursor = new Cursor(session.nextCursorId(), execution);
    session.addCursor(cursor);
    sink.send(new ResultHeader(cursor.id(), execution.columns()));
    fetch(session, sequence, cursor, fetchSize, sink);
  }

  private long runForCount(Session session, long sequence, EngineStatement statement, List<Object> parameters, int entry) {
    EngineExecution execution = statement.execute(parameters);
    try {
      session.setRunning(sequence, execution);
      if (execution.returnsRows()) {
        throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
            "batch entry %d returns rows; a batch may only hold statements that return update counts", entry + 1);
      }
      return Math.max(0, execution.updateCount());
    } finally {
      session.clearRunning();
      execution.close();
    }
  }

  private void fetch(Session session, long sequence, Cursor cursor, int fetchSize, ResponseSink sink) {
    int remaining = fetchSize > 0 ? fetchSize : ProtocolFormat.DEFAULT_FETCH_SIZE;
    boolean isDone = false;
    session.setRunning(sequence, cursor.execution());
    try {
      while (remaining > 0) {
        checkCanceled(session, sequence);
        if (sink.isAbandoned()) {
          session.closeCursor(cursor.id());
          return;
        }
        ColumnBatch rows = cursor.next(Math.min(remaining, MAX_ROWS_PER_FRAME));
        if (rows == null) {
          isDone = true;
          break;
        }
        sendRows(cursor.id(), rows, sink);
        remaining -= rows.rowCount();
      }
      isDone |= cursor.isKnownExhausted();
    } catch (RuntimeException | Error e) {
      session.closeCursor(cursor.id());
      throw e;
    } finally {
      session.clearRunning();
    }
    if (isDone) {
      session.closeCursor(cursor.id());
    }
    sink.send(new FetchDone(cursor.id(), !isDone));
  }

  /** Sends rows in frames under the size limit, halving a slice that encodes too large. */
  private static void sendRows(int cursorId, ColumnBatch rows, ResponseSink sink) {
    byte[] frame = MessageCodec.encode(new RowBatch(cursorId, rows));
    int payloadBytes = frame.length - ProtocolFormat.HEADER_BYTES;
    if (payloadBytes <= sink.maxFrameBytes()) {
      sink.sendFrame(frame);
      return;
    }
    if (rows.rowCount() == 1) {
      throw QuaverException.of(ErrorCode.PROGRAM_LIMIT_EXCEEDED,
          "a result row of %d bytes exceeds the frame limit of %d bytes", payloadBytes, sink.maxFrameBytes());
    }
    int half = rows.rowCount() / 2;
    sendRows(cursorId, rows.slice(0, half), sink);
    sendRows(cursorId, rows.slice(half, rows.rowCount() - half), sink);
  }

  /** A fresh collector for a statement prepared with PREPARE_KEYS, else null. */
  private static GeneratedKeysCollector keysOf(EngineStatement statement) {
    return statement instanceof KeyedStatement keyed ? keyed.keys(keyed.keys()) : null;
  }

  private static void sendKeys(GeneratedKeysCollector keys, ResponseSink sink) {
    if (keys != null) {
      sink.send(keys.message());
    }
  }

  private static EngineStatement statement(Session session, int statementId) {
    EngineStatement statement = session.statement(statementId);
    if (statement == null) {
      throw QuaverException.of(ErrorCode.INVALID_SQL_STATEMENT_NAME, "prepared statement %d does not exist", statementId);
    }
    return statement;
  }

  /**
   * Names the failing entry (1-based) at the start of the message: the driver reads it to report
   * how many entries succeeded (docs/protocol.md, BATCH_RESULT).
   */
  private static QuaverException inBatch(QuaverException e, int entry) {
    return new QuaverException(e.code(), "batch entry " + (entry + 1) + ": " + e.getMessage(), e.position(), e);
  }

  private static void checkCanceled(Session session, long sequence) {
    if (session.isCanceled(sequence)) {
      throw new QuaverException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
    }
  }

  private static String shorten(String message) {
    return message.length() > 500 ? message.substring(0, 500) + "..." : message;
  }
}
