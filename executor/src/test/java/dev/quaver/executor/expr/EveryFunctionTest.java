package dev.quaver.executor.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Every ScalarFunction compiles and evaluates with all-NULL operands to its documented NULL result. */
class EveryFunctionTest extends ExpressionTestBase {
  private static final ColumnType INT = ColumnType.INTEGER;
  private static final ColumnType BOOL = ColumnType.BOOLEAN;
  private static final ColumnType TEXT = ColumnType.TEXT;
  private static final ColumnType DOUBLE = ColumnType.DOUBLE;
  private static final ColumnType TS = ColumnType.TIMESTAMP;

  /** Operand types, then the result type last. */
  private static List<ColumnType> signature(ScalarFunction function) {
    switch (function) {
      case PLUS: case MINUS: case MULTIPLY: case DIVIDE: case MOD: case COALESCE: case NULLIF:
        return List.of(INT, INT, INT);
      case NEGATE:
        return List.of(INT, INT);
      case EQUALS: case NOT_EQUALS: case LESS_THAN: case LESS_THAN_OR_EQUAL: case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL: case IS_DISTINCT_FROM: case IS_NOT_DISTINCT_FROM:
        return List.of(INT, INT, BOOL);
      case AND: case OR:
        return List.of(BOOL, BOOL, BOOL);
      case NOT: case IS_NULL: case IS_NOT_NULL: case IS_TRUE: case IS_NOT_TRUE: case IS_FALSE: case IS_NOT_FALSE:
        return List.of(BOOL, BOOL);
      case CASE:
        return List.of(BOOL, INT, INT, INT);
      case CAST:
        return List.of(INT, ColumnType.BIGINT);
      case LIKE: case SIMILAR_TO:
        return List.of(TEXT, TEXT, BOOL);
      case CONCAT:
        return List.of(TEXT, TEXT, TEXT);
      case CHAR_LENGTH:
        return List.of(TEXT, INT);
      case UPPER: case LOWER: case INITCAP:
        return List.of(TEXT, TEXT);
      case SUBSTRING:
        return List.of(TEXT, INT, INT, TEXT);
      case TRIM: case REPLACE:
        return List.of(TEXT, TEXT, TEXT, TEXT);
      case POSITION:
        return List.of(TEXT, TEXT, INT);
      case OVERLAY:
        return List.of(TEXT, TEXT, INT, INT, TEXT);
      case ABS: case CEIL: case FLOOR: case SIGN: case SQRT: case CBRT: case EXP: case LN: case LOG10: case SIN:
      case COS: case TAN: case COT: case ASIN: case ACOS: case ATAN: case DEGREES: case RADIANS:
        return List.of(DOUBLE, DOUBLE);
      case ROUND: case TRUNCATE:
        return List.of(DOUBLE, INT, DOUBLE);
      case POWER: case ATAN2:
        return List.of(DOUBLE, DOUBLE, DOUBLE);
      case PI:
        return List.of(DOUBLE);
      case CURRENT_DATE:
        return List.of(ColumnType.DATE);
      case CURRENT_TIME:
        return List.of(ColumnType.TIME);
      case CURRENT_TIMESTAMP:
        return List.of(TS);
      case EXTRACT:
        return List.of(TEXT, TS, ColumnType.BIGINT);
      case DATETIME_FLOOR: case DATETIME_CEIL:
        return List.of(TEXT, TS, TS);
      case TIMESTAMPADD:
        return List.of(TEXT, INT, TS, TS);
      case TIMESTAMPDIFF:
        return List.of(TEXT, TS, TS, ColumnType.BIGINT);
      case DATETIME_MINUS:
        return List.of(TS, TS, new ColumnType(SqlType.INTERVAL_DAY_TIME, 0, 0));
    }
    throw new AssertionError(function);
  }

  private static Object nullResult(ScalarFunction function) {
    switch (function) {
      case IS_NULL: case IS_NOT_DISTINCT_FROM: case IS_NOT_TRUE: case IS_NOT_FALSE:
        return true;
      case IS_NOT_NULL: case IS_DISTINCT_FROM: case IS_TRUE: case IS_FALSE:
        return false;
      default:
        return null;
    }
  }

  @Test
  void everyFunctionGivesItsNullResult() {
    VectorSchemaRoot input = column(INT, 1, 2);
    for (ScalarFunction function : ScalarFunction.values()) {
      List<ColumnType> signature = signature(function);
      PhysicalExpr[] operands = new PhysicalExpr[signature.size() - 1];
      for (int i = 0; i < operands.length; i++) {
        operands[i] = lit(null, signature.get(i));
      }
      PhysicalExpr expression = call(function, signature.get(signature.size() - 1), operands);
      List<Object> result = eval(expression, input);
      if (operands.length == 0) {
        assertThat(result).as(function.name()).doesNotContainNull();
      } else {
        assertThat(result).as(function.name()).containsExactly(nullResult(function), nullResult(function));
      }
    }
  }
}
