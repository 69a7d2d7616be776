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
 * is skipped and not counted). The storage resolves it at commit.
 */
public record PhysicalInsert(TableDef table, PhysicalNode input, List<Field> fields, Distribution distribution,
    double estimatedRows, ConflictAction conflict) implements PhysicalNode {
  public PhysicalInsert {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(input, "input is null");
    Objects.requireNonNull(conflict, "conflict is null");
    fields = List.copyOf(fields);
  }

  /** A plain INSERT: a conflicting row fails the statement. */
  public PhysicalInsert(TableDef table, PhysicalNode input, List<Field> fields, Distribution distribution,
      double estimatedRows) {
    this(table, input, fields, distribution, estimatedRows, ConflictAction.ERROR);
  }

  public PhysicalInsert withConflict(ConflictAction newConflict) {
    return new PhysicalInsert(table, input, fields, distribution, estimatedRows, newConflict);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
