package dev.quaver.executor.operator.scan;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.storage.ScanPredicate;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in a scan's filter, the conjuncts of the form {@code column op literal} (or
 * {@code literal op column}) that storage can use to skip columnar row groups by their zone
 * maps. Advisory only: the FilterOperator above the scan still applies the whole filter. Only
 * literals of the column's own SQL type are passed; strings only for equality (their range order
 * in storage is UTF-8 byte order). Stateless.
 */
final class ScanPredicates {
  private ScanPredicates() {}

  static List<ScanPredicate> extract(PhysicalExpr filter, TableDef table, List<Integer> columns) {
    List<ScanPredicate> predicates = new ArrayList<>();
    if (filter != null) {
      collect(filter, table, columns, predicates);
    }
    return predicates;
  }

  private static void collect(PhysicalExpr expr, TableDef table, List<Integer> columns,
      List<ScanPredicate> out) {
    if (!(expr instanceof PhysicalExpr.Call call)) {
      return;
    }
    if (call.function() == ScalarFunction.AND) {
      for (PhysicalExpr operand : call.operands()) {
        collect(operand, table, columns, out);
      }
      return;
    }
    ScanPredicate.Op op = op(call.function());
    if (op == null || call.operands().size() != 2) {
      return;
    }
    PhysicalExpr left = call.operands().get(0);
    PhysicalExpr right = call.operands().get(1);
    if (left instanceof PhysicalExpr.Literal && right instanceof PhysicalExpr.InputRef) {
      PhysicalExpr swap = left;
      left = right;
      right = swap;
      op = flip(op);
    }
    if (!(left instanceof PhysicalExpr.InputRef ref) || !(right instanceof PhysicalExpr.Literal literal)
        || literal.value() == null || ref.index() >= columns.size()) {
      return;
    }
    int column = columns.get(ref.index());
    SqlType columnType = table.columns().get(column).type().type();
    if (literal.type().type() != columnType) {
      return;
    }
    boolean isString = columnType == SqlType.CHAR || columnType == SqlType.VARCHAR;
    if (columnType == SqlType.CHAR || (isString && op != ScanPredicate.Op.EQ)) {
      return; // CHAR pads; string ranges compare differently in storage
    }
    if (columnType == SqlType.DECIMAL && literal.value() instanceof java.math.BigDecimal decimal
        && decimal.stripTrailingZeros().scale() > table.columns().get(column).type().scale()) {
      return; // storage would round the literal to the column's scale
    }
    out.add(new ScanPredicate(column, op, literal.value()));
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
