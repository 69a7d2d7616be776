package dev.quaver.server.session;

import dev.quaver.planner.SessionSettings;
import dev.quaver.server.query.Cursor;
import dev.quaver.server.query.EngineExecution;
import dev.quaver.server.query.EngineStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One authenticated connection: its prepared statements and open cursors, and what cancel needs.
 *
 * <p>Cancellation: the event loop numbers each request as it arrives ({@link #nextSequence}).
 * A CANCEL (or a CANCEL_REQUEST naming this session) marks every request numbered so far as
 * canceled and cancels the one running; a request starting later checks its number first. So a
 * cancel that overtakes a queued request still stops it, and never affects later ones.
 *
 * <p>Its {@link SessionSettings} (SET / RESET / SHOW) start from the server's configuration.
 *
 * <p>Thread safety: statements and cursors are confined to the session's {@link RequestQueue}
 * (one worker at a time); the cancel fields are atomic or volatile and may be used from any
 * thread.
 */
public final class Session {
  private final int id;
  private final long secretKey;
  private final RequestQueue queue;
  private final Map<Integer, EngineStatement> statements = new HashMap<>();
  private final Map<Integer, Cursor> cursors = new HashMap<>();
  private int nextStatementId = 1;
  private int nextCursorId = 1;
  private final AtomicLong lastSequence = new AtomicLong();
  private final AtomicLong canceledThrough = new AtomicLong();
  private volatile EngineExecution running;
  private volatile long runningSequence;
  private volatile SessionSettings settings;

  Session(int id, long secretKey, RequestQueue queue, SessionSettings settings) {
    this.id = id;
    this.secretKey = secretKey;
    this.queue = queue;
    this.settings = settings;
  }

  /** The settings this session's statements are planned and executed with (SET/RESET change them). */
  public SessionSettings settings() {
    return settings;
  }

  /** Replaces the settings (SET, RESET); runs on the session's queue. */
  public void setSettings(SessionSettings newSettings) {
    settings = java.util.Objects.requireNonNull(newSettings, "newSettings is null");
  }

  public int id() {
    return id;
  }

  public long secretKey() {
    return secretKey;
  }

  public RequestQueue queue() {
    return queue;
  }

  /** Numbers a request as it is read (event loop). */
  public long nextSequence() {
    return lastSequence.incrementAndGet();
  }

  /** Cancels every request received so far; see the class comment. */
  public void cancel() {
    canceledThrough.accumulateAndGet(lastSequence.get(), Math::max);
    EngineExecution execution = running;
    if (execution != null && isCanceled(runningSequence)) {
      execution.cancel();
    }
  }

  public boolean isCanceled(long sequence) {
    return sequence <= canceledThrough.get();
  }

  /** Publishes the execution request {@code sequence} is driving, so cancel can reach it. */
  public void setRunning(long sequence, EngineExecution execution) {
    runningSequence = sequence;
    running = execution;
    if (isCanceled(sequence)) {
      execution.cancel();
    }
  }

  public void clearRunning() {
    running = null;
  }

  public int addStatement(EngineStatement statement) {
    int statementId = nextStatementId++;
    statements.put(statementId, statement);
    return statementId;
  }

  public EngineStatement statement(int statementId) {
    return statements.get(statementId);
  }

  public void removeStatement(int statementId) {
    statements.remove(statementId);
  }

  public int nextCursorId() {
    return nextCursorId++;
  }

  public void addCursor(Cursor cursor) {
    cursors.put(cursor.id(), cursor);
  }

  public Cursor cursor(int cursorId) {
    return cursors.get(cursorId);
  }

  /** Closes and forgets a cursor; unknown ids are ignored. */
  public void closeCursor(int cursorId) {
    Cursor cursor = cursors.remove(cursorId);
    if (cursor != null) {
      cursor.close();
    }
  }

  /** Frees everything; runs on the session's queue after its last request. */
  public void closeAll() {
    List<Cursor> open = new ArrayList<>(cursors.values());
    cursors.clear();
    statements.clear();
    for (Cursor cursor : open) {
      cursor.close();
    }
  }
}
