package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import java.util.Objects;

/** Deletes the rows whose keys are in the input's last column. Atomic. Output as PhysicalInsert. */
public record PhysicalDelete(TableDef table, PhysicalNode input, List<Field> fields, Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalDelete {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(input, "input is null");
    fields = List.copyOf(fields);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
