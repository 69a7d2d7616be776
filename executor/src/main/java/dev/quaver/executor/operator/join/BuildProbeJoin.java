package dev.quaver.executor.operator.join;

import dev.quaver.executor.expr.VectorExpression;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.HeapRows;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.physical.JoinType;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The skeleton shared by hash and nested-loop joins: on the first {@code next()} the whole right
 * input is read into heap rows (accounted against the memory limit) and indexed by the subclass;
 * then left batches stream through a {@link JoinProbe}.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
abstract class BuildProbeJoin implements Operator {
  private final Operator left;
  private final Operator right;
  private final JoinType joinType;
  private final VectorExpression condition;
  final ExecutionContext context;
  private final Schema schema;
  private final OutputBuffer output;
  private HeapRows rightRows;
  private JoinProbe probe;
  private boolean leftDone;

  BuildProbeJoin(Operator left, Operator right, JoinType joinType, VectorExpression condition,
      ExecutionContext context) {
    this.left = left;
    this.right = right;
    this.joinType = joinType;
    this.condition = condition;
    this.context = context;
    this.schema = joinType.projectsRight() ? Schemas.concat(left.schema(), right.schema()) : left.schema();
    this.output = new OutputBuffer(schema, context);
  }

  /** Indexes the materialized right rows (may reserve more heap on {@code rows}). */
  abstract JoinProbe.Candidates index(HeapRows rows);

  @Override
  public final Schema schema() {
    return schema;
  }

  @Override
  public final VectorSchemaRoot next() {
    if (probe == null) {
      build();
    }
    while (!output.isFull()) {
      context.checkCanceled();
      if (probe.hasLeftWork()) {
        probe.step();
      } else if (!leftDone) {
        VectorSchemaRoot batch = left.next();
        if (batch == null) {
          leftDone = true;
        } else {
          probe.startLeft(Batches.rows(batch));
        }
      } else if (!probe.emitUnmatchedRight()) {
        break;
      }
    }
    if (!output.hasRows()) {
      output.releaseCurrent();
      return null;
    }
    return output.flush();
  }

  @Override
  public final void close() {
    output.close();
    if (rightRows != null) {
      rightRows.close();
    }
    left.close();
    right.close();
  }

  private void build() {
    rightRows = new HeapRows(context);
    for (VectorSchemaRoot batch = right.next(); batch != null; batch = right.next()) {
      context.checkCanceled();
      for (int i = 0; i < batch.getRowCount(); i++) {
        rightRows.add(Batches.row(batch, i));
      }
    }
    right.close();
    JoinProbe.Candidates candidates = index(rightRows);
    probe = new JoinProbe(joinType, condition, left.schema(), right.schema(), rightRows.rows(),
        candidates, context, output);
  }
}
