package dev.quaver.executor.expr;

import static dev.quaver.planner.expr.ScalarFunction.AND;
import static dev.quaver.planner.expr.ScalarFunction.DIVIDE;
import static dev.quaver.planner.expr.ScalarFunction.EQUALS;
import static dev.quaver.planner.expr.ScalarFunction.GREATER_THAN;
import static dev.quaver.planner.expr.ScalarFunction.IS_FALSE;
import static dev.quaver.planner.expr.ScalarFunction.IS_NOT_FALSE;
import static dev.quaver.planner.expr.ScalarFunction.IS_NOT_NULL;
import static dev.quaver.planner.expr.ScalarFunction.IS_NOT_TRUE;
import static dev.quaver.planner.expr.ScalarFunction.IS_NULL;
import static dev.quaver.planner.expr.ScalarFunction.IS_TRUE;
import static dev.quaver.planner.expr.ScalarFunction.NOT;
import static dev.quaver.planner.expr.ScalarFunction.NOT_EQUALS;
import static dev.quaver.planner.expr.ScalarFunction.OR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.type.ColumnType;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class LogicTest extends ExpressionTestBase {
  private static final ColumnType BOOL = ColumnType.BOOLEAN;
  private static final ColumnType INT = ColumnType.INTEGER;

  /** All nine (a, b) pairs over {true, false, NULL}. */
  private VectorSchemaRoot pairs() {
    Boolean[] values = {true, false, null};
    Object[][] rows = new Object[9][];
    for (int i = 0; i < 9; i++) {
      rows[i] = new Object[] {values[i / 3], values[i % 3]};
    }
    return batch(List.of(BOOL, BOOL), rows);
  }

  @Test
  void andTruthTable() {
    assertThat(eval(call(AND, BOOL, ref(0, BOOL), ref(1, BOOL)), pairs()))
        .containsExactly(true, false, null, false, false, false, null, false, null);
  }

  @Test
  void orTruthTable() {
    assertThat(eval(call(OR, BOOL, ref(0, BOOL), ref(1, BOOL)), pairs()))
        .containsExactly(true, true, true, true, false, null, true, null, null);
  }

  @Test
  void naryAndOr() {
    VectorSchemaRoot input = batch(List.of(BOOL, BOOL, BOOL), new Object[] {true, null, false},
        new Object[] {true, null, true}, new Object[] {true, true, true});
    assertThat(eval(call(AND, BOOL, ref(0, BOOL), ref(1, BOOL), ref(2, BOOL)), input))
        .containsExactly(false, null, true);
    VectorSchemaRoot orInput = batch(List.of(BOOL, BOOL, BOOL), new Object[] {false, null, true},
        new Object[] {false, null, false}, new Object[] {false, false, false});
    assertThat(eval(call(OR, BOOL, ref(0, BOOL), ref(1, BOOL), ref(2, BOOL)), orInput))
        .containsExactly(true, null, false);
  }

  @Test
  void notAndTruthTests() {
    VectorSchemaRoot input = column(BOOL, true, false, null);
    assertThat(eval(call(NOT, BOOL, ref(0, BOOL)), input)).containsExactly(false, true, null);
    assertThat(eval(call(IS_TRUE, BOOL, ref(0, BOOL)), input)).containsExactly(true, false, false);
    assertThat(eval(call(IS_NOT_TRUE, BOOL, ref(0, BOOL)), input)).containsExactly(false, true, true);
    assertThat(eval(call(IS_FALSE, BOOL, ref(0, BOOL)), input)).containsExactly(false, true, false);
    assertThat(eval(call(IS_NOT_FALSE, BOOL, ref(0, BOOL)), input)).containsExactly(true, false, true);
    assertThat(eval(call(IS_NULL, BOOL, ref(0, BOOL)), input)).containsExactly(false, false, true);
    assertThat(eval(call(IS_NOT_NULL, BOOL, ref(0, BOOL)), input)).containsExactly(true, true, false);
  }

  @Test
  void isNullOnEveryKindOfVector() {
    VectorSchemaRoot input = batch(List.of(INT, ColumnType.TEXT), new Object[] {1, null}, new Object[] {null, "x"});
    assertThat(eval(call(IS_NULL, BOOL, ref(0, INT)), input)).containsExactly(false, true);
    assertThat(eval(call(IS_NULL, BOOL, ref(1, ColumnType.TEXT)), input)).containsExactly(true, false);
  }

  @Test
  void laterOperandsOnlySeeUndecidedRows() {
    // b <> 0 AND a / b > 1: the division runs only where b <> 0 is not false.
    VectorSchemaRoot input = batch(List.of(INT, INT), new Object[] {10, 0}, new Object[] {10, 2},
        new Object[] {1, 1}, new Object[] {5, null});
    var guard = call(NOT_EQUALS, BOOL, ref(1, INT), lit(0, INT));
    var quotient = call(GREATER_THAN, BOOL, call(DIVIDE, INT, ref(0, INT), ref(1, INT)), lit(1, INT));
    assertThat(eval(call(AND, BOOL, guard, quotient), input)).containsExactly(false, true, false, null);
    var zero = call(EQUALS, BOOL, ref(1, INT), lit(0, INT));
    assertThat(eval(call(OR, BOOL, zero, quotient), input)).containsExactly(true, true, false, null);
    assertFails(call(AND, BOOL, quotient, guard), input, ErrorCode.DIVISION_BY_ZERO);
  }
}
