package dev.quaver.executor.operator.dml;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.physical.PhysicalDelete;
import dev.quaver.storage.WriteBatch;

/** DELETE: the last input column is the key of a row to delete. Thread safety: confined. */
public final class DeleteOperator extends DmlOperator {
  public DeleteOperator(Operator input, PhysicalDelete node, ExecutionContext context) {
    super(input, node.table(), context);
  }

  @Override
  void write(WriteBatch batch, Object[] row) {
    batch.delete(table, (byte[]) row[row.length - 1]);
  }
}
