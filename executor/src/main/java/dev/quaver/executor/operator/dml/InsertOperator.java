package dev.quaver.executor.operator.dml;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.storage.WriteBatch;

/** INSERT: every input row (the table's columns in order) becomes one insert. Thread safety: confined. */
public final class InsertOperator extends DmlOperator {
  public InsertOperator(Operator input, PhysicalInsert node, ExecutionContext context) {
    super(input, node.table(), context);
  }

  @Override
  void write(WriteBatch batch, Object[] row) {
    batch.insert(table, row);
  }
}
