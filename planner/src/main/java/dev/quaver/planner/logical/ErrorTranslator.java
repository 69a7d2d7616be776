package dev.quaver.planner.logical;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns Calcite's exceptions into SQLSTATE-coded QuaverExceptions with a 1-based character
 * position, by the text of Calcite's (stable, resource-bundle) messages. Anything unrecognised
 * is a SYNTAX_ERROR if it carries a position, else an INTERNAL_ERROR: no raw Calcite exception
 * leaves the planner.
 */
public final class ErrorTranslator {
  private record Rule(String fragment, ErrorCode code) {}

  /** First match wins: more specific fragments come first. */
  private static final List<Rule> RULES = List.of(
      new Rule("does not allow NULLs", ErrorCode.NOT_NULL_VIOLATION),
      new Rule("into generated column", ErrorCode.GENERATED_ALWAYS),
      new Rule("Object '", ErrorCode.UNDEFINED_TABLE),
      new Rule("Table '", ErrorCode.UNDEFINED_TABLE),
      new Rule("is ambiguous", ErrorCode.AMBIGUOUS_COLUMN),
      new Rule("Unknown target column", ErrorCode.UNDEFINED_COLUMN),
      new Rule("Column '", ErrorCode.UNDEFINED_COLUMN),
      new Rule("Unknown field", ErrorCode.UNDEFINED_COLUMN),
      new Rule("No match found for function signature", ErrorCode.UNDEFINED_FUNCTION),
      new Rule("not being grouped", ErrorCode.GROUPING_ERROR),
      new Rule("not in GROUP BY", ErrorCode.GROUPING_ERROR),
      new Rule("Aggregate expression is illegal", ErrorCode.GROUPING_ERROR),
      new Rule("aggregate", ErrorCode.GROUPING_ERROR),
      new Rule("Cannot apply", ErrorCode.DATATYPE_MISMATCH),
      new Rule("must be a condition", ErrorCode.DATATYPE_MISMATCH),
      new Rule("Cannot assign", ErrorCode.DATATYPE_MISMATCH),
      new Rule("Cast function cannot convert", ErrorCode.DATATYPE_MISMATCH),
      new Rule("Type mismatch", ErrorCode.DATATYPE_MISMATCH),
      new Rule("must be of type", ErrorCode.DATATYPE_MISMATCH),
      new Rule("Values passed to", ErrorCode.DATATYPE_MISMATCH),
      new Rule("incompatible", ErrorCode.DATATYPE_MISMATCH),
      new Rule("Illegal mixing of types", ErrorCode.DATATYPE_MISMATCH),
      new Rule("Invalid number of arguments", ErrorCode.UNDEFINED_FUNCTION),
      new Rule("not supported", ErrorCode.FEATURE_NOT_SUPPORTED));

  private ErrorTranslator() {}

  /**
   * Requires: {@code sql} is the text Calcite parsed; {@code shift} is the number of characters
   * the planner inserted before the user's text (subtracted from positions).
   */
  public static QuaverException translate(Throwable error, String sql, int shift) {
    if (error instanceof QuaverException quaver) {
      return quaver;
    }
    if (error instanceof SqlParseException parse) {
      int position = position(sql, parse.getPos(), shift);
      String message = firstLine(parse.getMessage());
      return new QuaverException(ErrorCode.SYNTAX_ERROR, message, position, error);
    }
    CalciteContextException context = findContext(error);
    if (context != null) {
      String message = context.getCause() != null && context.getCause().getMessage() != null
          ? context.getCause().getMessage()
          : context.getMessage();
      int position = offset(sql, context.getPosLine(), context.getPosColumn(), shift);
      return new QuaverException(codeOf(message, ErrorCode.SYNTAX_ERROR), message, position, error);
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    ErrorCode code = codeOf(message, null);
    if (code != null && !(error instanceof RuntimeException && isBug(error))) {
      return new QuaverException(code, message, 0, error);
    }
    return QuaverException.wrap(error);
  }

  private static boolean isBug(Throwable error) {
    return error instanceof NullPointerException || error instanceof ClassCastException
        || error instanceof IndexOutOfBoundsException || error instanceof AssertionError;
  }

  private static ErrorCode codeOf(String message, ErrorCode fallback) {
    for (Rule rule : RULES) {
      if (message.contains(rule.fragment())) {
        return rule.code();
      }
    }
    return fallback;
  }

  private static CalciteContextException findContext(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CalciteContextException context) {
        return context;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static int position(String sql, SqlParserPos pos, int shift) {
    return pos == null ? 0 : offset(sql, pos.getLineNum(), pos.getColumnNum(), shift);
  }

  /** 1-based character offset of (line, column), both 1-based; 0 when unknown. */
  static int offset(String sql, int line, int column, int shift) {
    if (line < 1 || column < 1) {
      return 0;
    }
    int index = 0;
    for (int current = 1; current < line && index >= 0; current++) {
      index = sql.indexOf('\n', index);
      index = index < 0 ? -1 : index + 1;
    }
    if (index < 0) {
      return 0;
    }
    int result = index + column - shift;
    return Math.max(result, 1);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
