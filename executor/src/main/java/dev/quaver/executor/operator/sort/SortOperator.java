package dev.quaver.executor.operator.sort;

import dev.quaver.executor.memory.OperatorMemory;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.HeapRows;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.spill.SpillFile;
import dev.quaver.executor.spill.SpillSpace;
import dev.quaver.executor.spill.SpillStats;
import dev.quaver.executor.spill.SpillWriter;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.physical.PhysicalSort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the whole input, sorts it stably by the keys and returns rows {@code [offset,
 * offset+fetch)}. With a fetch of at most {@link #TOP_N_MAX_ROWS} rows past the offset, only the
 * best {@code offset+fetch} rows are kept in a bounded heap (top-N; ties keep input order; it
 * never spills).
 *
 * <p>Otherwise this is an external merge sort: rows are buffered on the heap; when the buffer
 * passes the operator's memory share it is sorted and written to a spill file as a run. At the
 * end, runs are merged {@link #MERGE_FAN_IN} at a time until few enough remain, and the last
 * merge of the remaining runs and the in-memory tail streams the output. Merging keeps run order
 * among equal rows, so the result is as stable as the in-memory sort.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class SortOperator implements Operator {
  /** Largest offset+fetch for which a bounded heap is used instead of a full sort. */
  static final long TOP_N_MAX_ROWS = 100_000;
  /** Most runs merged at once (each open run holds one spill batch). */
  static final int MERGE_FAN_IN = 16;
  /** Rough heap cost of a buffered row beyond its values (list slot, sort scratch). */
  private static final long ROW_OVERHEAD_BYTES = 16;

  private final Operator input;
  private final PhysicalSort node;
  private final ExecutionContext context;
  private final OutputBuffer output;
  private final Comparator<Object[]> comparator;
  private final SpillStats stats = new SpillStats();
  private final SpillSpace spill;
  private OperatorMemory memory;
  private HeapRows topRows;
  private Iterator<Object[]> sorted;
  private RunMerger merger;
  private long remaining;

  public SortOperator(Operator input, PhysicalSort node, ExecutionContext context) {
    this.input = input;
    this.node = node;
    this.context = context;
    this.output = new OutputBuffer(input.schema(), context);
    this.comparator = new RowComparator(node.keys());
    this.spill = new SpillSpace(context.spillDirectory(), "sort", context.allocator(), stats);
  }

  @Override
  public Schema schema() {
    return input.schema();
  }

  /** What this sort spilled (for EXPLAIN ANALYZE). */
  public SpillStats spillStats() {
    return stats;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    if (sorted == null) {
      sort();
    }
    while (remaining > 0 && sorted.hasNext() && !output.isFull()) {
      output.add(sorted.next());
      remaining--;
    }
    if (!output.hasRows()) {
      output.releaseCurrent();
      return null;
    }
    return output.flush();
  }

  @Override
  public void close() {
    try {
      output.close();
      if (merger != null) {
        merger.close();
        merger = null;
      }
      if (topRows != null) {
        topRows.close();
      }
      if (memory != null) {
        memory.close();
      }
      sorted = null;
      input.close();
    } finally {
      spill.close();
    }
  }

  private void sort() {
    long offset = Math.max(0, node.offset());
    long keep = node.fetch() < 0 ? -1 : offset + node.fetch();
    if (keep >= 0 && keep <= TOP_N_MAX_ROWS) {
      topRows = new HeapRows(context);
      sorted = topN((int) keep).iterator();
    } else {
      sorted = externalSort();
    }
    input.close();
    for (long skipped = 0; skipped < offset && sorted.hasNext(); skipped++) {
      sorted.next();
    }
    remaining = keep < 0 ? Long.MAX_VALUE : keep - offset;
  }

  private Iterator<Object[]> externalSort() {
    memory = new OperatorMemory(context, "sort");
    List<SpillFile> runs = new ArrayList<>();
    List<Object[]> buffer = new ArrayList<>();
    for (VectorSchemaRoot batch = input.next(); batch != null; batch = input.next()) {
      context.checkCanceled();
      for (int i = 0; i < batch.getRowCount(); i++) {
        Object[] row = Batches.row(batch, i);
        memory.reserve(HeapRows.estimateBytes(row) + ROW_OVERHEAD_BYTES);
        buffer.add(row);
      }
      if (memory.overShare()) {
        runs.add(writeRun(buffer));
        buffer = new ArrayList<>();
        memory.release(memory.reserved());
      }
    }
    buffer.sort(comparator);
    if (runs.isEmpty()) {
      return buffer.iterator();
    }
    while (runs.size() > MERGE_FAN_IN) {
      context.checkCanceled();
      List<SpillFile> first = runs.subList(0, MERGE_FAN_IN);
      SpillFile merged = mergeRuns(new ArrayList<>(first));
      first.clear();
      runs.add(0, merged);
    }
    merger = new RunMerger(runs, buffer, comparator, context.allocator());
    return merger;
  }

  private SpillFile writeRun(List<Object[]> buffer) {
    buffer.sort(comparator);
    try (SpillWriter writer = spill.newFile(input.schema())) {
      for (Object[] row : buffer) {
        writer.add(row);
      }
      return writer.finish();
    }
  }

  private SpillFile mergeRuns(List<SpillFile> runs) {
    try (RunMerger merge = new RunMerger(runs, null, comparator, context.allocator());
        SpillWriter writer = spill.newFile(input.schema())) {
      while (merge.hasNext()) {
        writer.add(merge.next());
      }
      return writer.finish();
    }
  }

  /** The best {@code keep} rows in order; a sequence number makes ties stable. */
  private List<Object[]> topN(int keep) {
    List<Object[]> result = new ArrayList<>();
    if (keep == 0) {
      return result;
    }
    Comparator<Ranked> order = (a, b) -> {
      int c = comparator.compare(a.row, b.row);
      return c != 0 ? c : Long.compare(a.sequence, b.sequence);
    };
    PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(order.reversed());
    long sequence = 0;
    for (VectorSchemaRoot batch = input.next(); batch != null; batch = input.next()) {
      context.checkCanceled();
      for (int i = 0; i < batch.getRowCount(); i++) {
        Ranked candidate = new Ranked(Batches.row(batch, i), sequence++);
        if (worstFirst.size() < keep) {
          topRows.reserve(HeapRows.estimateBytes(candidate.row) + 32);
          worstFirst.add(candidate);
        } else if (order.compare(candidate, worstFirst.peek()) < 0) {
          worstFirst.poll();
          worstFirst.add(candidate);
        }
      }
    }
    while (!worstFirst.isEmpty()) {
      result.add(worstFirst.poll().row);
    }
    Collections.reverse(result);
    return result;
  }

  private record Ranked(Object[] row, long sequence) {}
}
