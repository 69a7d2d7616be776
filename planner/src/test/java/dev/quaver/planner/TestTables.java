package dev.quaver.planner;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds TableDefs from the simple CREATE TABLE statements of the sqllogictest corpus
 * ({@code name(col TYPE [PRIMARY KEY], ...)}), folding names to upper case as Calcite does.
 * A stand-in until planner/parser's DdlConverter is used by these tests.
 */
final class TestTables {
  private static final Pattern CREATE = Pattern.compile(
      "(?is)^\\s*CREATE\\s+TABLE\\s+(\\w+)\\s*\\((.*)\\)\\s*$");

  private TestTables() {}

  static boolean isCreateTable(String sql) {
    return CREATE.matcher(sql).matches();
  }

  static TableDef parse(String sql) {
    Matcher matcher = CREATE.matcher(sql);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a CREATE TABLE: " + sql);
    }
    String name = matcher.group(1).toUpperCase(Locale.ROOT);
    List<ColumnDef> columns = new ArrayList<>();
    List<Integer> primaryKey = new ArrayList<>();
    for (String definition : splitTopLevel(matcher.group(2))) {
      String[] words = definition.trim().split("\\s+", 2);
      String rest = words.length > 1 ? words[1].trim() : "";
      String upper = rest.toUpperCase(Locale.ROOT);
      ColumnType type = type(upper);
      boolean key = upper.contains("PRIMARY KEY");
      if (key) {
        primaryKey.add(columns.size());
      }
      columns.add(new ColumnDef(words[0].toUpperCase(Locale.ROOT), type, !key && !upper.contains("NOT NULL"), null));
    }
    return new TableDef(0, name, columns, primaryKey, primaryKey, TableDef.DEFAULT_PARTITIONS, List.of());
  }

  static TableDef table(String name, List<ColumnDef> columns, List<Integer> primaryKey) {
    return new TableDef(0, name, columns, primaryKey, primaryKey, TableDef.DEFAULT_PARTITIONS, List.of());
  }

  private static ColumnType type(String text) {
    Matcher varchar = Pattern.compile("^VARCHAR\\((\\d+)\\)").matcher(text);
    if (varchar.find()) {
      return ColumnType.varchar(Integer.parseInt(varchar.group(1)));
    }
    if (text.startsWith("INT")) {
      return ColumnType.INTEGER;
    }
    if (text.startsWith("BIGINT")) {
      return ColumnType.BIGINT;
    }
    if (text.startsWith("TEXT") || text.startsWith("VARCHAR")) {
      return ColumnType.TEXT;
    }
    if (text.startsWith("DOUBLE") || text.startsWith("REAL") || text.startsWith("FLOAT")) {
      return ColumnType.DOUBLE;
    }
    if (text.startsWith("DECIMAL")) {
      return ColumnType.decimal(18, 2);
    }
    if (text.startsWith("CHAR")) {
      return ColumnType.character(10);
    }
    if (text.startsWith("DATE")) {
      return ColumnType.DATE;
    }
    return ColumnType.INTEGER;
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
