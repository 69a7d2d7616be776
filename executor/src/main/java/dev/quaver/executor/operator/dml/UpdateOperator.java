package dev.quaver.executor.operator.dml;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.physical.PhysicalUpdate;
import dev.quaver.storage.WriteBatch;

/**
 * UPDATE: each input row is the complete new row followed by the old row's key (VarBinary).
 * Thread safety: confined to the statement's thread.
 */
public final class UpdateOperator extends DmlOperator {
  public UpdateOperator(Operator input, PhysicalUpdate node, ExecutionContext context) {
    super(input, node.table(), context);
  }

  @Override
  void write(WriteBatch batch, Object[] row) {
    batch.update(table, (byte[]) row[row.length - 1], withoutKey(row));
  }
}
