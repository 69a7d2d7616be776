package dev.quaver.executor.expr;

import java.util.Arrays;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Turns a BOOLEAN predicate into the positions of the rows it accepts, for filters and joins. Stateless. */
public final class Predicates {
  private Predicates() {}

  /**
   * The ascending positions of the rows of {@code input} where {@code predicate} is true (NULL and
   * false rows are dropped, as WHERE and ON do). Requires: a BOOLEAN predicate.
   */
  public static int[] select(VectorExpression predicate, VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    try (FieldVector result = predicate.evaluate(input, context)) {
      BitVector bits = (BitVector) result;
      int[] positions = new int[rowCount];
      int count = 0;
      for (int i = 0; i < rowCount; i++) {
        if (!bits.isNull(i) && bits.get(i) == 1) {
          positions[count++] = i;
        }
      }
      return count == rowCount ? positions : Arrays.copyOf(positions, count);
    }
  }
}
