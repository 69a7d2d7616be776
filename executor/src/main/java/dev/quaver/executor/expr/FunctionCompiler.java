package dev.quaver.executor.expr;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;

/**
 * Builds the nodes of the functions without a dedicated kernel: NULLIF, LIKE/SIMILAR TO, the
 * string, math and date/time functions and datetime arithmetic. DOUBLE math runs on primitive
 * arrays ({@link DoubleFunctionNode}); the rest row by row ({@link BoxedCallNode}). Stateless.
 */
final class FunctionCompiler {
  private FunctionCompiler() {}

  static ExprNode compile(ScalarFunction function, List<ExprNode> operands, ColumnType type) {
    List<ColumnType> types = new ArrayList<>();
    for (ExprNode operand : operands) {
      types.add(operand.type());
    }
    switch (function) {
      case NULLIF:
        return nullIf(operands, type);
      case LIKE:
      case SIMILAR_TO: {
        LikePatterns patterns = new LikePatterns(function == ScalarFunction.SIMILAR_TO);
        ColumnType subject = types.get(0);
        String pattern = literalString(operands.get(1));
        String escape = operands.size() > 2 ? literalString(operands.get(2)) : null;
        if (pattern != null && (operands.size() == 2 || escape != null)) {
          // a constant pattern is compiled once here, not looked up per row
          return ExpressionCompiler.castTo(
              new StringPredicateNode(patterns.matcher(pattern, escape), operands.get(0)), type);
        }
        return strict(args -> patterns.matcher((String) args[1], args.length > 2 ? (String) args[2] : null)
            .test(StringFunctions.unpadded(args[0], subject)), true, operands, type);
      }
      case CONCAT:
        return strict(StringFunctions::concat, false, operands, type);
      case CHAR_LENGTH:
        return strict(args -> StringFunctions.charLength((String) args[0]), false, operands, type);
      case UPPER:
        return strict(args -> StringFunctions.upper((String) args[0]), false, operands, type);
      case LOWER:
        return strict(args -> StringFunctions.lower((String) args[0]), false, operands, type);
      case SUBSTRING:
        return strict(args -> StringFunctions.substring((String) args[0], longArg(args[1]),
            args.length > 2 ? (Long) longArg(args[2]) : null), true, operands, type);
      case TRIM:
        return strict(args -> StringFunctions.trim((String) args[0], (String) args[1], (String) args[2]), true,
            operands, type);
      case POSITION:
        return strict(args -> position(args), false, operands, type);
      case OVERLAY:
        return strict(args -> StringFunctions.overlay((String) args[0], (String) args[1], longArg(args[2]),
            args.length > 3 ? (Long) longArg(args[3]) : null), true, operands, type);
      case INITCAP:
        return strict(args -> StringFunctions.initcap((String) args[0]), false, operands, type);
      case REPLACE:
        return strict(args -> StringFunctions.replace((String) args[0], (String) args[1], (String) args[2]), false,
            operands, type);
      case ABS:
        return strict(args -> MathFunctions.abs(args[0]), true, operands, type);
      case CEIL:
        return strict(args -> MathFunctions.ceilOrFloor(args[0], true), true, operands, type);
      case FLOOR:
        return strict(args -> MathFunctions.ceilOrFloor(args[0], false), true, operands, type);
      case ROUND:
        return strict(args -> MathFunctions.round(args[0], args.length > 1 ? (int) longArg(args[1]) : 0,
            RoundingMode.HALF_UP), true, operands, type);
      case TRUNCATE:
        return strict(args -> MathFunctions.round(args[0], args.length > 1 ? (int) longArg(args[1]) : 0,
            RoundingMode.DOWN), true, operands, type);
      case SIGN:
        return strict(args -> MathFunctions.sign(args[0]), false, operands, type);
      case POWER:
        return doubles(Math::pow, false, operands, type);
      case ATAN2:
        return doubles(Math::atan2, false, operands, type);
      case SQRT:
        return unaryDouble(Math::sqrt, false, operands, type);
      case CBRT:
        return unaryDouble(Math::cbrt, false, operands, type);
      case EXP:
        return unaryDouble(Math::exp, false, operands, type);
      case LN:
        return unaryDouble(MathFunctions::ln, true, operands, type);
      case LOG10:
        return unaryDouble(MathFunctions::log10, true, operands, type);
      case SIN:
        return unaryDouble(Math::sin, false, operands, type);
      case COS:
        return unaryDouble(Math::cos, false, operands, type);
      case TAN:
        return unaryDouble(Math::tan, false, operands, type);
      case COT:
        return unaryDouble(MathFunctions::cot, false, operands, type);
      case ASIN:
        return unaryDouble(Math::asin, false, operands, type);
      case ACOS:
        return unaryDouble(Math::acos, false, operands, type);
      case ATAN:
        return unaryDouble(Math::atan, false, operands, type);
      case DEGREES:
        return unaryDouble(Math::toDegrees, false, operands, type);
      case RADIANS:
        return unaryDouble(Math::toRadians, false, operands, type);
      case PI:
        return ConstantNode.literal(Math.PI, type);
      case CURRENT_DATE:
      case CURRENT_TIME:
      case CURRENT_TIMESTAMP:
        return ConstantNode.perBatch(type,
            context -> DateTimeFunctions.fromMillis(context.statementStartMillis(), type));
      default:
        return datetime(function, operands, types, type);
    }
  }

