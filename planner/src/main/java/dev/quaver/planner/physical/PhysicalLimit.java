package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import java.util.List;
import java.util.Objects;

/**
 * Skips {@code offset} rows, then passes at most {@code fetch} rows (-1: no limit), in input
 * order. When the SQL used {@code ?} for them, {@code offsetParameter}/{@code fetchParameter}
 * (nullable) give the value at execution instead.
 */
public record PhysicalLimit(PhysicalNode input, long offset, long fetch, PhysicalExpr offsetParameter,
    PhysicalExpr fetchParameter, Distribution distribution, double estimatedRows) implements PhysicalNode {
  public PhysicalLimit {
    Objects.requireNonNull(input, "input is null");
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
