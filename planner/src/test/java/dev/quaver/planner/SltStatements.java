package dev.quaver.planner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the SQL of every record of a sqllogictest file (records marked onlyif another engine are skipped). */
final class SltStatements {
  /** One record: its SQL, whether it expects an error, its line number. */
  record Record(String sql, boolean expectsError, int line) {}

  private SltStatements() {}

  static List<Record> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Record> records = new ArrayList<>();
    boolean skip = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("onlyif ")) {
        skip = true;
        continue;
      }
      if (line.startsWith("statement") || line.startsWith("query")) {
        int start = i + 1;
        StringBuilder sql = new StringBuilder();
        int j = start;
        while (j < lines.size() && !lines.get(j).isBlank() && !lines.get(j).equals("----")) {
          sql.append(lines.get(j)).append('\n');
          j++;
        }
        if (!skip) {
          records.add(new Record(sql.toString().trim(), line.startsWith("statement error"), start));
        }
        skip = false;
        i = j;
        continue;
      }
      if (line.isBlank()) {
        skip = false;
      }
    }
    return records;
  }
}
