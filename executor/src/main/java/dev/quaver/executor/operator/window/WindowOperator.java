package dev.quaver.executor.operator.window;

import dev.quaver.executor.memory.OperatorMemory;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.HeapRows;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.executor.spill.SpillSpace;
import dev.quaver.executor.spill.SpillStats;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.physical.PhysicalWindow;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Computes a PhysicalWindow over input sorted by partition then order keys: buffers the rows of
 * one partition on the heap (reserved through {@link OperatorMemory}), computes every call over
 * it, and emits input columns + call results, a batch at a time. Rows keep their input order.
 *
 * <p>Spilling: when the partition being read passes the operator's memory share, its rows so far
 * and the rest of it go to disk ({@link SpilledRows}: spill files of a few hundred rows each,
 * read back on demand through a small block cache) and the heap reservation is given back; the
 * window functions then run over the spilled rows as over the in-memory list, and the output is
 * assembled from them batch by batch. What stays on the heap for a spilled partition is one
 * result slot per row and call (and the frame bounds while a call is computed), not the rows.
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
  private final SpillStats stats = new SpillStats();
  private final SpillSpace spill;
  private List<Object[]> partition = new ArrayList<>();
  private SpilledRows spilled;
  /** The first row of the spilled partition (its partition key values). */
  private Object[] spilledFirst;
  private List<Object[]> inputRows = List.of();
  private int inputCursor;
  private boolean inputDone;
  /** A computed partition being emitted: its rows, each call's results, the next row. */
  private List<Object[]> finished;
  private SpilledRows finishedSpill;
  private Object[][] results;
  private int emitCursor;

  public WindowOperator(Operator input, PhysicalWindow window, ExecutionContext context) {
    this.input = input;
    this.window = window;
    this.context = context;
    this.schema = Schemas.of(window.fields());
    this.memory = new OperatorMemory(context, "window");
    this.output = new OutputBuffer(schema, context);
    this.partitionKeys = window.partitionKeys().stream().mapToInt(Integer::intValue).toArray();
    this.spill = new SpillSpace(context.spillDirectory(), "window", context.allocator(), stats);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** What this operator spilled (for EXPLAIN ANALYZE and tests). */
  public SpillStats spillStats() {
    return stats;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    while (!output.isFull()) {
      if (finished != null) {
        emit();
        continue;
      }
      if (inputCursor < inputRows.size()) {
        Object[] values = inputRows.get(inputCursor);
        List<Object[]> current = spilled != null ? spilled : partition;
        if (!current.isEmpty() && !WindowFunctions.samePartition(first(), values, partitionKeys)) {
          finishPartition();
          continue;
        }
        inputCursor++;
        add(values);
        continue;
      }
      if (inputDone) {
        if (!partition.isEmpty() || spilled != null) {
          finishPartition();
          continue;
        }
        break;
      }
      VectorSchemaRoot batch = input.next();
      context.checkCanceled();
      if (batch == null) {
        inputDone = true;
        inputRows = List.of();
      } else {
        inputRows = Batches.rows(batch);
      }
      inputCursor = 0;
    }
    if (output.hasRows()) {
      return output.flush();
    }
    output.releaseCurrent();
    return null;
  }

  @Override
  public void close() {
    try {
      partition = new ArrayList<>();
      inputRows = List.of();
      finished = null;
      results = null;
      if (spilled != null) {
        spilled.close();
        spilled = null;
      }
      if (finishedSpill != null) {
        finishedSpill.close();
        finishedSpill = null;
      }
      memory.close();
      output.close();
      input.close();
    } finally {
      spill.close();
    }
  }

  private Object[] first() {
    return spilled != null ? spilledFirst : partition.get(0);
  }

  private void add(Object[] values) {
    if (spilled != null) {
      spilled.add(values);
      return;
    }
    memory.reserve(HeapRows.estimateBytes(values));
    partition.add(values);
    if (memory.overShare() && partition.size() > 1) {
      spilled = new SpilledRows(spill, input.schema(), context.allocator());
      spilledFirst = partition.get(0);
      for (Object[] row : partition) {
        spilled.add(row);
      }
      partition = new ArrayList<>();
      memory.release(memory.reserved());
    }
  }

  /** Computes every call over the partition read so far and starts emitting it. */
  private void finishPartition() {
    List<Object[]> rows = partition;
    if (spilled != null) {
      spilled.finish();
      rows = spilled;
      finishedSpill = spilled;
      spilled = null;
      spilledFirst = null;
    }
    partition = new ArrayList<>();
    results = new Object[window.calls().size()][];
    for (int i = 0; i < results.length; i++) {
      results[i] = WindowFunctions.compute(rows, window.calls().get(i), window.orderKeys());
      context.checkCanceled();
    }
    finished = rows;
    emitCursor = 0;
  }

  /** Adds output rows of the finished partition until the output batch is full or it is done. */
  private void emit() {
    int width = window.input().fields().size();
    while (emitCursor < finished.size() && !output.isFull()) {
      int row = emitCursor++;
      Object[] in = finished.get(row);
      Object[] out = new Object[width + results.length];
      System.arraycopy(in, 0, out, 0, width);
      for (int i = 0; i < results.length; i++) {
        out[width + i] = results[i][row];
      }
      output.add(out);
    }
    if (emitCursor == finished.size()) {
      finished = null;
      results = null;
      if (finishedSpill != null) {
        finishedSpill.close();
        finishedSpill = null;
      } else {
        memory.release(memory.reserved());
      }
    }
  }
}
