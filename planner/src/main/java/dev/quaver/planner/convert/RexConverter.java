package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.planner.physical.Field;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Converts Calcite row expressions over one input into PhysicalExprs. Inserts the casts the
 * executor relies on: arithmetic and comparison operands get one common type, CASE and
 * COALESCE branches the call's type, math functions DOUBLE operands. See ScalarFunction for
 * each function's operand conventions.
 *
 * <p>Thread safety: confined to one planning thread.
 */
final class RexConverter {
  private final RexBuilder rexBuilder;
  private final List<Field> inputFields;
  private final IntUnaryOperator inputMapping;
  private final Map<CorrelationId, List<Field>> correlations;

  RexConverter(RexBuilder rexBuilder, List<Field> inputFields, IntUnaryOperator inputMapping,
      Map<CorrelationId, List<Field>> correlations) {
    this.rexBuilder = rexBuilder;
    this.inputFields = inputFields;
    this.inputMapping = inputMapping;
    this.correlations = correlations;
  }

  PhysicalExpr convert(RexNode node) {
    if (node instanceof RexInputRef ref) {
      int index = inputMapping.applyAsInt(ref.getIndex());
      Field field = inputFields.get(index);
      return new PhysicalExpr.InputRef(index, field.type(), field.nullable());
    }
    if (node instanceof RexLiteral literal) {
      return LiteralConversion.convert(literal);
    }
    if (node instanceof RexDynamicParam parameter) {
      return new PhysicalExpr.Parameter(parameter.getIndex(), TypeMapping.toColumnType(parameter.getType()));
    }
    if (node instanceof RexFieldAccess access
        && access.getReferenceExpr() instanceof RexCorrelVariable variable) {
      List<Field> fields = correlations.get(variable.id);
      if (fields == null) {
        throw new IllegalStateException("correlation " + variable.id + " is not bound");
      }
      int index = access.getField().getIndex();
      Field field = fields.get(index);
      return new PhysicalExpr.CorrelationRef(variable.id.getId(), index, field.type(), true);
    }
    if (node instanceof RexCall call) {
      return convertCall(call);
    }
    throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "expression %s is not supported", node);
  }

  List<PhysicalExpr> convertAll(List<? extends RexNode> nodes) {
    List<PhysicalExpr> result = new ArrayList<>(nodes.size());
    for (RexNode node : nodes) {
      result.add(convert(node));
    }
    return result;
  }

  static PhysicalExpr cast(PhysicalExpr expr, ColumnType target) {
    if (expr.type().equals(target)) {
      return expr;
    }
    if (expr instanceof PhysicalExpr.Literal literal && literal.value() == null) {
      return new PhysicalExpr.Literal(null, target);
    }
    if (expr instanceof PhysicalExpr.Parameter parameter) {
      return new PhysicalExpr.Parameter(parameter.index(), target);
    }
    return new PhysicalExpr.Call(ScalarFunction.CAST, List.of(expr), target, expr.nullable());
  }

  private PhysicalExpr convertCall(RexCall call) {
    SqlKind kind = call.getKind();
    ColumnType type = TypeMapping.toColumnType(call.getType());
    boolean nullable = call.getType().isNullable();
    switch (kind) {
      case SEARCH:
        return convert(RexUtil.expandSearch(rexBuilder, null, call));
      case PLUS_PREFIX:
        return cast(convert(call.getOperands().get(0)), type);
      case MINUS_PREFIX:
        return call(ScalarFunction.NEGATE, List.of(cast(convert(call.getOperands().get(0)), type)), type, nullable);
      case PLUS:
      case MINUS:
      case TIMES:
      case DIVIDE:
      case MOD:
        return arithmetic(call, type, nullable);
      case EQUALS:
        return comparison(ScalarFunction.EQUALS, call);
      case NOT_EQUALS:
        return comparison(ScalarFunction.NOT_EQUALS, call);
      case LESS_THAN:
        return comparison(ScalarFunction.LESS_THAN, call);
      case LESS_THAN_OR_EQUAL:
        return comparison(ScalarFunction.LESS_THAN_OR_EQUAL, call);
      case GREATER_THAN:
        return comparison(ScalarFunction.GREATER_THAN, call);
      case GREATER_THAN_OR_EQUAL:
        return comparison(ScalarFunction.GREATER_THAN_OR_EQUAL, call);
      case IS_DISTINCT_FROM:
        return comparison(ScalarFunction.IS_DISTINCT_FROM, call);
      case IS_NOT_DISTINCT_FROM:
        return comparison(ScalarFunction.IS_NOT_DISTINCT_FROM, call);
      case AND:
        return call(ScalarFunction.AND, convertAll(call.getOperands()), ColumnType.BOOLEAN, nullable);
      case OR:
        return call(ScalarFunction.OR, convertAll(call.getOperands()), ColumnType.BOOLEAN, nullable);
      case NOT:
        return call(ScalarFunction.NOT, convertAll(call.getOperands()), ColumnType.BOOLEAN, nullable);
      case IS_NULL:
        return call(ScalarFunction.IS_NULL, convertAll(call.getOperands()), ColumnType.BOOLEAN, false);
      case IS_NOT_NULL:
        return call(ScalarFunction.IS_NOT_NULL, convertAll(call.getOperands()), ColumnType.BOOLEAN, false);
      case IS_TRUE:
        return call(ScalarFunction.IS_TRUE, convertAll(call.getOperands()), ColumnType.BOOLEAN, false);
      case IS_NOT_TRUE:
        return call(ScalarFunction.IS_NOT_TRUE, convertAll(call.getOperands()), ColumnType.BOOLEAN, false);
      case IS_FALSE:
        return call(ScalarFunction.IS_FALSE, convertAll(call.getOperands()), ColumnType.BOOLEAN, false);
      case IS_NOT_FALSE:
        return call(ScalarFunction.IS_NOT_FALSE, convertAll(call.getOperands()), ColumnType.BOOLEAN, false);
      case CASE:
        return caseCall(call, type, nullable);
      case COALESCE:
        return call(ScalarFunction.COALESCE, castAll(convertAll(call.getOperands()), type), type, nullable);
      case NULLIF: {
        List<PhysicalExpr> operands = commonTyped(convertAll(call.getOperands()), call);
        return call(ScalarFunction.NULLIF, List.of(cast(operands.get(0), type), cast(operands.get(1), type)),
            type, nullable);
      }
      case CAST:
      case SAFE_CAST:
        return cast(convert(call.getOperands().get(0)), type);
      case REINTERPRET:
        return convert(call.getOperands().get(0));
      case LIKE:
        return call(ScalarFunction.LIKE, convertAll(call.getOperands()), ColumnType.BOOLEAN, nullable);
      case SIMILAR:
        return call(ScalarFunction.SIMILAR_TO, convertAll(call.getOperands()), ColumnType.BOOLEAN, nullable);
      default:
        return FunctionConversion.convert(this, call, type, nullable);
    }
  }

  private PhysicalExpr arithmetic(RexCall call, ColumnType type, boolean nullable) {
    ScalarFunction function = switch (call.getKind()) {
      case PLUS -> ScalarFunction.PLUS;
      case MINUS -> ScalarFunction.MINUS;
      case TIMES -> ScalarFunction.MULTIPLY;
      case DIVIDE -> ScalarFunction.DIVIDE;
      default -> ScalarFunction.MOD;
    };
    List<PhysicalExpr> operands = convertAll(call.getOperands());
    PhysicalExpr left = operands.get(0);
    PhysicalExpr right = operands.get(1);
    SqlType leftType = left.type().type();
    SqlType rightType = right.type().type();
    if (leftType.isDatetime() && rightType.isDatetime() && function == ScalarFunction.MINUS) {
      ColumnType common = TypeMapping.commonType(left.type(), right.type());
      return call(ScalarFunction.DATETIME_MINUS, List.of(cast(left, common), cast(right, common)), type, nullable);
    }
    if (!leftType.isNumeric() || !rightType.isNumeric()) {
      // datetime +/- interval, interval +/- interval: the executor takes these as they are
      if (isInterval(leftType) && isInterval(rightType)) {
        return call(function, List.of(cast(left, type), cast(right, type)), type, nullable);
      }
      return call(function, List.of(left, right), type, nullable);
    }
    ColumnType operandType;
    if (type.type() == SqlType.DECIMAL) {
      operandType = TypeMapping.commonType(left.type(), right.type());
    } else if (type.type().isNumeric()) {
      operandType = type;
    } else {
      throw QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "cannot apply %s to %s and %s",
          call.getOperator().getName(), left.type(), right.type());
    }
    return call(function, List.of(cast(left, operandType), cast(right, operandType)), type, nullable);
  }

  private static boolean isInterval(SqlType type) {
    return type == SqlType.INTERVAL_DAY_TIME || type == SqlType.INTERVAL_YEAR_MONTH;
  }

  private PhysicalExpr comparison(ScalarFunction function, RexCall call) {
    List<PhysicalExpr> operands = commonTyped(convertAll(call.getOperands()), call);
    boolean nullable = function != ScalarFunction.IS_DISTINCT_FROM
        && function != ScalarFunction.IS_NOT_DISTINCT_FROM
        && (operands.get(0).nullable() || operands.get(1).nullable());
    return call(function, operands, ColumnType.BOOLEAN, nullable);
  }

  /** Casts both operands to their common type; 42804 if they have none. */
  private List<PhysicalExpr> commonTyped(List<PhysicalExpr> operands, RexCall call) {
    PhysicalExpr left = operands.get(0);
    PhysicalExpr right = operands.get(1);
    ColumnType common = TypeMapping.commonType(left.type(), right.type());
    if (common == null) {
      throw QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "cannot compare %s with %s in %s",
          left.type(), right.type(), call);
    }
    return List.of(cast(left, common), cast(right, common));
  }

  private PhysicalExpr caseCall(RexCall call, ColumnType type, boolean nullable) {
    List<PhysicalExpr> operands = convertAll(call.getOperands());
    List<PhysicalExpr> result = new ArrayList<>(operands.size());
    for (int i = 0; i < operands.size(); i++) {
      boolean isValue = i % 2 == 1 || i == operands.size() - 1;
      result.add(isValue ? cast(operands.get(i), type) : operands.get(i));
    }
    return call(ScalarFunction.CASE, result, type, nullable);
  }

  static List<PhysicalExpr> castAll(List<PhysicalExpr> operands, ColumnType type) {
    List<PhysicalExpr> result = new ArrayList<>(operands.size());
    for (PhysicalExpr operand : operands) {
      result.add(cast(operand, type));
    }
    return result;
  }

  static PhysicalExpr call(ScalarFunction function, List<PhysicalExpr> operands, ColumnType type,
      boolean nullable) {
    return new PhysicalExpr.Call(function, operands, type, nullable);
  }
}
