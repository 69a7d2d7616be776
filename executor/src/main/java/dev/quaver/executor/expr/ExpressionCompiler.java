package dev.quaver.executor.expr;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Compiles a planner expression into a tree of vectorized nodes: type-specialized kernels for
 * arithmetic, comparisons, logic, null tests and numeric casts; lazy CASE, COALESCE, AND and OR;
 * a boxed row loop for the rare functions (see {@link FunctionCompiler}). Stateless.
 */
public final class ExpressionCompiler {
  private ExpressionCompiler() {}

  public static VectorExpression compile(PhysicalExpr expression) {
    return node(expression);
  }

  /**
   * Evaluates an expression that reads no input column (a literal, parameter, constant function
   * call) to its Java value (see SqlType), or null: for VALUES rows and LIMIT/OFFSET parameters.
   */
  public static Object evaluateConstant(PhysicalExpr expression, EvaluationContext context) {
    ExprNode node = node(expression);
    VectorSchemaRoot oneRow = new VectorSchemaRoot(List.<Field>of(), List.<FieldVector>of(), 1);
    try (FieldVector value = node.evaluate(oneRow, context)) {
      return ArrowTypes.get(value, 0, expression.type());
    }
  }

  /**
   * A parameter's value brought to {@code type} exactly as a compiled {@code Parameter} node does
   * (CHAR padding, DECIMAL scale, range checks): for code that puts parameter values into vectors
   * itself (a batch of INSERT parameter sets).
   */
  public static Object coerceParameter(Object value, ColumnType type) {
    return Casts.coerce(value, type);
  }

  static ExprNode node(PhysicalExpr expression) {
    if (expression instanceof PhysicalExpr.InputRef ref) {
      return new InputRefNode(ref.index(), ref.type());
    }
    if (expression instanceof PhysicalExpr.Literal literal) {
      return ConstantNode.literal(literal.value(), literal.type());
    }
    if (expression instanceof PhysicalExpr.Parameter parameter) {
      int index = parameter.index();
      return ConstantNode.perBatch(parameter.type(), context -> context.parameter(index));
    }
    if (expression instanceof PhysicalExpr.CorrelationRef ref) {
      int id = ref.correlationId();
      int index = ref.index();
      return ConstantNode.perBatch(ref.type(), context -> context.correlationValue(id, index));
    }
    PhysicalExpr.Call call = (PhysicalExpr.Call) expression;
    List<ExprNode> operands = new ArrayList<>();
    for (PhysicalExpr operand : call.operands()) {
      operands.add(node(operand));
    }
    return call(call.function(), operands, call.type());
  }

  private static ExprNode call(ScalarFunction function, List<ExprNode> operands, ColumnType type) {
    switch (function) {
      case PLUS:
      case MINUS:
      case MULTIPLY:
      case DIVIDE:
      case MOD:
      case NEGATE:
        return arithmetic(function, operands, type);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM:
        return comparison(function, operands.get(0), operands.get(1));
      case AND:
      case OR:
        return new AndOrNode(function == ScalarFunction.AND, operands);
      case NOT:
      case IS_NULL:
      case IS_NOT_NULL:
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
        return new BooleanTestNode(function, operands.get(0));
      case CASE: {
        List<ExprNode> cast = new ArrayList<>(operands);
        for (int i = 1; i < cast.size(); i += 2) {
          cast.set(i, castTo(cast.get(i), type));
        }
        cast.set(cast.size() - 1, castTo(cast.get(cast.size() - 1), type));
        return new CaseNode(cast, type);
      }
      case COALESCE: {
        List<ExprNode> cast = new ArrayList<>();
        for (ExprNode operand : operands) {
          cast.add(castTo(operand, type));
        }
        return new CoalesceNode(cast, type);
      }
      case CAST:
        return castTo(operands.get(0), type);
      default:
        return FunctionCompiler.compile(function, operands, type);
    }
  }

