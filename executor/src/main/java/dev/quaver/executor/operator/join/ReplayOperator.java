package dev.quaver.executor.operator.join;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.vector.HeapColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An input that first gives back rows already read from it into heap columns, in batches, and
 * then the rest of it: how the vectorized hash join hands a right input that outgrew its memory
 * share to the spilling RowHashJoin without reading it twice.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class ReplayOperator implements Operator {
  private final Operator rest;
  private HeapColumn[] columns;
  private final int rows;
  private final ExecutionContext context;
  private int cursor;
  private VectorSchemaRoot current;

  ReplayOperator(Operator rest, HeapColumn[] columns, int rows, ExecutionContext context) {
    this.rest = rest;
    this.columns = columns;
    this.rows = rows;
    this.context = context;
  }

  @Override
  public Schema schema() {
    return rest.schema();
  }

  @Override
  public VectorSchemaRoot next() {
    releaseCurrent();
    if (columns != null && cursor < rows) {
      context.checkCanceled();
      int count = Math.min(context.batchRows(), rows - cursor);
      int[] positions = new int[count];
      for (int k = 0; k < count; k++) {
        positions[k] = cursor + k;
      }
      cursor += count;
      List<FieldVector> vectors = new ArrayList<>(columns.length);
      try {
        for (HeapColumn column : columns) {
          vectors.add(column.gather(positions, 0, count, context.allocator()));
        }
      } catch (RuntimeException | Error e) {
        vectors.forEach(FieldVector::close);
        throw e;
      }
      current = new VectorSchemaRoot(rest.schema().getFields(), vectors, count);
      return current;
    }
    columns = null; // the heap copy is no longer needed
    return rest.next();
  }

  @Override
  public void close() {
    releaseCurrent();
    columns = null;
    rest.close();
  }

  private void releaseCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
