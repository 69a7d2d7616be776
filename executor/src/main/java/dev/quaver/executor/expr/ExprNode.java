package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.util.BitSet;
import java.util.List;

/**
 * A node of a compiled expression tree. Besides evaluating over a batch, a node tells the
 * conditional operators (CASE, COALESCE, AND, OR) whether it may raise on some rows, so that they
 * can restrict it to the rows that actually take it, and which input columns it reads, so that
 * such a restricted evaluation copies only those columns.
 *
 * <p>Thread safety: immutable.
 */
abstract class ExprNode implements VectorExpression {
  final ColumnType type;
  final List<ExprNode> children;

  ExprNode(ColumnType type, List<ExprNode> children) {
    this.type = type;
    this.children = List.copyOf(children);
  }

  ColumnType type() {
    return type;
  }

  /** True when this node alone may raise for some values (overflow, division by zero, casts). */
  abstract boolean mayRaise();

  /** True when evaluating this subtree may raise for some rows. */
  final boolean canFail() {
    if (mayRaise()) {
      return true;
    }
    for (ExprNode child : children) {
      if (child.canFail()) {
        return true;
      }
    }
    return false;
  }

  /** Adds the input column indexes this subtree reads. */
  void collectInputs(BitSet columns) {
    for (ExprNode child : children) {
      child.collectInputs(columns);
    }
  }
}
