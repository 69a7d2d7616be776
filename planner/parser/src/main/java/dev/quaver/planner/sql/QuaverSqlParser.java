package dev.quaver.planner.sql;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.sql.parser.impl.ParseException;
import dev.quaver.planner.sql.parser.impl.QuaverSqlParserImpl;
import dev.quaver.planner.sql.parser.impl.QuaverSqlParserImplConstants;
import dev.quaver.planner.sql.parser.impl.Token;
import java.util.Collection;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Entry point to Quaver's SQL parser: Calcite's grammar plus Quaver's DDL and commands (see
 * README.md of this module). Turns every parse failure into a SYNTAX_ERROR (42601) carrying the
 * 1-based character offset of the offending token. Thread safety: stateless, safe to call
 * concurrently (each call builds its own generated parser).
 */
public final class QuaverSqlParser {
  /** More expected tokens than this are not listed in an error message: they would drown it. */
  private static final int MAX_EXPECTED_TOKENS_LISTED = 6;
  /** Calcite's "at line 1, column 8" inside a message; the exception's position replaces it. */
  private static final Pattern LOCATION = Pattern.compile(" at line \\d+, column \\d+");

  /**
   * Calcite's default lexical rules (unquoted identifiers folded to upper case, double-quoted
   * ones kept, case-sensitive matching) with the LENIENT conformance, which accepts what the
   * SQLite sqllogictest corpus uses: {@code !=}, {@code %}, {@code LIMIT start, count}, GROUP BY
   * ordinals and aliases, and FROM-less SELECT.
   */
  private static final SqlParser.Config CONFIG =
      SqlParser.config()
          .withParserFactory(QuaverSqlParserImpl.FACTORY)
          .withQuoting(Quoting.DOUBLE_QUOTE)
          .withUnquotedCasing(Casing.TO_UPPER)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(true)
          .withConformance(SqlConformanceEnum.LENIENT);

  private QuaverSqlParser() {}

  /** The parser configuration; the planner uses the same conformance when it validates. */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /** Parses exactly one statement; a trailing ';' is allowed. */
  public static SqlNode parse(String sql) {
    SqlNodeList statements = parseList(sql);
    if (statements.size() == 1) {
      return statements.get(0);
    }
    if (statements.isEmpty()) {
      throw new QuaverException(ErrorCode.SYNTAX_ERROR, "empty statement", 1, null);
    }
    SqlParserPos second = statements.get(1).getParserPosition();
    throw new QuaverException(
        ErrorCode.SYNTAX_ERROR,
        "expected one statement, found " + statements.size(),
        offset(sql, second.getLineNum(), second.getColumnNum()),
        null);
  }

  /** Parses statements separated by ';' (the last one may end with ';'). */
  public static SqlNodeList parseList(String sql) {
    try {
      return SqlParser.create(sql, CONFIG).parseStmtList();
    } catch (SqlParseException e) {
      throw syntaxError(sql, e);
    }
  }

  /** Parses one scalar expression, such as a column's stored DEFAULT text ({@code ColumnDef}). */
  public static SqlNode parseExpression(String sql) {
    try {
      return SqlParser.create(sql, CONFIG).parseExpression();
    } catch (SqlParseException e) {
      throw syntaxError(sql, e);
    }
  }

  /**
   * The 1-based character offset of a 1-based (line, column) position as the generated parser
   * counts them: a line ends at "\n", "\r" or "\r\n", and a tab is one column wide (SqlParser
   * sets the tab size to 1). Returns 0 for an unknown position.
   */
  static int offset(String sql, int line, int column) {
    if (line < 1 || column < 1) {
      return 0;
    }
    int lineStart = 0;
    for (int currentLine = 1; currentLine < line; currentLine++) {
      int next = nextLineStart(sql, lineStart);
      if (next < 0) {
        break;
      }
      lineStart = next;
    }
    return Math.min(lineStart + column, sql.length() + 1);
  }

  private static int nextLineStart(String sql, int from) {
    for (int i = from; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < sql.length() && sql.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return -1;
  }

  private static QuaverException syntaxError(String sql, SqlParseException e) {
    SqlParserPos pos = e.getPos();
    int position;
    if (isAtEndOfInput(e)) {
      position = sql.length() + 1; // JavaCC puts <EOF> on the last character; PostgreSQL after it
    } else {
      position = pos == null ? 0 : offset(sql, pos.getLineNum(), pos.getColumnNum());
    }
    return new QuaverException(ErrorCode.SYNTAX_ERROR, message(e), position, e);
  }

  /**
   * A short message: {@code syntax error at or near "FORM"} (or {@code at end of input}) plus the
   * expected tokens when there are few; Calcite's list of dozens of alternatives is dropped. Other
   * parser errors keep their first line without Calcite's "at line L, column C" (the position is
   * carried separately).
   */
  private static String message(SqlParseException e) {
    StringBuilder builder = new StringBuilder();
    Token token = offendingToken(e);
    if (token != null) {
      if (isAtEndOfInput(e)) {
        builder.append("syntax error at end of input");
      } else {
        builder.append("syntax error at or near \"").append(token.image).append('"');
      }
    } else {
      String text = e.getMessage() == null ? "syntax error" : e.getMessage().strip();
      int newline = text.indexOf('\n');
      String first = (newline < 0 ? text : text.substring(0, newline)).strip();
      first = LOCATION.matcher(first).replaceAll("");
      builder.append(first.endsWith(".") ? first.substring(0, first.length() - 1) : first);
    }
    Collection<String> expected = e.getExpectedTokenNames();
    if (!expected.isEmpty() && expected.size() <= MAX_EXPECTED_TOKENS_LISTED) {
      builder.append("; expected ").append(expected.size() > 1 ? "one of " : "");
      builder.append(String.join(", ", expected));
    }
    return builder.toString();
  }

  /** The token the generated parser stopped at, or null when the error is not a ParseException. */
  private static Token offendingToken(SqlParseException e) {
    if (e.getCause() instanceof ParseException parse && parse.currentToken != null) {
      return parse.currentToken.next;
    }
    return null;
  }

  private static boolean isAtEndOfInput(SqlParseException e) {
    Token token = offendingToken(e);
    return token != null && token.kind == QuaverSqlParserImplConstants.EOF;
  }
}
