package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.util.Locale;

/**
 * The string functions of ScalarFunction on Java Strings, by code point (so characters outside
 * the BMP count once). Positions are 1-based as in SQL. Stateless.
 */
final class StringFunctions {
  private StringFunctions() {}

  static String concat(Object[] arguments) {
    StringBuilder text = new StringBuilder();
    for (Object argument : arguments) {
      text.append((String) argument);
    }
    return text.toString();
  }

  static int charLength(String s) {
    return s.codePointCount(0, s.length());
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * SUBSTRING(s FROM start [FOR length]): the characters at positions [start, start + length)
   * that exist, so SUBSTRING('abc' FROM 0 FOR 2) = 'a'. A negative length raises 22023.
   */
  static String substring(String s, long start, Long length) {
    int count = charLength(s);
    long end;
    if (length == null) {
      end = Long.MAX_VALUE;
    } else {
      if (length < 0) {
        throw ExprErrors.invalidArgument("negative substring length %d", length);
      }
      end = start + length;
    }
    long from = Math.max(start, 1);
    long to = Math.min(end, (long) count + 1);
    if (to <= from) {
      return "";
    }
    int begin = s.offsetByCodePoints(0, (int) from - 1);
    int finish = s.offsetByCodePoints(begin, (int) (to - from));
    return s.substring(begin, finish);
  }

  /** TRIM(mode, characters, s): removes any of {@code characters} from the chosen ends. */
  static String trim(String mode, String characters, String s) {
    boolean leading;
    boolean trailing;
    switch (mode.trim().toUpperCase(Locale.ROOT)) {
      case "BOTH":
        leading = true;
        trailing = true;
        break;
      case "LEADING":
        leading = true;
        trailing = false;
        break;
      case "TRAILING":
        leading = false;
        trailing = true;
        break;
      default:
        throw ExprErrors.invalidArgument("unknown TRIM mode '%s'", mode);
    }
    int begin = 0;
    int end = s.length();
    while (leading && begin < end && characters.indexOf(s.codePointAt(begin)) >= 0) {
      begin += Character.charCount(s.codePointAt(begin));
    }
    while (trailing && end > begin && characters.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(begin, end);
  }

  /** POSITION(needle IN haystack): 1-based character position, 0 when absent, 1 for ''. */
  static int position(String needle, String haystack) {
    int index = haystack.indexOf(needle);
    return index < 0 ? 0 : haystack.codePointCount(0, index) + 1;
  }

  /** OVERLAY(s PLACING r FROM start [FOR length]); length defaults to r's length. */
  static String overlay(String s, String replacement, long start, Long length) {
    long count = length == null ? charLength(replacement) : length;
    if (start < 1) {
      throw ExprErrors.invalidArgument("OVERLAY start %d is below 1", start);
    }
    return substring(s, 1, start - 1) + replacement + substring(s, start + count, null);
  }

  /** Upper-cases the first letter of each word (runs of letters and digits), lower-cases the rest. */
  static String initcap(String s) {
    StringBuilder text = new StringBuilder(s.length());
    boolean startOfWord = true;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      text.appendCodePoint(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
      startOfWord = !Character.isLetterOrDigit(c);
      i += Character.charCount(c);
    }
    return text.toString();
  }

  static String replace(String s, String from, String to) {
    return from.isEmpty() ? s : s.replace(from, to);
  }

  /** The operand's string, without CHAR padding when its type is CHAR. */
  static String unpadded(Object value, ColumnType type) {
    String s = (String) value;
    return type.type() == dev.quaver.type.SqlType.CHAR ? SqlText.stripTrailingSpaces(s) : s;
  }
}
