package dev.quaver.executor.expr;

import dev.quaver.planner.expr.PhysicalExpr;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A WHERE / ON predicate compiled once per plan into the positions of the rows it accepts (true;
 * false and NULL rows are dropped). A predicate that cannot raise for any row runs on selection
 * vectors ({@link Selector}): each conjunct narrows the positions the earlier ones kept, and a
 * comparison of an integral, date or time column with a literal reads the column's buffer in
 * place, with no boolean vector, null mask or boxed value per row. A predicate that may raise
 * (division, casts, parameters that may not fit) keeps the three-valued evaluation of
 * {@link Predicates#select}, whose AND/OR decide which rows a raising operand sees.
 *
 * <p>Thread safety: immutable; may be evaluated by many threads at once.
 */
public final class RowFilter {
  private final ExprNode node;
  private final Selector selector;

  private RowFilter(ExprNode node, Selector selector) {
    this.node = node;
    this.selector = selector;
  }

  /** Requires: a BOOLEAN predicate. */
  public static RowFilter compile(PhysicalExpr predicate) {
    ExprNode node = ExpressionCompiler.node(predicate);
    return new RowFilter(node, node.canFail() ? null : Selector.of(node));
  }

  /** The ascending positions of the accepted rows of {@code input}; the array's length is the count. */
  public int[] select(VectorSchemaRoot input, EvaluationContext context) {
    if (selector == null) {
      return Predicates.select(node, input, context);
    }
    int rowCount = input.getRowCount();
    int[] positions = Vectors.allRows(rowCount);
    int count = selector.narrow(input, context, new ColumnBytes(input), positions, rowCount);
    return count == rowCount ? positions : java.util.Arrays.copyOf(positions, count);
  }
}
