package dev.quaver.slt;

import java.util.Objects;

/**
 * One record that did not behave as its file says. {@code reason} is one line (it is what
 * known-failures.txt records); {@code expected} and {@code actual} may span lines.
 */
public record RecordFailure(
    String file, int line, String sql, String reason, String expected, String actual) {
  public RecordFailure {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(reason, "reason is null");
    reason = reason.replaceAll("\\s+", " ").trim();
    if (reason.length() > 160) {
      reason = reason.substring(0, 157) + "...";
    }
  }

  /** {@code file:line}, the key in known-failures.txt. */
  public String key() {
    return file + ":" + line;
  }

  /** The multi-line report printed for the first failures of a file. */
  public String describe() {
    return "FAIL " + key() + ": " + reason + "\n"
        + indent("sql", sql) + indent("expected", expected) + indent("actual", actual);
  }

  private static String indent(String title, String text) {
    if (text == null) {
      return "";
    }
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder("  ").append(title).append(":\n");
    int shown = Math.min(lines.length, 25);
    for (int i = 0; i < shown; i++) {
      out.append("    ").append(lines[i]).append('\n');
    }
    if (shown < lines.length) {
      out.append("    ... (").append(lines.length - shown).append(" more lines)\n");
    }
    return out.toString();
  }
}
