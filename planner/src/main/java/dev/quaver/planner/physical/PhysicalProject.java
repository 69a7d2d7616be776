package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import java.util.List;
import java.util.Objects;

/** Computes one expression per output field over each input row. */
public record PhysicalProject(PhysicalNode input, List<PhysicalExpr> expressions, List<Field> fields,
    Distribution distribution, double estimatedRows) implements PhysicalNode {
  public PhysicalProject {
    Objects.requireNonNull(input, "input is null");
    expressions = List.copyOf(expressions);
    fields = List.copyOf(fields);
    if (expressions.size() != fields.size()) {
      throw new IllegalArgumentException("expressions and fields differ in number");
    }
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