  /**
   * {@code node} as a value of {@code type}: itself when the types agree or when a VARCHAR only
   * widens to a VARCHAR that holds every value (same Arrow vector, values unchanged), else a CAST.
   */
  static ExprNode castTo(ExprNode node, ColumnType type) {
    ColumnType from = node.type();
    if (from.equals(type)) {
      return node;
    }
    if (from.type() == SqlType.VARCHAR && type.type() == SqlType.VARCHAR && type.length() >= from.length()) {
      return node;
    }
    return new CastNode(node, type);
  }

  private static ExprNode arithmetic(ScalarFunction function, List<ExprNode> operands, ColumnType type) {
    boolean anyDatetime = false;
    boolean allLongLike = true;
    for (ExprNode operand : operands) {
      anyDatetime |= operand.type().type().isDatetime();
      allLongLike &= Columns.isLongLike(operand.type().type()) && !operand.type().type().isDatetime();
    }
    SqlType result = type.type();
    if (anyDatetime) {
      return FunctionCompiler.datetimeArithmetic(function, operands, type);
    }
    if (result == SqlType.INTERVAL_DAY_TIME || result == SqlType.INTERVAL_YEAR_MONTH) {
      return allLongLike ? new ArithmeticNode(function, ArithmeticNode.Kind.LONG, operands, type)
          : FunctionCompiler.intervalArithmetic(function, operands, type);
    }
    if (result.isIntegral()) {
      List<ExprNode> cast = new ArrayList<>();
      for (ExprNode operand : operands) {
        cast.add(operand.type().type().isIntegral() ? operand : castTo(operand, type));
      }
      return new ArithmeticNode(function, ArithmeticNode.Kind.LONG, cast, type);
    }
    if (result == SqlType.DOUBLE || result == SqlType.REAL) {
      return new ArithmeticNode(function, ArithmeticNode.Kind.DOUBLE, operands, type);
    }
    if (result == SqlType.DECIMAL) {
      return new ArithmeticNode(function, ArithmeticNode.Kind.DECIMAL, operands, type);
    }
    throw QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "cannot apply %s with result type %s", function, type);
  }

  private static ExprNode comparison(ScalarFunction function, ExprNode left, ExprNode right) {
    SqlType a = left.type().type();
    SqlType b = right.type().type();
    if (a == SqlType.DATE && b == SqlType.TIMESTAMP) {
      return comparison(function, castTo(left, ColumnType.TIMESTAMP), right);
    }
    if (a == SqlType.TIMESTAMP && b == SqlType.DATE) {
      return comparison(function, left, castTo(right, ColumnType.TIMESTAMP));
    }
    if (a.isCharacter() && !b.isCharacter()) {
      return comparison(function, castTo(left, right.type()), right);
    }
    if (b.isCharacter() && !a.isCharacter()) {
      return comparison(function, left, castTo(right, left.type()));
    }
    ComparisonNode.Kind kind;
    if (a.isCharacter()) {
      boolean padded = a == SqlType.CHAR || b == SqlType.CHAR
          || left instanceof CastNode cast && cast.unpadsChar() || right instanceof CastNode cast2 && cast2.unpadsChar();
      kind = padded ? ComparisonNode.Kind.PADDED_STRING : ComparisonNode.Kind.STRING;
    } else if (Columns.isLongLike(a) && Columns.isLongLike(b)) {
      kind = ComparisonNode.Kind.LONG;
    } else if (a.isNumeric() && b.isNumeric()) {
      boolean floating = a == SqlType.DOUBLE || a == SqlType.REAL || b == SqlType.DOUBLE || b == SqlType.REAL;
      kind = floating ? ComparisonNode.Kind.DOUBLE : ComparisonNode.Kind.DECIMAL;
    } else {
      throw QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "cannot compare %s with %s", left.type(), right.type());
    }
    return new ComparisonNode(function, kind, left, right);
  }
}
