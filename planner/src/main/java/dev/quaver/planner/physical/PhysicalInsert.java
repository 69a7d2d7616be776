package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.storage.ConflictAction;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import java.util.Objects;

/**
 * Inserts every input row into {@code table}. The input has exactly the table's columns, in
 * table order, already cast to their types, with defaults filled in by the planner. The
 * statement is atomic: all rows or none. Output: one BIGINT column "rows" (the update count).
 *
 * <p>{@code conflict} says what a row that conflicts with another on the primary key or a UNIQUE
 * index does: ERROR (plain INSERT, 23505), REPLACE (REPLACE INTO / INSERT OR REPLACE: the
 * conflicting rows are deleted) or IGNORE (INSERT OR IGNORE / ON CONFLICT DO NOTHING: the row
 * is skipped and not counted). The storage resolves it at commit. {@code conflictColumns} (ON
 * CONFLICT (cols)) limits the resolution to the key of those column ordinals; empty: every key.
 */
public record PhysicalInsert(TableDef table, PhysicalNode input, List<Field> fields, Distribution distribution,
    double estimatedRows, ConflictAction conflict, List<Integer> conflictColumns) implements PhysicalNode {
  public PhysicalInsert {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(input, "input is null");
    Objects.requireNonNull(conflict, "conflict is null");
    fields = List.copyOf(fields);
    conflictColumns = List.copyOf(conflictColumns);
  }

  /** A plain INSERT: a conflicting row fails the statement. */
  public PhysicalInsert(TableDef table, PhysicalNode input, List<Field> fields, Distribution distribution,
      double estimatedRows) {
    this(table, input, fields, distribution, estimatedRows, ConflictAction.ERROR, List.of());
  }

  /** An INSERT whose conflicts on every key resolve as {@code conflict} says. */
  public PhysicalInsert(TableDef table, PhysicalNode input, List<Field> fields, Distribution distribution,
      double estimatedRows, ConflictAction conflict) {
    this(table, input, fields, distribution, estimatedRows, conflict, List.of());
  }

  public PhysicalInsert withConflict(ConflictAction newConflict, List<Integer> newConflictColumns) {
    return new PhysicalInsert(table, input, fields, distribution, estimatedRows, newConflict, newConflictColumns);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
