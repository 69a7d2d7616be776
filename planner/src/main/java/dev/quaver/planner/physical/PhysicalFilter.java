package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import java.util.List;
import java.util.Objects;

/** Keeps the rows for which {@code condition} is true (not false, not NULL). Same fields as the input. */
public record PhysicalFilter(PhysicalNode input, PhysicalExpr condition, Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalFilter {
    Objects.requireNonNull(input, "input is null");
    Objects.requireNonNull(condition, "condition is null");
  }

  @Override
  public List<Field> fields() {
    return input.fields();
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