  private static ExprNode datetime(ScalarFunction function, List<ExprNode> operands, List<ColumnType> types,
      ColumnType type) {
    switch (function) {
      case EXTRACT: {
        SqlType subject = types.get(1).type();
        String unit = literalUnit(operands.get(0));
        return strict(args -> DateTimeFunctions.extract(unit != null ? unit : DateTimeFunctions.unit(args[0]), args[1],
            subject), true, operands, type);
      }
      case DATETIME_FLOOR:
      case DATETIME_CEIL: {
        SqlType subject = types.get(1).type();
        boolean isCeil = function == ScalarFunction.DATETIME_CEIL;
        String unit = literalUnit(operands.get(0));
        return strict(args -> DateTimeFunctions.floorOrCeil(unit != null ? unit : DateTimeFunctions.unit(args[0]),
            args[1], subject, type, isCeil), true, operands, type);
      }
      case TIMESTAMPADD: {
        SqlType subject = types.get(2).type();
        String unit = literalUnit(operands.get(0));
        return strict(args -> DateTimeFunctions.add(unit != null ? unit : DateTimeFunctions.unit(args[0]),
            longArg(args[1]), args[2], subject, type), true, operands, type);
      }
      case TIMESTAMPDIFF: {
        SqlType from = types.get(1).type();
        SqlType to = types.get(2).type();
        String unit = literalUnit(operands.get(0));
        return strict(args -> DateTimeFunctions.diff(unit != null ? unit : DateTimeFunctions.unit(args[0]), args[1],
            from, args[2], to), true, operands, type);
      }
      case DATETIME_MINUS: {
        SqlType subject = types.get(0).type();
        List<ExprNode> cast = List.of(operands.get(0), ExpressionCompiler.castTo(operands.get(1), types.get(0)));
        return strict(args -> DateTimeFunctions.minus(args[0], args[1], subject, type), true, cast, type);
      }
      default:
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "function %s is not supported", function);
    }
  }

  /** DATE/TIME/TIMESTAMP ± INTERVAL (interval on either side of +), or datetime - datetime. */
  static ExprNode datetimeArithmetic(ScalarFunction function, List<ExprNode> operands, ColumnType type) {
    ColumnType left = operands.get(0).type();
    ColumnType right = operands.size() > 1 ? operands.get(1).type() : null;
    if (right != null && left.type().isDatetime() && right.type().isDatetime()) {
      return datetime(ScalarFunction.DATETIME_MINUS, operands, List.of(left, right), type);
    }
    if (right == null || (function != ScalarFunction.PLUS && function != ScalarFunction.MINUS)) {
      throw QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "cannot apply %s to %s", function, left);
    }
    boolean datetimeFirst = left.type().isDatetime();
    if (!datetimeFirst && function == ScalarFunction.MINUS) {
      throw QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "cannot subtract %s from %s", right, left);
    }
    SqlType datetimeType = datetimeFirst ? left.type() : right.type();
    SqlType intervalType = datetimeFirst ? right.type() : left.type();
    int sign = function == ScalarFunction.MINUS ? -1 : 1;
    if (intervalType != SqlType.INTERVAL_YEAR_MONTH && intervalType != SqlType.INTERVAL_DAY_TIME) {
      throw QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "cannot add %s to %s", intervalType, datetimeType);
    }
    return strict(args -> DateTimeFunctions.plusInterval(args[datetimeFirst ? 0 : 1], datetimeType,
        args[datetimeFirst ? 1 : 0], intervalType, sign, type), true, operands, type);
  }

  /** INTERVAL * or / a non-integral number: exact arithmetic, rounded half up to whole units. */
  static ExprNode intervalArithmetic(ScalarFunction function, List<ExprNode> operands, ColumnType type) {
    return strict(args -> {
      BigDecimal a = decimal(args[0]);
      BigDecimal b = args.length > 1 ? decimal(args[1]) : null;
      switch (function) {
        case PLUS:
          return a.add(b);
        case MINUS:
          return a.subtract(b);
        case MULTIPLY:
          return a.multiply(b);
        case DIVIDE:
          if (b.signum() == 0) {
            throw ExprErrors.divisionByZero();
          }
          return a.divide(b, 0, RoundingMode.HALF_UP);
        case NEGATE:
          return a.negate();
        default:
          throw QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "cannot apply %s to an interval", function);
      }
    }, true, operands, type);
  }

  private static ExprNode nullIf(List<ExprNode> operands, ColumnType type) {
    // NULLIF(a, b) = CASE WHEN a = b THEN NULL ELSE a END, with a evaluated once per row here.
    ColumnType leftType = operands.get(0).type();
    ColumnType rightType = operands.get(1).type();
    boolean padded = leftType.type() == SqlType.CHAR || rightType.type() == SqlType.CHAR;
    ExprNode value = ExpressionCompiler.castTo(operands.get(0), type);
    return new BoxedCallNode(args -> {
      if (args[0] == null || args[1] == null) {
        return args[0];
      }
      return Values.compare(args[0], args[1], padded) == 0 ? null : args[0];
    }, false, true, List.of(value, type.type().isCharacter() ? operands.get(1)
        : ExpressionCompiler.castTo(operands.get(1), type)), type);
  }

  private static Object position(Object[] args) {
    String needle = (String) args[0];
    String haystack = (String) args[1];
    if (args.length < 3) {
      return StringFunctions.position(needle, haystack);
    }
    long from = Math.max(1, longArg(args[2]));
    if (from > StringFunctions.charLength(haystack)) {
      return needle.isEmpty() && from == StringFunctions.charLength(haystack) + 1 ? (int) from : 0;
    }
    int offset = haystack.offsetByCodePoints(0, (int) from - 1);
    int index = haystack.indexOf(needle, offset);
    return index < 0 ? 0 : haystack.codePointCount(0, index) + 1;
  }

  /** The value of a non-NULL string literal operand, else null. */
  private static String literalString(ExprNode operand) {
    if (operand instanceof ConstantNode constant && constant.isLiteral()
        && constant.literalValue() instanceof String value) {
      return value;
    }
    return null;
  }

  /** The normalized unit of a literal unit operand, else null (normalized per row). */
  private static String literalUnit(ExprNode operand) {
    String unit = literalString(operand);
    return unit == null ? null : DateTimeFunctions.unit(unit);
  }

  private static long longArg(Object value) {
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      return (long) Casts.cast(value, value instanceof BigDecimal ? ColumnType.of(SqlType.DECIMAL)
          : ColumnType.DOUBLE, ColumnType.BIGINT);
    }
    return ((Number) value).longValue();
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double || value instanceof Float) {
      return Casts.doubleToDecimal(((Number) value).doubleValue());
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }

  private static ExprNode strict(RowFunction function, boolean mayRaise, List<ExprNode> operands, ColumnType type) {
    return new BoxedCallNode(function, true, mayRaise, operands, type);
  }

  private static ExprNode unaryDouble(DoubleUnaryOperator function, boolean mayRaise, List<ExprNode> operands,
      ColumnType type) {
    return doubles((x, ignored) -> function.applyAsDouble(x), mayRaise, operands, type);
  }

  private static ExprNode doubles(DoubleBinaryOperator function, boolean mayRaise, List<ExprNode> operands,
      ColumnType type) {
    List<ExprNode> cast = new ArrayList<>();
    for (ExprNode operand : operands) {
      cast.add(ExpressionCompiler.castTo(operand, ColumnType.DOUBLE));
    }
    ExprNode node = new DoubleFunctionNode(function, mayRaise, cast, ColumnType.DOUBLE);
    return ExpressionCompiler.castTo(node, type);
  }
}
