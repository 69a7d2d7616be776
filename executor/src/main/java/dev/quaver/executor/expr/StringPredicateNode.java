package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.function.Predicate;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A fixed predicate on one string operand, e.g. {@code s LIKE 'abc%'} with its pattern compiled
 * once: the strings are read column at a time and the BOOLEAN result written in bulk. NULL in,
 * NULL out.
 *
 * <p>Thread safety: immutable (the predicate must be too).
 */
final class StringPredicateNode extends ExprNode {
  private final Predicate<String> predicate;
  private final boolean stripPadding;

  StringPredicateNode(Predicate<String> predicate, ExprNode operand) {
    super(ColumnType.BOOLEAN, List.of(operand));
    this.predicate = predicate;
    this.stripPadding = operand.type().type() == dev.quaver.type.SqlType.CHAR;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    try (Operand operand = Operand.evaluate(children.get(0), input, context)) {
      String[] strings = operand.strings(stripPadding);
      boolean[] nulls = new boolean[rowCount];
      boolean[] values = new boolean[rowCount];
      for (int i = 0; i < rowCount; i++) {
        if (strings[i] == null) {
          nulls[i] = true;
        } else {
          values[i] = predicate.test(strings[i]);
        }
      }
      BitVector out = (BitVector) Vectors.allocate(ColumnType.BOOLEAN, rowCount, context.allocator());
      Columns.writeBooleans(out, values, nulls);
      return out;
    }
  }

  @Override
  boolean mayRaise() {
    return false;
  }
}
