package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import java.util.List;
import java.util.Objects;

/**
 * Literal rows: each row is one expression per field, evaluated once (literals, parameters,
 * constant expressions). An empty {@code rows} list produces no rows.
 */
public record PhysicalValues(List<List<PhysicalExpr>> rows, List<Field> fields, Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalValues {
    rows = rows.stream().map(List::copyOf).toList();
    fields = List.copyOf(fields);
    Objects.requireNonNull(distribution, "distribution is null");
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of();
  }
}
