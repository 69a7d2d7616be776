package dev.quaver.executor.operator.dml;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.storage.ConflictAction;
import dev.quaver.storage.WriteBatch;
import java.util.List;

/**
 * INSERT: every input row (the table's columns in order) becomes one insert, with the plan's
 * conflict action (REPLACE INTO, INSERT OR IGNORE, ON CONFLICT DO NOTHING): the storage resolves
 * conflicts at commit, and rows IGNORE skipped are left out of the update count.
 * Thread safety: confined.
 */
public final class InsertOperator extends DmlOperator {
  private final ConflictAction conflict;
  private final List<Integer> conflictColumns;

  public InsertOperator(Operator input, PhysicalInsert node, ExecutionContext context) {
    super(input, node.table(), context);
    this.conflict = node.conflict();
    this.conflictColumns = node.conflictColumns();
  }

  /**
   * A plain INSERT takes a row source's rows as columns, unless {@code -Dquaver.insert.rows=true}
   * (read per statement: the A/B switch of bench {@code storage.BatchInsertAb}).
   */
  @Override
  boolean writesColumns() {
    return conflict == ConflictAction.ERROR && !Boolean.getBoolean("quaver.insert.rows");
  }

  @Override
  void writeRows(WriteBatch batch, dev.quaver.storage.row.ColumnRows rows) {
    batch.insertRows(table, rows);
  }

  @Override
  void write(WriteBatch batch, Object[] row) {
    if (conflict == ConflictAction.ERROR) {
      batch.insert(table, row);
    } else if (conflictColumns.isEmpty()) {
      batch.insert(table, row, conflict);
    } else {
      batch.insert(table, row, conflict, conflictColumns);
    }
  }
}
