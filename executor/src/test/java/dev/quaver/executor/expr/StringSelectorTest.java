package dev.quaver.executor.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * String comparisons with literals and IN lists tested on UTF-8 bytes ({@link StringSelector})
 * keep exactly the rows the String-based evaluation keeps: random values and literals drawn from
 * an alphabet with ASCII, Latin-1, CJK, U+E000..U+FFFF and supplementary characters (where UTF-8
 * byte order and UTF-16 order disagree), trailing spaces, empty strings and NULLs, over VARCHAR
 * and CHAR (padded) columns, literal on either side.
 */
class StringSelectorTest extends ExpressionTestBase {
  private static final ColumnType BOOL = ColumnType.BOOLEAN;
  private static final List<ColumnType> TYPES = List.of(ColumnType.TEXT, ColumnType.character(6));
  private static final String[] ALPHABET = {"a", "b", "B", " ", "é", "中", "\uE000", "\uFFFD", "😀", "#", "1"};
  private static final ScalarFunction[] COMPARISONS = {ScalarFunction.EQUALS, ScalarFunction.NOT_EQUALS,
      ScalarFunction.LESS_THAN, ScalarFunction.LESS_THAN_OR_EQUAL, ScalarFunction.GREATER_THAN,
      ScalarFunction.GREATER_THAN_OR_EQUAL};

  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void keepsTheRowsStringEvaluationKeeps() {
    VectorSchemaRoot input = batch(TYPES, rows(600));
    for (int i = 0; i < 400; i++) {
      PhysicalExpr predicate = random.nextInt(4) == 0 ? in() : comparison();
      int[] expected = Predicates.select(ExpressionCompiler.compile(predicate), input, context());
      assertThat(RowFilter.vectorized(predicate).select(input, context())).as("%s", predicate)
          .containsExactly(expected);
      assertThat(RowFilter.compile(predicate).select(input, context())).as("%s", predicate)
          .containsExactly(expected);
    }
  }

  @Test
  void asciiBoundsAndInLists() {
    VectorSchemaRoot input = column(ColumnType.TEXT, "MFGR#2221", "MFGR#2228", "MFGR#2229", "MFGR#222", null,
        "MFGR#22210", "", "UNITED KI1", "UNITED KI5");
    PhysicalExpr between = call(ScalarFunction.AND, BOOL,
        call(ScalarFunction.GREATER_THAN_OR_EQUAL, BOOL, ref(0, ColumnType.TEXT), text("MFGR#2221")),
        call(ScalarFunction.LESS_THAN_OR_EQUAL, BOOL, ref(0, ColumnType.TEXT), text("MFGR#2228")));
    assertThat(RowFilter.compile(between).select(input, context())).containsExactly(0, 1, 5);
    PhysicalExpr in = call(ScalarFunction.OR, BOOL,
        call(ScalarFunction.EQUALS, BOOL, ref(0, ColumnType.TEXT), text("UNITED KI1")),
        call(ScalarFunction.EQUALS, BOOL, text("UNITED KI5"), ref(0, ColumnType.TEXT)));
    assertThat(RowFilter.compile(in).select(input, context())).containsExactly(7, 8);
    assertThat(RowFilter.compile(call(ScalarFunction.NOT_EQUALS, BOOL, ref(0, ColumnType.TEXT), text("")))
        .select(input, context())).containsExactly(0, 1, 2, 3, 5, 7, 8);
  }

  private Object[][] rows(int count) {
    Object[][] rows = new Object[count][];
    for (int r = 0; r < count; r++) {
      String value = random.nextInt(10) == 0 ? null : word(5);
      String padded = random.nextInt(10) == 0 ? null : word(4) + (random.nextBoolean() ? " " : "");
      rows[r] = new Object[] {value, padded};
    }
    return rows;
  }

  private String word(int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return text.toString();
  }

  private PhysicalExpr comparison() {
    ScalarFunction function = COMPARISONS[random.nextInt(COMPARISONS.length)];
    int column = random.nextInt(TYPES.size());
    PhysicalExpr literal = text(word(4) + (random.nextInt(4) == 0 ? "  " : ""));
    return random.nextBoolean() ? call(function, BOOL, ref(column, TYPES.get(column)), literal)
        : call(function, BOOL, literal, ref(column, TYPES.get(column)));
  }

  private PhysicalExpr in() {
    int column = random.nextInt(TYPES.size());
    List<PhysicalExpr> operands = new ArrayList<>();
    for (int i = random.nextInt(2, 5); i > 0; i--) {
      operands.add(call(ScalarFunction.EQUALS, BOOL, ref(column, TYPES.get(column)), text(word(3))));
    }
    return new PhysicalExpr.Call(ScalarFunction.OR, operands, BOOL, true);
  }
}
