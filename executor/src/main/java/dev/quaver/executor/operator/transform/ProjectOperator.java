package dev.quaver.executor.operator.transform;

import dev.quaver.executor.expr.FusedFilterProject;
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
import org.apache.arrow.vector.util.TransferPair;

/**
 * Evaluates one expression per output column over each input batch. A column reference copies
 * the input's column, or moves its buffers when the input hands its batch over
 * ({@link Operator#lastBatchTransferable()}) and no other expression reads that column: a
 * column-only projection above a filter (the planner puts one there to drop the columns only the
 * condition reads, #6) then costs no copy. A row-key column keeps its VarBinary type (UPDATE /
 * DELETE plans carry it through projections).
 *
 * <p>Directly over a {@link FilterOperator} whose predicate and projections fit
 * {@link FusedFilterProject} (generated predicate; column references and integral +, -, *), the
 * filter and the projection run as one generated loop over the filter's input: no copy of the
 * kept rows' unused columns, no separate expression pass. A batch the fused loop cannot take (a
 * column layout it was not generated for, an overflow) goes the exact way: the filter's predicate,
 * the kept rows, the expressions — which raise the SQL error as before.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class ProjectOperator implements Operator {
  private final Operator input;
  private final List<VectorExpression> expressions = new ArrayList<>();
  /** Per expression: the input column it may take by transfer (its only reader), else -1. */
  private final int[] movable;
  private final ExecutionContext context;
  private final Schema schema;
  private final FilterOperator filter;
  private final FusedFilterProject fused;
  private VectorSchemaRoot current;
  private VectorSchemaRoot selected;

  public ProjectOperator(Operator input, PhysicalProject node, ExecutionContext context) {
    this.input = input;
    this.context = context;
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
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
      names.add(field.name());
      expressions.add(Expressions.compile(expression));
    }
    this.schema = new Schema(fields);
    this.movable = movableColumns(node.expressions());
    FusedFilterProject fusedForm = null;
    if (input instanceof FilterOperator candidate && candidate.condition().isGenerated()) {
      fusedForm = FusedFilterProject.compile(candidate.predicate(), node.expressions(), names);
    }
    this.fused = fusedForm;
    this.filter = fusedForm == null ? null : (FilterOperator) input;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** True when this projection runs fused with the filter below it (tests check the choice). */
  public boolean isFused() {
    return fused != null;
  }

  @Override
  public VectorSchemaRoot next() {
    if (fused != null) {
      return nextFused();
    }
    context.checkCanceled();
    releaseCurrent();
    VectorSchemaRoot batch = input.next();
    if (batch == null) {
      return null;
    }
    current = input.lastBatchTransferable() ? projectMoving(batch) : project(batch);
    return current;
  }

  /**
   * Per expression, the input column it can take by transfer: a column reference whose column no
   * other expression reads (a second reader would find the moved vector empty), else -1.
   */
  private static int[] movableColumns(List<PhysicalExpr> expressions) {
    java.util.Map<Integer, Integer> readers = new java.util.HashMap<>();
    for (PhysicalExpr expression : expressions) {
      countReads(expression, readers);
    }
    int[] movable = new int[expressions.size()];
    for (int i = 0; i < movable.length; i++) {
      movable[i] = expressions.get(i) instanceof PhysicalExpr.InputRef ref && readers.get(ref.index()) == 1
          ? ref.index() : -1;
    }
    return movable;
  }

  private static void countReads(PhysicalExpr expression, java.util.Map<Integer, Integer> readers) {
    if (expression instanceof PhysicalExpr.InputRef ref) {
      readers.merge(ref.index(), 1, Integer::sum);
    } else if (expression instanceof PhysicalExpr.Call call) {
      call.operands().forEach(operand -> countReads(operand, readers));
    }
  }

  /**
   * {@link #project} over a handed-over batch: computed expressions first, then the movable column
   * references take their input vectors' buffers (the input's vectors are left empty; it still
   * closes them).
   */
  private VectorSchemaRoot projectMoving(VectorSchemaRoot batch) {
    FieldVector[] vectors = new FieldVector[expressions.size()];
    int rows = batch.getRowCount();
    try {
      for (int i = 0; i < vectors.length; i++) {
        if (movable[i] < 0) {
          vectors[i] = expressions.get(i).evaluate(batch, context);
        }
      }
      for (int i = 0; i < vectors.length; i++) {
        if (movable[i] >= 0) {
          TransferPair pair = batch.getVector(movable[i]).getTransferPair(context.allocator());
          pair.transfer();
          vectors[i] = (FieldVector) pair.getTo();
          if (vectors[i].getValueCount() != rows) {
            vectors[i].setValueCount(rows);
          }
        }
      }
    } catch (RuntimeException | Error e) {
      for (FieldVector vector : vectors) {
        if (vector != null) {
          vector.close();
        }
      }
      throw e;
    }
    return Batches.of(java.util.Arrays.asList(vectors), rows);
  }

  private VectorSchemaRoot nextFused() {
    while (true) {
      context.checkCanceled();
      releaseCurrent();
      VectorSchemaRoot batch = filter.input().next();
      if (batch == null) {
        return null;
      }
      VectorSchemaRoot out = fused.apply(batch, context.allocator());
      if (out == null) {
        out = exact(batch);
        if (out == null) {
          continue;
        }
      }
      if (out.getRowCount() == 0) {
        out.close();
        continue;
      }
      current = out;
      return current;
    }
  }

  /** The filter then the projection over one batch, the unfused way; null when no row passes. */
  private VectorSchemaRoot exact(VectorSchemaRoot batch) {
    int[] positions = filter.condition().select(batch, context);
    if (positions.length == 0) {
      return null;
    }
    VectorSchemaRoot kept = batch;
    if (positions.length < batch.getRowCount()) {
      selected = Batches.select(batch, positions, positions.length, context.allocator());
      kept = selected;
    }
    return project(kept);
  }

  private VectorSchemaRoot project(VectorSchemaRoot batch) {
    List<FieldVector> vectors = new ArrayList<>(expressions.size());
    try {
      for (VectorExpression expression : expressions) {
        vectors.add(expression.evaluate(batch, context));
      }
    } catch (RuntimeException | Error e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return Batches.of(vectors, batch.getRowCount());
  }

  /** Hand-over (Operator rule): projected vectors are new per call (VectorExpression), fused too. */
  @Override
  public boolean lastBatchTransferable() {
    return current != null;
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
    if (selected != null) {
      selected.close();
      selected = null;
    }
  }
}
