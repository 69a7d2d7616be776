package dev.quaver.executor.expr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles LIKE and SIMILAR TO patterns into matchers, once per distinct (pattern, escape):
 * patterns without wildcards or with only a leading/trailing % become equals/startsWith/endsWith/
 * contains, the rest a java.util.regex Pattern. An escape must be one character and may only
 * precede %, _ or itself (LIKE), else 22023.
 *
 * <p>Thread safety: the cache is a ConcurrentHashMap, cleared when it grows past its bound.
 */
final class LikePatterns {
  private static final int MAX_CACHED = 1024;
  private static final String SIMILAR_SPECIALS = "|*+?{}()[]";

  private final boolean isSimilar;
  private final Map<String, Predicate<String>> cache = new ConcurrentHashMap<>();

  LikePatterns(boolean isSimilar) {
    this.isSimilar = isSimilar;
  }

  Predicate<String> matcher(String pattern, String escape) {
    String key = escape == null ? pattern : escape + "\u0000" + pattern;
    Predicate<String> matcher = cache.get(key);
    if (matcher == null) {
      matcher = compile(pattern, escape);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(key, matcher);
    }
    return matcher;
  }

  private Predicate<String> compile(String pattern, String escape) {
    int escapeChar = -1;
    if (escape != null) {
      if (escape.codePointCount(0, escape.length()) != 1) {
        throw ExprErrors.invalidArgument("invalid escape string '%s': must be one character", escape);
      }
      escapeChar = escape.codePointAt(0);
    }
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    boolean simple = !isSimilar && pattern.indexOf('\u0000') < 0;
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); ) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (inClass) { // inside a SIMILAR TO bracket expression: ranges and negation pass through
        if (c == ']') {
          inClass = false;
          regex.append(']');
        } else if (Character.isLetterOrDigit(c) || c == '-' || c == '^') {
          regex.appendCodePoint(c);
        } else {
          regex.append('\\').appendCodePoint(c);
        }
      } else if (c == escapeChar) {
        if (i >= pattern.length()) {
          throw ExprErrors.invalidArgument("LIKE pattern '%s' ends with its escape character", pattern);
        }
        int next = pattern.codePointAt(i);
        i += Character.charCount(next);
        if (!isSimilar && next != '%' && next != '_' && next != escapeChar) {
          throw ExprErrors.invalidArgument("invalid escape sequence in LIKE pattern '%s'", pattern);
        }
        regex.append(Pattern.quote(new String(Character.toChars(next))));
        literal.appendCodePoint(next);
      } else if (c == '%') {
        regex.append("(?s:.*)");
        literal.append('\u0000');
      } else if (c == '_') {
        regex.append("(?s:.)");
        simple = false;
      } else if (isSimilar && SIMILAR_SPECIALS.indexOf(c) >= 0) {
        regex.appendCodePoint(c);
        inClass = c == '[';
      } else {
        regex.append(Pattern.quote(new String(Character.toChars(c))));
        literal.appendCodePoint(c);
      }
    }
    if (simple) {
      Predicate<String> fast = fastPath(literal.toString());
      if (fast != null) {
        return fast;
      }
    }
    Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
    return s -> compiled.matcher(s).matches();
  }

  /** equals / startsWith / endsWith / contains when % appears only at the ends (marked as NUL). */
  private static Predicate<String> fastPath(String marked) {
    boolean leading = marked.startsWith("\u0000");
    boolean trailing = marked.length() > (leading ? 1 : 0) && marked.endsWith("\u0000");
    String core = marked.substring(leading ? 1 : 0, marked.length() - (trailing ? 1 : 0));
    if (core.indexOf('\u0000') >= 0) {
      return null;
    }
    if (leading && trailing) {
      return s -> s.contains(core);
    }
    if (leading) {
      return s -> s.endsWith(core);
    }
    if (trailing) {
      return s -> s.startsWith(core);
    }
    return s -> s.equals(core);
  }
}
