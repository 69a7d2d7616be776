package dev.quaver.executor.operator.join;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalCorrelate;
import dev.quaver.planner.physical.PhysicalNode;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A correlated subquery: for each left row, binds the row as correlation {@code correlationId} in
 * the context and runs a fresh operator tree of the right subtree (INNER, LEFT, SEMI or ANTI).
 * SEMI and ANTI stop the right tree at its first row.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class CorrelateOperator implements Operator {
  private final Operator left;
  private final PhysicalCorrelate node;
  private final Function<PhysicalNode, Operator> builder;
  private final ExecutionContext context;
  private final Schema schema;
  private final int rightWidth;
  private final OutputBuffer output;
  private List<Object[]> leftRows = List.of();
  private int leftIndex;
  private Operator right;
  private boolean matched;
  private boolean leftDone;

  public CorrelateOperator(Operator left, PhysicalCorrelate node, Function<PhysicalNode, Operator> builder,
      ExecutionContext context) {
    if (!List.of(JoinType.INNER, JoinType.LEFT, JoinType.SEMI, JoinType.ANTI).contains(node.joinType())) {
      throw new IllegalArgumentException("correlate does not support " + node.joinType());
    }
    this.left = left;
    this.node = node;
    this.builder = builder;
    this.context = context;
    Schema rightSchema = Schemas.of(node.right().fields());
    this.rightWidth = rightSchema.getFields().size();
    this.schema = node.joinType().projectsRight() ? Schemas.concat(left.schema(), rightSchema) : left.schema();
    this.output = new OutputBuffer(schema, context);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    while (!output.isFull()) {
      context.checkCanceled();
      if (right != null) {
        pullRight();
      } else if (leftIndex < leftRows.size()) {
        Object[] row = leftRows.get(leftIndex);
        context.bindCorrelation(node.correlationId(), row);
        matched = false;
        right = builder.apply(node.right());
      } else if (!leftDone) {
        VectorSchemaRoot batch = left.next();
        if (batch == null) {
          leftDone = true;
        } else {
          leftRows = Batches.rows(batch);
          leftIndex = 0;
        }
      } else {
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
  public void close() {
    closeRight();
    output.close();
    left.close();
  }

  private void pullRight() {
    Object[] leftRow = leftRows.get(leftIndex);
    VectorSchemaRoot batch = right.next();
    if (batch != null && batch.getRowCount() > 0) {
      matched = true;
      switch (node.joinType()) {
        case INNER, LEFT -> {
          for (int i = 0; i < batch.getRowCount(); i++) {
            output.add(concat(leftRow, Batches.row(batch, i)));
          }
        }
        case SEMI -> finishLeftRow(leftRow);
        default -> finishLeftRow(null);
      }
      return;
    }
    if (batch == null) {
      if (!matched && node.joinType() == JoinType.LEFT) {
        output.add(concat(leftRow, new Object[rightWidth]));
      }
      finishLeftRow(!matched && node.joinType() == JoinType.ANTI ? leftRow : null);
    }
  }

  /** Ends the current left row, emitting {@code row} when not null. */
  private void finishLeftRow(Object[] row) {
    if (row != null) {
      output.add(row);
    }
    closeRight();
    context.bindCorrelation(node.correlationId(), null);
    leftIndex++;
  }

  private void closeRight() {
    if (right != null) {
      right.close();
      right = null;
    }
  }

  private static Object[] concat(Object[] left, Object[] right) {
    Object[] row = new Object[left.length + right.length];
    System.arraycopy(left, 0, row, 0, left.length);
    System.arraycopy(right, 0, row, left.length, right.length);
    return row;
  }
}
