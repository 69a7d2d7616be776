package dev.quaver.executor.expr;

import static dev.quaver.planner.expr.ScalarFunction.CHAR_LENGTH;
import static dev.quaver.planner.expr.ScalarFunction.CONCAT;
import static dev.quaver.planner.expr.ScalarFunction.INITCAP;
import static dev.quaver.planner.expr.ScalarFunction.LIKE;
import static dev.quaver.planner.expr.ScalarFunction.LOWER;
import static dev.quaver.planner.expr.ScalarFunction.OVERLAY;
import static dev.quaver.planner.expr.ScalarFunction.POSITION;
import static dev.quaver.planner.expr.ScalarFunction.REPLACE;
import static dev.quaver.planner.expr.ScalarFunction.SIMILAR_TO;
import static dev.quaver.planner.expr.ScalarFunction.SUBSTRING;
import static dev.quaver.planner.expr.ScalarFunction.TRIM;
import static dev.quaver.planner.expr.ScalarFunction.UPPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.type.ColumnType;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class StringFunctionsTest extends ExpressionTestBase {
  private static final ColumnType TEXT = ColumnType.TEXT;
  private static final ColumnType BOOL = ColumnType.BOOLEAN;
  private static final ColumnType INT = ColumnType.INTEGER;

  private Object like(String s, String pattern) {
    return value(call(LIKE, BOOL, text(s), text(pattern)));
  }

  private Object like(String s, String pattern, String escape) {
    return value(call(LIKE, BOOL, text(s), text(pattern), text(escape)));
  }

  @Test
  void likeWildcards() {
    assertThat(like("abc", "abc")).isEqualTo(true);
    assertThat(like("abc", "ab")).isEqualTo(false);
    assertThat(like("abc", "a%")).isEqualTo(true);
    assertThat(like("abc", "%c")).isEqualTo(true);
    assertThat(like("abc", "%b%")).isEqualTo(true);
    assertThat(like("abc", "a_c")).isEqualTo(true);
    assertThat(like("abc", "a_")).isEqualTo(false);
    assertThat(like("", "%")).isEqualTo(true);
    assertThat(like("", "_")).isEqualTo(false);
    assertThat(like("a%c", "a%%c")).isEqualTo(true);
    assertThat(like("ABC", "abc")).isEqualTo(false);
    assertThat(like("a\nb", "a_b")).isEqualTo(true);
    assertThat(like("a\nb", "a%")).isEqualTo(true);
    assertThat(like("a.*b", "a.*b")).isEqualTo(true);
    assertThat(like("axxb", "a.*b")).isEqualTo(false);
    assertThat(like("[x]", "[x]")).isEqualTo(true);
    assertThat(like("\uD83D\uDE00", "_")).isEqualTo(true);
    assertThat(like("a\\b", "a\\b")).isEqualTo(true);
  }

  @Test
  void likeEscape() {
    assertThat(like("10%", "10!%", "!")).isEqualTo(true);
    assertThat(like("100", "10!%", "!")).isEqualTo(false);
    assertThat(like("a_b", "a!_b", "!")).isEqualTo(true);
    assertThat(like("axb", "a!_b", "!")).isEqualTo(false);
    assertThat(like("a!b", "a!!b", "!")).isEqualTo(true);
    assertFails(call(LIKE, BOOL, text("a"), text("a!"), text("!")), ErrorCode.INVALID_PARAMETER_VALUE);
    assertFails(call(LIKE, BOOL, text("a"), text("!a"), text("!")), ErrorCode.INVALID_PARAMETER_VALUE);
    assertFails(call(LIKE, BOOL, text("a"), text("a"), text("!!")), ErrorCode.INVALID_PARAMETER_VALUE);
  }

  @Test
  void likeOverAColumnWithNullsAndPerRowPatterns() {
    VectorSchemaRoot input = batch(java.util.List.of(TEXT, TEXT), new Object[] {"apple", "a%"},
        new Object[] {"banana", "a%"}, new Object[] {null, "a%"}, new Object[] {"cherry", null},
        new Object[] {"cherry", "%rr%"});
    assertThat(eval(call(LIKE, BOOL, ref(0, TEXT), ref(1, TEXT)), input)).containsExactly(true, false, null, null, true);
    ColumnType c = ColumnType.character(6);
    assertThat(eval(call(LIKE, BOOL, ref(0, c), text("%e")), column(c, "apple ", "pear  ")))
        .containsExactly(true, false);
  }

  @Test
  void similarTo() {
    assertThat(value(call(SIMILAR_TO, BOOL, text("abc"), text("(a|x)%")))).isEqualTo(true);
    assertThat(value(call(SIMILAR_TO, BOOL, text("xbc"), text("a%|x_c")))).isEqualTo(true);
    assertThat(value(call(SIMILAR_TO, BOOL, text("abbb"), text("ab+")))).isEqualTo(true);
    assertThat(value(call(SIMILAR_TO, BOOL, text("a.c"), text("a.c")))).isEqualTo(true);
    assertThat(value(call(SIMILAR_TO, BOOL, text("abc"), text("a.c")))).isEqualTo(false);
    assertThat(value(call(SIMILAR_TO, BOOL, text("bx"), text("[a-c]%")))).isEqualTo(true);
    assertThat(value(call(SIMILAR_TO, BOOL, text("dx"), text("[a-c]%")))).isEqualTo(false);
    assertThat(value(call(SIMILAR_TO, BOOL, text("a|b"), text("a#|b"), text("#")))).isEqualTo(true);
    assertThat(value(call(SIMILAR_TO, BOOL, text("a"), text("a#|b"), text("#")))).isEqualTo(false);
  }

  @Test
  void basicFunctions() {
    assertThat(value(call(CONCAT, TEXT, text("ab"), text("cd")))).isEqualTo("abcd");
    assertThat(value(call(CONCAT, TEXT, text("ab"), lit(null, TEXT)))).isNull();
    assertThat(value(call(CHAR_LENGTH, INT, text("h\u00e9\uD83D\uDE00")))).isEqualTo(3);
    assertThat(value(call(CHAR_LENGTH, INT, lit(null, TEXT)))).isNull();
    assertThat(value(call(UPPER, TEXT, text("straße i")))).isEqualTo("STRASSE I");
    assertThat(value(call(LOWER, TEXT, text("ÀB")))).isEqualTo("àb");
    assertThat(value(call(INITCAP, TEXT, text("hello wORLD-foo bar1x")))).isEqualTo("Hello World-Foo Bar1x");
    assertThat(value(call(REPLACE, TEXT, text("banana"), text("an"), text("AN")))).isEqualTo("bANANa");
    assertThat(value(call(REPLACE, TEXT, text("abc"), text(""), text("x")))).isEqualTo("abc");
    assertThat(value(call(UPPER, TEXT, lit(null, TEXT)))).isNull();
  }

  @Test
  void substring() {
    assertThat(substring("hello", 2, 3)).isEqualTo("ell");
    assertThat(substring("hello", 2, null)).isEqualTo("ello");
    assertThat(substring("hello", 0, 2)).isEqualTo("h");
    assertThat(substring("hello", -5, 3)).isEqualTo("");
    assertThat(substring("hello", 4, 10)).isEqualTo("lo");
    assertThat(substring("hello", 9, 1)).isEqualTo("");
    assertThat(substring("\uD83D\uDE00ab", 2, 1)).isEqualTo("a");
    assertFails(call(SUBSTRING, TEXT, text("abc"), lit(1, INT), lit(-1, INT)), ErrorCode.INVALID_PARAMETER_VALUE);
    assertThat(value(call(SUBSTRING, TEXT, text("abc"), lit(null, INT)))).isNull();
  }

  private Object substring(String s, int start, Integer length) {
    PhysicalExpr expression = length == null ? call(SUBSTRING, TEXT, text(s), lit(start, INT))
        : call(SUBSTRING, TEXT, text(s), lit(start, INT), lit(length, INT));
    return value(expression);
  }

  @Test
  void trimPositionOverlay() {
    assertThat(value(call(TRIM, TEXT, text("BOTH"), text(" "), text("  a b  ")))).isEqualTo("a b");
    assertThat(value(call(TRIM, TEXT, text("LEADING"), text("xy"), text("xyxaxy")))).isEqualTo("axy");
    assertThat(value(call(TRIM, TEXT, text("TRAILING"), text("x"), text("xaxx")))).isEqualTo("xa");
    assertThat(value(call(TRIM, TEXT, text("BOTH"), text("x"), text("xxx")))).isEqualTo("");
    assertThat(value(call(POSITION, INT, text("lo"), text("hello")))).isEqualTo(4);
    assertThat(value(call(POSITION, INT, text("z"), text("hello")))).isEqualTo(0);
    assertThat(value(call(POSITION, INT, text(""), text("hello")))).isEqualTo(1);
    assertThat(value(call(POSITION, INT, text("l"), text("hello"), lit(4, INT)))).isEqualTo(4);
    assertThat(value(call(POSITION, INT, text("b"), text("\uD83D\uDE00b")))).isEqualTo(2);
    assertThat(value(call(OVERLAY, TEXT, text("Txxxxas"), text("hom"), lit(2, INT), lit(4, INT))))
        .isEqualTo("Thomas");
    assertThat(value(call(OVERLAY, TEXT, text("abcdef"), text("XY"), lit(3, INT)))).isEqualTo("abXYef");
    assertFails(call(OVERLAY, TEXT, text("abc"), text("X"), lit(0, INT)), ErrorCode.INVALID_PARAMETER_VALUE);
    assertFails(call(TRIM, TEXT, text("MIDDLE"), text(" "), text(" a ")), ErrorCode.INVALID_PARAMETER_VALUE);
  }
}
