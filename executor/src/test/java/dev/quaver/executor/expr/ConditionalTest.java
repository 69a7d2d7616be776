package dev.quaver.executor.expr;

import static dev.quaver.planner.expr.ScalarFunction.CASE;
import static dev.quaver.planner.expr.ScalarFunction.COALESCE;
import static dev.quaver.planner.expr.ScalarFunction.DIVIDE;
import static dev.quaver.planner.expr.ScalarFunction.EQUALS;
import static dev.quaver.planner.expr.ScalarFunction.GREATER_THAN;
import static dev.quaver.planner.expr.ScalarFunction.NULLIF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class ConditionalTest extends ExpressionTestBase {
  private static final ColumnType BOOL = ColumnType.BOOLEAN;
  private static final ColumnType INT = ColumnType.INTEGER;

  @Test
  void caseDoesNotEvaluateBranchesNotTaken() {
    VectorSchemaRoot input = batch(List.of(INT, INT), new Object[] {10, 0}, new Object[] {10, 3},
        new Object[] {null, 0}, new Object[] {7, null});
    var expression = call(CASE, INT, call(EQUALS, BOOL, ref(1, INT), lit(0, INT)), lit(0, INT),
        call(DIVIDE, INT, ref(0, INT), ref(1, INT)));
    assertThat(eval(expression, input)).containsExactly(0, 3, 0, null);
  }

  @Test
  void caseTakesTheFirstTrueBranchAndNullIsNotTrue() {
    VectorSchemaRoot input = column(INT, 5, 15, 25, null);
    var expression = call(CASE, ColumnType.TEXT,
        call(GREATER_THAN, BOOL, ref(0, INT), lit(20, INT)), text("big"),
        call(GREATER_THAN, BOOL, ref(0, INT), lit(10, INT)), text("medium"),
        text("small"));
    assertThat(eval(expression, input)).containsExactly("small", "medium", "big", "small");
    var noElse = call(CASE, ColumnType.TEXT, call(GREATER_THAN, BOOL, ref(0, INT), lit(10, INT)), text("x"),
        lit(null, ColumnType.TEXT));
    assertThat(eval(noElse, input)).containsExactly(null, "x", "x", null);
  }

  @Test
  void caseBranchErrorsStillCountOnTheRowsThatTakeThem() {
    VectorSchemaRoot input = batch(List.of(INT, INT), new Object[] {1, 0}, new Object[] {1, 1});
    var expression = call(CASE, INT, call(EQUALS, BOOL, ref(1, INT), lit(0, INT)),
        call(DIVIDE, INT, ref(0, INT), ref(1, INT)), lit(0, INT));
    assertFails(expression, input, ErrorCode.DIVISION_BY_ZERO);
  }

  @Test
  void caseCastsBranchesToTheCallType() {
    ColumnType money = ColumnType.decimal(10, 2);
    VectorSchemaRoot input = column(INT, 1, 2);
    var expression = call(CASE, money, call(EQUALS, BOOL, ref(0, INT), lit(1, INT)), ref(0, INT),
        lit(new BigDecimal("2.5"), ColumnType.decimal(2, 1)));
    assertThat(eval(expression, input)).containsExactly(new BigDecimal("1.00"), new BigDecimal("2.50"));
  }

  @Test
  void coalesceEvaluatesLaterOperandsOnlyForNullRows() {
    VectorSchemaRoot input = batch(List.of(INT, INT, INT), new Object[] {1, 0, 5}, new Object[] {null, 2, 5},
        new Object[] {null, null, 5}, new Object[] {null, 0, null});
    var guarded = call(COALESCE, INT, ref(0, INT), call(DIVIDE, INT, lit(10, INT), ref(1, INT)), ref(2, INT));
    assertFails(guarded, input, ErrorCode.DIVISION_BY_ZERO);
    VectorSchemaRoot safe = batch(List.of(INT, INT, INT), new Object[] {1, 0, 5}, new Object[] {null, 2, 5},
        new Object[] {null, null, 5}, new Object[] {null, null, null});
    assertThat(eval(guarded, safe)).containsExactly(1, 5, 5, null);
  }

  @Test
  void coalesceOfStringsInterleaved() {
    ColumnType t = ColumnType.TEXT;
    VectorSchemaRoot input = batch(List.of(t, t), new Object[] {null, "b1"}, new Object[] {"a2", "b2"},
        new Object[] {null, "b3"}, new Object[] {"a4", null}, new Object[] {null, null});
    assertThat(eval(call(COALESCE, t, ref(0, t), ref(1, t), text("z")), input))
        .containsExactly("b1", "a2", "b3", "a4", "z");
  }

  @Test
  void nullIf() {
    VectorSchemaRoot input = batch(List.of(INT, INT), new Object[] {1, 1}, new Object[] {1, 2},
        new Object[] {null, 1}, new Object[] {3, null});
    assertThat(eval(call(NULLIF, INT, ref(0, INT), ref(1, INT)), input)).containsExactly(null, 1, null, 3);
    ColumnType c = ColumnType.character(3);
    assertThat(eval(call(NULLIF, c, ref(0, c), text("a")), column(c, "a  ", "b  "))).containsExactly(null, "b  ");
  }

  @Test
  void zeroRowBatches() {
    VectorSchemaRoot input = batch(List.of(INT, INT));
    var expression = call(CASE, INT, call(EQUALS, BOOL, ref(1, INT), lit(0, INT)), lit(0, INT),
        call(DIVIDE, INT, ref(0, INT), ref(1, INT)));
    assertThat(eval(expression, input)).isEmpty();
    assertThat(eval(call(COALESCE, INT, ref(0, INT), lit(1, INT)), input)).isEmpty();
  }
}
