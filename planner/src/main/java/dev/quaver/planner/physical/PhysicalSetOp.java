package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * UNION / INTERSECT / EXCEPT [ALL] of two or more inputs with the same column types (EXCEPT
 * and INTERSECT fold left to right). NULLs compare equal here, as SQL says for set operations.
 */
public record PhysicalSetOp(List<PhysicalNode> inputs, SetOpKind kind, boolean all, List<Field> fields,
    Distribution distribution, double estimatedRows) implements PhysicalNode {
  public PhysicalSetOp {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(kind, "kind is null");
    fields = List.copyOf(fields);
    if (inputs.size() < 2) {
      throw new IllegalArgumentException("set operation needs two inputs");
    }
  }
}
