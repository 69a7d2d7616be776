package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.planner.physical.Field;
import dev.quaver.type.ColumnType;
import java.util.List;

/**
 * Calcite aggregate calls as Quaver AggregateCalls: COUNT() is COUNT_STAR, $SUM0 is SUM0, EVERY
 * and SOME (Calcite's MIN/MAX over BOOLEAN) stay MIN/MAX. MIN, MAX, ANY_VALUE and SINGLE_VALUE
 * have their argument's type exactly (a CHAR column's MIN is CHAR).
 */
final class AggregateConversion {
  private AggregateConversion() {}

  static AggregateCall convert(org.apache.calcite.rel.core.AggregateCall call, List<Field> inputFields,
      String name) {
    List<Integer> arguments = call.getArgList();
    AggregateFunction function = function(call);
    ColumnType type = TypeMapping.toColumnType(call.getType());
    boolean nullable = call.getType().isNullable();
    Object literal = null;
    switch (function) {
      case MIN, MAX, ANY_VALUE, SINGLE_VALUE -> type = inputFields.get(arguments.get(0)).type();
      case LITERAL_AGG -> {
        PhysicalExpr.Literal value = LiteralConversion.convert(call.rexList.get(0) instanceof
            org.apache.calcite.rex.RexLiteral l ? l : null);
        literal = value.value();
        type = value.type();
      }
      default -> { }
    }
    return new AggregateCall(function, arguments, call.isDistinct(), call.filterArg, type, nullable, literal, name);
  }

  private static AggregateFunction function(org.apache.calcite.rel.core.AggregateCall call) {
    switch (call.getAggregation().getKind()) {
      case COUNT:
        return call.getArgList().isEmpty() ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
      case SUM:
        return AggregateFunction.SUM;
      case SUM0:
        return AggregateFunction.SUM0;
      case AVG:
        return AggregateFunction.AVG;
      case MIN:
        return AggregateFunction.MIN;
      case MAX:
        return AggregateFunction.MAX;
      case ANY_VALUE:
        return AggregateFunction.ANY_VALUE;
      case SINGLE_VALUE:
        return AggregateFunction.SINGLE_VALUE;
      case LITERAL_AGG:
        return AggregateFunction.LITERAL_AGG;
      case BIT_AND:
      default:
        break;
    }
    String name = call.getAggregation().getName();
    if (name.equalsIgnoreCase("BOOL_AND") || name.equalsIgnoreCase("EVERY")) {
      return AggregateFunction.BOOL_AND;
    }
    if (name.equalsIgnoreCase("BOOL_OR") || name.equalsIgnoreCase("SOME")) {
      return AggregateFunction.BOOL_OR;
    }
    throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "aggregate function %s is not supported", name);
  }
}
