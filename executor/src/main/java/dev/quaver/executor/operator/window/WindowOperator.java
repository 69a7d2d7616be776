package dev.quaver.executor.operator.window;

import dev.quaver.executor.memory.OperatorMemory;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.HeapRows;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.physical.PhysicalWindow;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Computes a PhysicalWindow over input sorted by partition then order keys: buffers the rows of
 * one partition on the heap (reserved through {@link OperatorMemory}; a partition larger than
 * the query memory limit is OUT_OF_MEMORY 53200, since a partition cannot spill yet,
 * TODO(#6)), computes every call over it, and emits input columns + call results. Rows keep
 * their input order.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class WindowOperator implements Operator {
  private final Operator input;
  private final PhysicalWindow window;
  private final ExecutionContext context;
  private final Schema schema;
  private final OperatorMemory memory;
  private final OutputBuffer output;
  private final int[] partitionKeys;
  private List<Object[]> partition = new ArrayList<>();
  private boolean inputDone;
  private boolean done;

  public WindowOperator(Operator input, PhysicalWindow window, ExecutionContext context) {
    this.input = input;
    this.window = window;
    this.context = context;
    this.schema = Schemas.of(window.fields());
    this.memory = new OperatorMemory(context, "window");
    this.output = new OutputBuffer(schema, context);
    this.partitionKeys = window.partitionKeys().stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    while (!output.isFull() && !inputDone) {
      VectorSchemaRoot batch = input.next();
      if (batch == null) {
        inputDone = true;
        finishPartition();
        break;
      }
      for (int row = 0; row < batch.getRowCount(); row++) {
        Object[] values = Batches.row(batch, row);
        if (!partition.isEmpty() && !WindowFunctions.samePartition(partition.get(0), values, partitionKeys)) {
          finishPartition();
        }
        memory.reserve(HeapRows.estimateBytes(values));
        partition.add(values);
      }
      context.checkCanceled();
    }
    if (output.hasRows()) {
      return output.flush();
    }
    output.releaseCurrent();
    done = true;
    return null;
  }

  @Override
  public void close() {
    partition = new ArrayList<>();
    memory.close();
    output.close();
    input.close();
  }

  private void finishPartition() {
    if (partition.isEmpty()) {
      return;
    }
    Object[][] results = new Object[window.calls().size()][];
    for (int i = 0; i < results.length; i++) {
      results[i] = WindowFunctions.compute(partition, window.calls().get(i), window.orderKeys());
    }
    int width = window.input().fields().size();
    for (int row = 0; row < partition.size(); row++) {
      Object[] in = partition.get(row);
      Object[] out = new Object[width + results.length];
      System.arraycopy(in, 0, out, 0, width);
      for (int i = 0; i < results.length; i++) {
        out[width + i] = results[i][row];
      }
      output.add(out);
    }
    partition = new ArrayList<>();
    memory.release(memory.reserved());
  }
}
