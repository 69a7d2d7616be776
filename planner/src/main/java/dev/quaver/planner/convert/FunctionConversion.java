package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rex.RexCall;

/**
 * Named functions (math, string, date/time) onto ScalarFunction, with their operand
 * conventions: math functions take and return DOUBLE; ABS, SIGN, CEIL, FLOOR keep their
 * operand's type; the unit of EXTRACT, FLOOR/CEIL(d TO unit), TIMESTAMPADD and TIMESTAMPDIFF,
 * and the mode of TRIM, come first as VARCHAR literals. Anything else is FEATURE_NOT_SUPPORTED
 * naming the function.
 */
final class FunctionConversion {
  private FunctionConversion() {}

  static PhysicalExpr convert(RexConverter converter, RexCall call, ColumnType type, boolean nullable) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    List<PhysicalExpr> operands = converter.convertAll(call.getOperands());
    switch (name) {
      case "||":
      case "CONCAT":
        return RexConverter.call(ScalarFunction.CONCAT, castToText(operands), type, nullable);
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
        return RexConverter.call(ScalarFunction.CHAR_LENGTH, operands, type, nullable);
      case "UPPER":
        return RexConverter.call(ScalarFunction.UPPER, operands, type, nullable);
      case "LOWER":
        return RexConverter.call(ScalarFunction.LOWER, operands, type, nullable);
      case "INITCAP":
        return RexConverter.call(ScalarFunction.INITCAP, operands, type, nullable);
      case "SUBSTRING":
        return RexConverter.call(ScalarFunction.SUBSTRING, integerArguments(operands, 1), type, nullable);
      case "TRIM":
        return RexConverter.call(ScalarFunction.TRIM, operands, type, nullable);
      case "POSITION":
        return RexConverter.call(ScalarFunction.POSITION, integerArguments(operands, 2), type, nullable);
      case "OVERLAY":
        return RexConverter.call(ScalarFunction.OVERLAY, integerArguments(operands, 2), type, nullable);
      case "REPLACE":
        return RexConverter.call(ScalarFunction.REPLACE, operands, type, nullable);
      case "ABS":
        return sameType(ScalarFunction.ABS, operands, type, nullable);
      case "SIGN":
        return sameType(ScalarFunction.SIGN, operands, type, nullable);
      case "CEIL":
      case "CEILING":
        return floorOrCeil(ScalarFunction.CEIL, ScalarFunction.DATETIME_CEIL, operands, type, nullable);
      case "FLOOR":
        return floorOrCeil(ScalarFunction.FLOOR, ScalarFunction.DATETIME_FLOOR, operands, type, nullable);
      case "ROUND":
        return RexConverter.call(ScalarFunction.ROUND, integerArguments(operands, 1), type, nullable);
      case "TRUNCATE":
        return RexConverter.call(ScalarFunction.TRUNCATE, integerArguments(operands, 1), type, nullable);
      case "POWER":
        return doubles(ScalarFunction.POWER, operands, nullable);
      case "SQRT":
        return doubles(ScalarFunction.SQRT, operands, nullable);
      case "CBRT":
        return doubles(ScalarFunction.CBRT, operands, nullable);
      case "EXP":
        return doubles(ScalarFunction.EXP, operands, nullable);
      case "LN":
        return doubles(ScalarFunction.LN, operands, nullable);
      case "LOG10":
        return doubles(ScalarFunction.LOG10, operands, nullable);
      case "SIN":
        return doubles(ScalarFunction.SIN, operands, nullable);
      case "COS":
        return doubles(ScalarFunction.COS, operands, nullable);
      case "TAN":
        return doubles(ScalarFunction.TAN, operands, nullable);
      case "COT":
        return doubles(ScalarFunction.COT, operands, nullable);
      case "ASIN":
        return doubles(ScalarFunction.ASIN, operands, nullable);
      case "ACOS":
        return doubles(ScalarFunction.ACOS, operands, nullable);
      case "ATAN":
        return doubles(ScalarFunction.ATAN, operands, nullable);
      case "ATAN2":
        return doubles(ScalarFunction.ATAN2, operands, nullable);
      case "DEGREES":
        return doubles(ScalarFunction.DEGREES, operands, nullable);
      case "RADIANS":
        return doubles(ScalarFunction.RADIANS, operands, nullable);
      case "PI":
        return RexConverter.call(ScalarFunction.PI, List.of(), ColumnType.DOUBLE, false);
      case "CURRENT_DATE":
        return RexConverter.call(ScalarFunction.CURRENT_DATE, List.of(), ColumnType.DATE, false);
      case "CURRENT_TIME":
      case "LOCALTIME":
        return RexConverter.call(ScalarFunction.CURRENT_TIME, List.of(), ColumnType.TIME, false);
      case "CURRENT_TIMESTAMP":
      case "LOCALTIMESTAMP":
        return RexConverter.call(ScalarFunction.CURRENT_TIMESTAMP, List.of(), ColumnType.TIMESTAMP, false);
      case "EXTRACT":
        return RexConverter.call(ScalarFunction.EXTRACT, operands, ColumnType.BIGINT, nullable);
      case "TIMESTAMPADD":
        return RexConverter.call(ScalarFunction.TIMESTAMPADD, operands, type, nullable);
      case "TIMESTAMPDIFF":
        return RexConverter.call(ScalarFunction.TIMESTAMPDIFF, operands, ColumnType.BIGINT, nullable);
      case "MOD":
        return RexConverter.call(ScalarFunction.MOD, RexConverter.castAll(operands, type), type, nullable);
      default:
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "function %s is not supported",
            call.getOperator().getName());
    }
  }

  private static PhysicalExpr sameType(ScalarFunction function, List<PhysicalExpr> operands, ColumnType type,
      boolean nullable) {
    return RexConverter.call(function, RexConverter.castAll(operands, type), type, nullable);
  }

  private static PhysicalExpr floorOrCeil(ScalarFunction numeric, ScalarFunction datetime,
      List<PhysicalExpr> operands, ColumnType type, boolean nullable) {
    if (operands.size() == 2) {
      // Calcite's FLOOR(d TO unit) is FLOOR(d, unit); Quaver's is DATETIME_FLOOR(unit, d)
      return RexConverter.call(datetime, List.of(operands.get(1), operands.get(0)), type, nullable);
    }
    return sameType(numeric, operands, type, nullable);
  }

  private static PhysicalExpr doubles(ScalarFunction function, List<PhysicalExpr> operands, boolean nullable) {
    return RexConverter.call(function, RexConverter.castAll(operands, ColumnType.DOUBLE), ColumnType.DOUBLE,
        nullable);
  }

  /** Casts the operands from {@code first} on that are integral to INTEGER (positions, lengths, digits). */
  private static List<PhysicalExpr> integerArguments(List<PhysicalExpr> operands, int first) {
    List<PhysicalExpr> result = new ArrayList<>(operands);
    for (int i = first; i < result.size(); i++) {
      if (result.get(i).type().type().isIntegral()) {
        result.set(i, RexConverter.cast(result.get(i), ColumnType.INTEGER));
      }
    }
    return result;
  }

  private static List<PhysicalExpr> castToText(List<PhysicalExpr> operands) {
    List<PhysicalExpr> result = new ArrayList<>(operands.size());
    for (PhysicalExpr operand : operands) {
      result.add(operand.type().type().isCharacter() ? operand : RexConverter.cast(operand, ColumnType.TEXT));
    }
    return result;
  }
}
