package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import java.util.Objects;

/**
 * Inserts every input row into {@code table}. The input has exactly the table's columns, in
 * table order, already cast to their types, with defaults filled in by the planner. The
 * statement is atomic: all rows or none. Output: one BIGINT column "rows" (the update count).
 */
public record PhysicalInsert(TableDef table, PhysicalNode input, List<Field> fields, Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalInsert {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(input, "input is null");
    fields = List.copyOf(fields);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
