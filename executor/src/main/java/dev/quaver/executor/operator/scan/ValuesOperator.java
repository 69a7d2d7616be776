package dev.quaver.executor.operator.scan;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Expressions;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.PhysicalValues;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Literal rows. Each row's expressions are evaluated when the row is emitted (once per
 * execution; parameters and correlation values are read from the context at that time).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class ValuesOperator implements Operator {
  private final PhysicalValues node;
  private final ExecutionContext context;
  private final Schema schema;
  private final OutputBuffer output;
  private int nextRow;

  public ValuesOperator(PhysicalValues node, ExecutionContext context) {
    this.node = node;
    this.context = context;
    this.schema = Schemas.of(node.fields());
    this.output = new OutputBuffer(schema, context);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    List<List<PhysicalExpr>> rows = node.rows();
    while (nextRow < rows.size() && !output.isFull()) {
      List<PhysicalExpr> expressions = rows.get(nextRow++);
      Object[] row = new Object[expressions.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = Expressions.evaluateConstant(expressions.get(i), context);
      }
      output.add(row);
    }
    if (!output.hasRows()) {
      output.releaseCurrent();
      return null;
    }
    return output.flush();
  }

  @Override
  public void close() {
    output.close();
  }
}
