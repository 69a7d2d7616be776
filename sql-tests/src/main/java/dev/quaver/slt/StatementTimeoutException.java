package dev.quaver.slt;

/** A statement that outlived the client-side guard; its connection has been abandoned. */
public final class StatementTimeoutException extends Exception {
  public StatementTimeoutException(String message) {
    super(message);
  }
}
