package dev.quaver.planner.physical;

import dev.quaver.type.ColumnType;
import java.util.Objects;

/** One output column of a plan node: its name (for result metadata and EXPLAIN), type and nullability. */
public record Field(String name, ColumnType type, boolean nullable) {
  public Field {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
  }
}
