package dev.quaver.executor.expr;

import dev.quaver.planner.expr.PhysicalExpr;
import java.util.Arrays;
import java.util.BitSet;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A WHERE / ON predicate compiled once per plan into the positions of the rows it accepts (true;
 * false and NULL rows are dropped). Three forms, fastest first:
 * <ul>
 *   <li>comparisons of integral / date / time columns with literals or each other under AND / OR:
 *       a Janino-generated fused loop ({@link FilterCodegen}, cached by predicate);
 *   <li>any other predicate that cannot raise: selection-vector kernels ({@link Selector}), each
 *       conjunct narrowing the positions the earlier ones kept;
 *   <li>a predicate that may raise (division, casts, parameters that may not fit): the
 *       three-valued evaluation of {@link Predicates#select}, whose AND / OR decide which rows a
 *       raising operand sees.
 * </ul>
 *
 * <p>Thread safety: immutable; may be evaluated by many threads at once.
 */
public final class RowFilter {
  private final ExprNode node;
  private final Selector selector;
  private final GeneratedFilter generated;
  private final int[] columns;
  private final int[] widths;

  private RowFilter(ExprNode node, boolean generate) {
    this.node = node;
    boolean safe = !node.canFail();
    this.selector = safe ? Selector.of(node) : null;
    this.generated = safe && generate ? FilterCodegen.generate(node) : null;
    BitSet used = FilterCodegen.columns(node);
    this.columns = used.stream().toArray();
    this.widths = new int[columns.length];
    if (generated != null) {
      for (int k = 0; k < columns.length; k++) {
        widths[k] = FilterCodegen.width(columnType(node, columns[k]));
      }
    }
  }

  /** Requires: a BOOLEAN predicate. */
  public static RowFilter compile(PhysicalExpr predicate) {
    return new RowFilter(ExpressionCompiler.node(predicate), true);
  }

  /** Without generated code: the selection-vector kernels (benchmarks and tests compare the forms). */
  public static RowFilter vectorized(PhysicalExpr predicate) {
    return new RowFilter(ExpressionCompiler.node(predicate), false);
  }

  /** True when this predicate runs as generated code. */
  public boolean isGenerated() {
    return generated != null;
  }

  /** The ascending positions of the accepted rows of {@code input}; the array's length is the count. */
  public int[] select(VectorSchemaRoot input, EvaluationContext context) {
    if (selector == null) {
      return Predicates.select(node, input, context);
    }
    int rowCount = input.getRowCount();
    ColumnBytes bytes = new ColumnBytes(input);
    int[] positions;
    int count;
    if (generated != null && layoutMatches(input)) {
      int width = input.getFieldVectors().size();
      byte[][] data = new byte[width][];
      byte[][] valid = new byte[width][];
      for (int k = 0; k < columns.length; k++) {
        data[columns[k]] = bytes.data(columns[k], widths[k]);
        valid[columns[k]] = bytes.validity(columns[k]);
      }
      positions = new int[rowCount];
      count = generated.select(data, valid, rowCount, positions);
    } else {
      positions = Vectors.allRows(rowCount);
      count = selector.narrow(input, context, bytes, positions, rowCount);
    }
    return count == rowCount ? positions : Arrays.copyOf(positions, count);
  }

  /** True when every column the generated code reads has the fixed width it was generated for. */
  private boolean layoutMatches(VectorSchemaRoot input) {
    for (int k = 0; k < columns.length; k++) {
      FieldVector vector = input.getVector(columns[k]);
      if (!(vector instanceof BaseFixedWidthVector fixed) || vector instanceof BitVector
          || fixed.getTypeWidth() != widths[k]) {
        return false;
      }
    }
    return true;
  }

  private static dev.quaver.type.SqlType columnType(ExprNode node, int column) {
    if (node instanceof InputRefNode ref && ref.index() == column) {
      return ref.type().type();
    }
    for (ExprNode child : node.children) {
      dev.quaver.type.SqlType type = columnType(child, column);
      if (type != null) {
        return type;
      }
    }
    return null;
  }
}
