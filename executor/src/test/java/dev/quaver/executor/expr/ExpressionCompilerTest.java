package dev.quaver.executor.expr;

import static dev.quaver.planner.expr.ScalarFunction.AND;
import static dev.quaver.planner.expr.ScalarFunction.CASE;
import static dev.quaver.planner.expr.ScalarFunction.CONCAT;
import static dev.quaver.planner.expr.ScalarFunction.DIVIDE;
import static dev.quaver.planner.expr.ScalarFunction.EQUALS;
import static dev.quaver.planner.expr.ScalarFunction.GREATER_THAN;
import static dev.quaver.planner.expr.ScalarFunction.MOD;
import static dev.quaver.planner.expr.ScalarFunction.PLUS;
import static dev.quaver.planner.expr.ScalarFunction.UPPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest extends ExpressionTestBase {
  private static final ColumnType INT = ColumnType.INTEGER;
  private static final ColumnType BOOL = ColumnType.BOOLEAN;
  private static final ColumnType TEXT = ColumnType.TEXT;

  @Test
  void selectKeepsOnlyTrueRows() {
    VectorSchemaRoot input = column(INT, 5, null, 20, 30, 1);
    var predicate = ExpressionCompiler.compile(call(GREATER_THAN, BOOL, ref(0, INT), lit(4, INT)));
    assertThat(Predicates.select(predicate, input, context())).containsExactly(0, 2, 3);
    var always = ExpressionCompiler.compile(lit(true, BOOL));
    assertThat(Predicates.select(always, input, context())).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void parametersAndCorrelationValuesAreReadPerBatch() {
    parameters.add(7);
    parameters.add(null);
    parameters.add(3L);
    VectorSchemaRoot input = column(INT, 1, 2);
    assertThat(eval(call(PLUS, INT, ref(0, INT), new PhysicalExpr.Parameter(0, INT)), input)).containsExactly(8, 9);
    assertThat(eval(new PhysicalExpr.Parameter(1, TEXT), input)).containsExactly(null, null);
    assertThat(value(new PhysicalExpr.Parameter(2, INT))).isEqualTo(3);
    assertThat(value(new PhysicalExpr.CorrelationRef(2, 5, ColumnType.BIGINT, true))).isEqualTo(205L);
    parameters.set(0, "x1");
    assertFails(new PhysicalExpr.Parameter(0, INT), ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST);
  }

  @Test
  void evaluateConstantGivesTheJavaValueOfTheType() {
    assertThat(ExpressionCompiler.evaluateConstant(call(PLUS, ColumnType.BIGINT, lit(2L, ColumnType.BIGINT),
        lit(3L, ColumnType.BIGINT)), context())).isEqualTo(5L);
    assertThat(ExpressionCompiler.evaluateConstant(lit(null, INT), context())).isNull();
    assertThat(ExpressionCompiler.evaluateConstant(call(UPPER, TEXT, text("a")), context())).isEqualTo("A");
  }

  @Test
  void inputRefIsACopyThatOutlivesChangesToTheInput() {
    VectorSchemaRoot input = batch(List.of(INT, TEXT), new Object[] {1, "a"}, new Object[] {null, "bb"},
        new Object[] {3, null});
    var ints = ExpressionCompiler.compile(ref(0, INT));
    var strings = ExpressionCompiler.compile(ref(1, TEXT));
    try (var intCopy = ints.evaluate(input, context()); var stringCopy = strings.evaluate(input, context())) {
      ((IntVector) input.getVector(0)).set(0, 99);
      assertThat(intCopy.getObject(0)).isEqualTo(1);
      assertThat(intCopy.isNull(1)).isTrue();
      assertThat(stringCopy.getObject(1).toString()).isEqualTo("bb");
      assertThat(stringCopy.isNull(2)).isTrue();
    }
  }

  @Test
  void largeBatchWithInterleavedStringBranches() {
    int rows = 5000;
    Object[][] data = new Object[rows][];
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      data[i] = new Object[] {i, i % 7 == 0 ? null : "s" + i};
      if (i % 3 == 0) {
        expected.add("three");
      } else {
        expected.add(data[i][1] == null ? null : ("s" + i + "!").toUpperCase());
      }
    }
    VectorSchemaRoot input = batch(List.of(INT, TEXT), data);
    var expression = call(CASE, TEXT, call(EQUALS, BOOL, call(MOD, INT, ref(0, INT), lit(3, INT)), lit(0, INT)),
        text("three"), call(UPPER, TEXT, call(CONCAT, TEXT, ref(1, TEXT), text("!"))));
    assertThat(eval(expression, input)).isEqualTo(expected);
  }

  @Test
  void failuresReleaseAllMemory() {
    Object[][] data = new Object[3000][];
    for (int i = 0; i < data.length; i++) {
      data[i] = new Object[] {i, i == 2999 ? 0 : 1, "row" + i};
    }
    VectorSchemaRoot input = batch(List.of(INT, INT, TEXT), data);
    var failingBranch = call(CASE, TEXT, call(GREATER_THAN, BOOL, ref(0, INT), lit(10, INT)),
        call(CONCAT, TEXT, ref(2, TEXT), cast(call(DIVIDE, INT, ref(0, INT), ref(1, INT)), TEXT)), ref(2, TEXT));
    assertFails(failingBranch, input, ErrorCode.DIVISION_BY_ZERO);
    var failingAnd = call(AND, BOOL, call(GREATER_THAN, BOOL, ref(0, INT), lit(5, INT)),
        call(EQUALS, BOOL, call(DIVIDE, INT, ref(0, INT), ref(1, INT)), lit(1, INT)));
    assertFails(failingAnd, input, ErrorCode.DIVISION_BY_ZERO);
    assertFails(cast(ref(2, TEXT), INT), input, ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST);
    // the allocator check in @AfterEach asserts zero bytes outstanding
  }
}
