package dev.quaver.protocol;

/** The client is leaving; the server closes the connection and frees the session. */
public record Terminate() implements Message {
  @Override
  public MessageType type() {
    return MessageType.TERMINATE;
  }
}
