package dev.quaver.server.session;

import dev.quaver.planner.SessionSettings;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The authenticated sessions of a server, by connection id, so that a CANCEL_REQUEST arriving
 * on another connection can find the session it names.
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class SessionRegistry {
  private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final SecureRandom random = new SecureRandom();
  private final SessionSettings initialSettings;

  /** A registry whose sessions start with every setting at its default. */
  public SessionRegistry() {
    this(SessionSettings.DEFAULTS);
  }

  /** A registry whose sessions start with {@code initialSettings} (the server's configuration). */
  public SessionRegistry(SessionSettings initialSettings) {
    this.initialSettings = Objects.requireNonNull(initialSettings, "initialSettings is null");
  }

  /** A new session with a fresh connection id and an unguessable secret key. */
  public Session register(RequestQueue queue) {
    Session session = new Session(nextId.getAndIncrement(), random.nextLong(), queue, initialSettings);
    sessions.put(session.id(), session);
    return session;
  }

  public void unregister(Session session) {
    sessions.remove(session.id(), session);
  }

  /** The session with this id if {@code secretKey} is its key (compared in constant time). */
  public Optional<Session> find(int connectionId, long secretKey) {
    Session session = sessions.get(connectionId);
    if (session == null) {
      return Optional.empty();
    }
    byte[] expected = java.nio.ByteBuffer.allocate(8).putLong(session.secretKey()).array();
    byte[] given = java.nio.ByteBuffer.allocate(8).putLong(secretKey).array();
    return MessageDigest.isEqual(expected, given) ? Optional.of(session) : Optional.empty();
  }

  public int size() {
    return sessions.size();
  }
}
