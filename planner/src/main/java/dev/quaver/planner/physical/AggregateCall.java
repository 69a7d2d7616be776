package dev.quaver.planner.physical;

import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * One aggregate of a PhysicalHashAggregate: the function, its argument columns (input ordinals),
 * DISTINCT, an optional filter column ({@code filterColumn} >= 0: only rows where that BOOLEAN
 * input column is true count), the result type, and for LITERAL_AGG the constant (Java value of
 * {@code type}).
 */
public record AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct,
    int filterColumn, ColumnType type, boolean nullable, Object literal, String name) {
  public AggregateCall {
    Objects.requireNonNull(function, "function is null");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(name, "name is null");
  }
}
