package dev.quaver.slt;

/** A sqllogictest file that does not follow the format; the message names file and line. */
public final class SltParseException extends RuntimeException {
  public SltParseException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }
}
