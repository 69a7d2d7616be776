package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import java.util.Objects;

/**
 * Replaces rows of {@code table}. Each input row holds the row's complete new values (the
 * table's columns in table order, cast to their types), then its row key (from a
 * PhysicalTableScan with {@code withRowKey}) as the last column. Atomic. Output as PhysicalInsert.
 */
public record PhysicalUpdate(TableDef table, PhysicalNode input, List<Field> fields, Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalUpdate {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(input, "input is null");
    fields = List.copyOf(fields);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
