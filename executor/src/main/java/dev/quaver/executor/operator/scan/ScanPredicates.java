package dev.quaver.executor.operator.scan;

import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.storage.ScanPredicate;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in a scan's filter, the conjuncts of the form {@code column op value} (or
 * {@code value op column}) that storage can use to skip columnar row groups by their zone
 * maps, where the value is a literal or, given the statement's {@link EvaluationContext}, a
 * {@code ?} parameter resolved to its value at execution (so a prepared {@code WHERE ts > ?}
 * prunes like the same query with a literal). Advisory only: the FilterOperator above the scan
 * still applies the whole filter. Only values of the column's own SQL type are passed; strings
 * only for equality (their range order in storage is UTF-8 byte order). Stateless.
 */
final class ScanPredicates {
  private ScanPredicates() {}

  /** Conjuncts with literals only ({@code ?} parameters are not resolved). */
  static List<ScanPredicate> extract(PhysicalExpr filter, TableDef table, List<Integer> columns) {
    return extract(filter, table, columns, null);
  }

  /**
   * Conjuncts with literals, and with parameters resolved through {@code context} (null: none).
   * Call at execution, once the parameter values are bound.
   */
  static List<ScanPredicate> extract(PhysicalExpr filter, TableDef table, List<Integer> columns,
      EvaluationContext context) {
    List<ScanPredicate> predicates = new ArrayList<>();
    if (filter != null) {
      collect(filter, table, columns, context, predicates);
    }
    return predicates;
  }

  private static void collect(PhysicalExpr expr, TableDef table, List<Integer> columns,
      EvaluationContext context, List<ScanPredicate> out) {
    if (!(expr instanceof PhysicalExpr.Call call)) {
      return;
    }
    if (call.function() == ScalarFunction.AND) {
      for (PhysicalExpr operand : call.operands()) {
        collect(operand, table, columns, context, out);
      }
      return;
    }
    ScanPredicate.Op op = op(call.function());
    if (op == null || call.operands().size() != 2) {
      return;
    }
    PhysicalExpr left = call.operands().get(0);
    PhysicalExpr right = call.operands().get(1);
    if (!(left instanceof PhysicalExpr.InputRef) && right instanceof PhysicalExpr.InputRef) {
      PhysicalExpr swap = left;
      left = right;
      right = swap;
      op = flip(op);
    }
    if (!(left instanceof PhysicalExpr.InputRef ref) || ref.index() >= columns.size()) {
      return;
    }
    Object value;
    if (right instanceof PhysicalExpr.Literal literal) {
      value = literal.value();
    } else if (right instanceof PhysicalExpr.Parameter parameter && context != null) {
      value = context.parameter(parameter.index()); // its type's Java class (Executor checks)
    } else {
      return;
    }
    int column = columns.get(ref.index());
    SqlType columnType = table.columns().get(column).type().type();
    if (value == null || right.type().type() != columnType
        || !columnType.javaClass().isInstance(value)) {
      return;
    }
    boolean isString = columnType == SqlType.CHAR || columnType == SqlType.VARCHAR;
    if (columnType == SqlType.CHAR || (isString && op != ScanPredicate.Op.EQ)) {
      return; // CHAR pads; string ranges compare differently in storage
    }
    if (columnType == SqlType.DECIMAL && value instanceof java.math.BigDecimal decimal
        && decimal.stripTrailingZeros().scale() > table.columns().get(column).type().scale()) {
      return; // storage would round the literal to the column's scale
    }
    out.add(new ScanPredicate(column, op, value));
  }

  private static ScanPredicate.Op op(ScalarFunction function) {
    return switch (function) {
      case EQUALS -> ScanPredicate.Op.EQ;
      case LESS_THAN -> ScanPredicate.Op.LT;
      case LESS_THAN_OR_EQUAL -> ScanPredicate.Op.LE;
      case GREATER_THAN -> ScanPredicate.Op.GT;
      case GREATER_THAN_OR_EQUAL -> ScanPredicate.Op.GE;
      default -> null;
    };
  }

  private static ScanPredicate.Op flip(ScanPredicate.Op op) {
    return switch (op) {
      case EQ -> ScanPredicate.Op.EQ;
      case LT -> ScanPredicate.Op.GT;
      case LE -> ScanPredicate.Op.GE;
      case GT -> ScanPredicate.Op.LT;
      case GE -> ScanPredicate.Op.LE;
    };
  }
}
