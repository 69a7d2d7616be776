package dev.quaver.executor.operator.transform;

import dev.quaver.executor.expr.VectorExpression;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Expressions;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.storage.columnar.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Evaluates one expression per output column over each input batch. A column reference shares
 * the input's buffers; a row-key column keeps its VarBinary type (UPDATE / DELETE plans carry it
 * through projections).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class ProjectOperator implements Operator {
  private final Operator input;
  private final List<VectorExpression> expressions = new ArrayList<>();
  private final ExecutionContext context;
  private final Schema schema;
  private VectorSchemaRoot current;

  public ProjectOperator(Operator input, PhysicalProject node, ExecutionContext context) {
    this.input = input;
    this.context = context;
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
    for (int i = 0; i < node.expressions().size(); i++) {
      PhysicalExpr expression = node.expressions().get(i);
      Field field = node.fields().get(i);
      if (expression instanceof PhysicalExpr.InputRef ref) {
        org.apache.arrow.vector.types.pojo.Field source = input.schema().getFields().get(ref.index());
        fields.add(new org.apache.arrow.vector.types.pojo.Field(field.name(), source.getFieldType(),
            source.getChildren()));
      } else {
        fields.add(ArrowTypes.field(field.name(), field.type()));
      }
      expressions.add(Expressions.compile(expression));
    }
    this.schema = new Schema(fields);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    releaseCurrent();
    VectorSchemaRoot batch = input.next();
    if (batch == null) {
      return null;
    }
    List<FieldVector> vectors = new ArrayList<>(expressions.size());
    try {
      for (VectorExpression expression : expressions) {
        vectors.add(expression.evaluate(batch, context));
      }
    } catch (RuntimeException | Error e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    current = Batches.of(vectors, batch.getRowCount());
    return current;
  }

  @Override
  public void close() {
    releaseCurrent();
    input.close();
  }

  private void releaseCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
