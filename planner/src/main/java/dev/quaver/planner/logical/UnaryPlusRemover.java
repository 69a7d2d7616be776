package dev.quaver.planner.logical;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Removes prefix {@code +} from a parsed statement before validation: unary plus is the identity
 * on a value of any type, as in SQLite and MySQL ({@code + col} on a VARCHAR column is that
 * column, not a cast to a number that fails on 'abc'). On numbers the result is unchanged.
 *
 * <p>The tree is changed in place (a copying SqlShuttle would rebuild INSERT/UPDATE nodes as
 * generic calls); a node that does not support replacing an operand keeps its unary plus.
 *
 * <p>Thread safety: stateless.
 */
public final class UnaryPlusRemover {
  private UnaryPlusRemover() {}

  /** The statement without unary plus operators (the same tree unless the root itself was one). */
  public static SqlNode apply(SqlNode node) {
    SqlNode root = strip(node);
    walk(root);
    return root;
  }

  private static SqlNode strip(SqlNode node) {
    SqlNode current = node;
    while (current instanceof SqlCall call && call.getKind() == SqlKind.PLUS_PREFIX
        && call.operandCount() == 1 && call.operand(0) != null) {
      current = call.operand(0);
    }
    return current;
  }

  private static void walk(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode item = list.get(i);
        SqlNode stripped = strip(item);
        if (stripped != item) {
          list.set(i, stripped);
        }
        walk(stripped);
      }
    } else if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode operand = operands.get(i);
        if (operand == null) {
          continue;
        }
        SqlNode stripped = strip(operand);
        if (stripped != operand) {
          try {
            call.setOperand(i, stripped);
          } catch (UnsupportedOperationException | AssertionError | ClassCastException e) {
            stripped = operand;
          }
        }
        walk(stripped);
      }
    }
  }
}
