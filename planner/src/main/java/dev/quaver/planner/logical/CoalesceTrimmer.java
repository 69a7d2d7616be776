package dev.quaver.planner.logical;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Drops the operands of COALESCE that can never be reached: everything after the first operand
 * that is a non-NULL literal (or a signed one, {@code - 86}). COALESCE returns its first non-NULL
 * operand, so the value is unchanged; what changes is that an unreachable operand no longer has
 * to be valid on its own, e.g. a column outside GROUP BY in {@code COALESCE(-86, col1)} of a
 * grouped query (SQLite accepts it; the answer is -86 either way). A COALESCE left with one
 * operand is that operand. Runs on the parsed statement, before validation, in place, bottom up
 * (so that {@code COALESCE(COALESCE(-86, a), b)} trims to {@code -86}).
 *
 * <p>Thread safety: stateless.
 */
public final class CoalesceTrimmer {
  private CoalesceTrimmer() {}

  /** The statement with its COALESCE calls trimmed (a new root only if the root was one). */
  public static SqlNode apply(SqlNode node) {
    walk(node);
    return trim(node);
  }

  private static SqlNode trim(SqlNode node) {
    if (!(node instanceof SqlBasicCall call) || !isCoalesce(call)) {
      return node;
    }
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      if (isNonNullLiteral(operands.get(i))) {
        if (i == 0) {
          return operands.get(0);
        }
        if (i < operands.size() - 1) {
          List<SqlNode> kept = new ArrayList<>(operands.subList(0, i + 1));
          return call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(),
              kept.toArray(new SqlNode[0]));
        }
        return node;
      }
    }
    return node;
  }

  /** Parsed COALESCE is an unresolved function call until validation resolves it. */
  private static boolean isCoalesce(SqlCall call) {
    return call.getKind() == SqlKind.COALESCE
        || (call.getKind() == SqlKind.OTHER_FUNCTION && call.getOperator().getName().equalsIgnoreCase("COALESCE"));
  }

  private static boolean isNonNullLiteral(SqlNode node) {
    if (node instanceof SqlLiteral literal) {
      return literal.getValue() != null;
    }
    if (node instanceof SqlCall call && call.operandCount() == 1
        && (call.getKind() == SqlKind.MINUS_PREFIX || call.getKind() == SqlKind.PLUS_PREFIX)) {
      return isNonNullLiteral(call.operand(0));
    }
    return false;
  }

  private static void walk(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode item = list.get(i);
        walk(item);
        SqlNode trimmed = trim(item);
        if (trimmed != item) {
          list.set(i, trimmed);
        }
      }
    } else if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode operand = operands.get(i);
        if (operand == null) {
          continue;
        }
        walk(operand);
        SqlNode trimmed = trim(operand);
        if (trimmed != operand) {
          try {
            call.setOperand(i, trimmed);
          } catch (UnsupportedOperationException | AssertionError | ClassCastException e) {
            // this node keeps its operand; the statement then fails validation as written
          }
        }
      }
    }
  }
}
