package dev.quaver.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * First frame of a session: the magic, the protocol version, credentials, the database name and
 * free-form connection properties (kept in the client's order).
 */
public record Hello(int magic, int version, String user, String password, String database,
    Map<String, String> properties) implements Message {
  public Hello {
    Objects.requireNonNull(user, "user is null");
    Objects.requireNonNull(password, "password is null");
    Objects.requireNonNull(database, "database is null");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public static Hello of(String user, String password, String database, Map<String, String> properties) {
    return new Hello(ProtocolFormat.MAGIC, ProtocolFormat.VERSION, user, password, database, properties);
  }

  @Override
  public String toString() {
    return "Hello[version=" + version + ", user=" + user + ", database=" + database + "]";
  }

  @Override
  public MessageType type() {
    return MessageType.HELLO;
  }
}
