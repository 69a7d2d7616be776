package dev.quaver.planner.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the SQL of each record of a sqllogictest file: the lines after {@code statement ...} or
 * {@code query ...} up to a blank line or {@code ----}. A test helper, not the real runner (that
 * lives in sql-tests).
 */
final class SltStatements {
  /** One record's SQL; {@code onlyIf} is the engine of a preceding "onlyif" line, or null. */
  record Statement(Path file, int line, String sql, boolean expectsError, String onlyIf) {
    @Override
    public String toString() {
      return file.getFileName() + ":" + line;
    }
  }

  private SltStatements() {}

  static List<Statement> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Statement> statements = new ArrayList<>();
    String onlyIf = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("onlyif ")) {
        onlyIf = line.substring("onlyif ".length()).strip();
        continue;
      }
      boolean isStatement = line.startsWith("statement ");
      if (!isStatement && !line.startsWith("query ")) {
        if (line.isEmpty()) {
          onlyIf = null;
        }
        continue;
      }
      int start = i + 1;
      StringBuilder sql = new StringBuilder();
      while (i + 1 < lines.size()) {
        String next = lines.get(i + 1).strip();
        if (next.isEmpty() || next.equals("----")) {
          break;
        }
        sql.append(lines.get(++i).stripTrailing()).append('\n');
      }
      boolean expectsError = isStatement && line.startsWith("statement error");
      statements.add(new Statement(file, start + 1, sql.toString().strip(), expectsError, onlyIf));
      onlyIf = null;
    }
    return statements;
  }
}
