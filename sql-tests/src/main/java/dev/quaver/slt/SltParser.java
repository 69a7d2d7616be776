package dev.quaver.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the sqllogictest format (docs/slt.md). Records are separated by blank lines; lines
 * starting with {@code #} between records are comments; CRLF and LF line endings are both
 * accepted (the SQLite corpus uses CRLF). Statement SQL runs to the next blank line, query SQL
 * to {@code ----} or a blank line, and query results to the next blank line.
 *
 * <p>Thread safety: stateless; every call parses on its own.
 */
public final class SltParser {
  private SltParser() {}

  public static SltScript parse(Path file, String name) throws IOException {
    return parse(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  public static SltScript parse(String name, String content) {
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].endsWith("\r")) {
        lines[i] = lines[i].substring(0, lines[i].length() - 1);
      }
    }
    List<SltRecord> records = new ArrayList<>();
    List<EngineCondition> conditions = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (isBlank(line) || line.startsWith("#")) {
        i++;
        continue;
      }
      int lineNumber = i + 1;
      String[] words = line.trim().split("\\s+");
      switch (words[0]) {
        case "skipif", "onlyif" -> {
          if (words.length < 2) {
            throw new SltParseException(name, lineNumber, words[0] + " needs an engine name");
          }
          conditions.add(new EngineCondition(words[0].equals("onlyif"), words[1]));
          i++;
          continue;
        }
        case "statement" -> i = parseStatement(name, lines, i, words, conditions, records);
        case "query" -> i = parseQuery(name, lines, i, words, conditions, records);
        case "hash-threshold" -> {
          if (words.length < 2 || !words[1].matches("\\d+")) {
            throw new SltParseException(name, lineNumber, "hash-threshold needs a number");
          }
          records.add(new SltRecord.HashThreshold(
              lineNumber, conditions, Integer.parseInt(words[1])));
          i++;
        }
        case "halt" -> {
          records.add(new SltRecord.Halt(lineNumber, conditions));
          i++;
        }
        default -> throw new SltParseException(
            name, lineNumber, "unknown record type '" + words[0] + "'");
      }
      conditions = new ArrayList<>();
    }
    return new SltScript(name, records);
  }

  private static int parseStatement(
      String name, String[] lines, int start, String[] words, List<EngineCondition> conditions,
      List<SltRecord> records) {
    int lineNumber = start + 1;
    if (words.length < 2 || !(words[1].equals("ok") || words[1].equals("error"))) {
      throw new SltParseException(name, lineNumber, "expected 'statement ok' or 'statement error'");
    }
    boolean expectsError = words[1].equals("error");
    String sqlState = null;
    if (expectsError && words.length >= 3) {
      sqlState = words[2];
      if (!sqlState.matches("[0-9A-Z]{5}")) {
        throw new SltParseException(name, lineNumber, "not a SQLSTATE: " + sqlState);
      }
    } else if (!expectsError && words.length > 2) {
      throw new SltParseException(name, lineNumber, "unexpected words after 'statement ok'");
    }
    int i = start + 1;
    List<String> sql = new ArrayList<>();
    while (i < lines.length && !isBlank(lines[i])) {
      sql.add(lines[i]);
      i++;
    }
    if (sql.isEmpty()) {
      throw new SltParseException(name, lineNumber, "statement without SQL");
    }
    records.add(new SltRecord.Statement(
        lineNumber, conditions, String.join("\n", sql), expectsError, sqlState));
    return i;
  }

  private static int parseQuery(
      String name, String[] lines, int start, String[] words, List<EngineCondition> conditions,
      List<SltRecord> records) {
    int lineNumber = start + 1;
    if (words.length < 2 || !words[1].matches("[ITR]+")) {
      throw new SltParseException(name, lineNumber, "query needs column types made of I, T, R");
    }
    SortMode sortMode = SortMode.NOSORT;
    String label = null;
    if (words.length >= 3) {
      sortMode = SortMode.parse(words[2]);
      if (sortMode == null) {
        throw new SltParseException(name, lineNumber, "unknown sort mode '" + words[2] + "'");
      }
    }
    if (words.length >= 4) {
      label = words[3];
    }
    int i = start + 1;
    List<String> sql = new ArrayList<>();
    while (i < lines.length && !isBlank(lines[i]) && !lines[i].equals("----")) {
      sql.add(lines[i]);
      i++;
    }
    if (sql.isEmpty()) {
      throw new SltParseException(name, lineNumber, "query without SQL");
    }
    List<String> expected = null;
    if (i < lines.length && lines[i].equals("----")) {
      i++;
      expected = new ArrayList<>();
      while (i < lines.length && !isBlank(lines[i])) {
        expected.add(lines[i]);
        i++;
      }
    }
    records.add(new SltRecord.Query(
        lineNumber, conditions, String.join("\n", sql), words[1], sortMode, label, expected));
    return i;
  }

  private static boolean isBlank(String line) {
    return line.isBlank();
  }
}
