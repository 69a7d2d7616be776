package dev.quaver.executor.operator.sort;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.HeapRows;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.physical.PhysicalSort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the whole input, sorts it stably by the keys and returns rows {@code [offset,
 * offset+fetch)}. With a fetch of at most {@link #TOP_N_MAX_ROWS} rows past the offset, only the
 * best {@code offset+fetch} rows are kept in a bounded heap (top-N; ties keep input order).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class SortOperator implements Operator {
  /** Largest offset+fetch for which a bounded heap is used instead of a full sort. */
  static final long TOP_N_MAX_ROWS = 100_000;

  private final Operator input;
  private final PhysicalSort node;
  private final ExecutionContext context;
  private final OutputBuffer output;
  private final Comparator<Object[]> comparator;
  private HeapRows rows;
  private List<Object[]> sorted;
  private int cursor;
  private int end;

  public SortOperator(Operator input, PhysicalSort node, ExecutionContext context) {
    this.input = input;
    this.node = node;
    this.context = context;
    this.output = new OutputBuffer(input.schema(), context);
    this.comparator = new RowComparator(node.keys());
  }

  @Override
  public Schema schema() {
    return input.schema();
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    if (sorted == null) {
      sort();
    }
    while (cursor < end && !output.isFull()) {
      output.add(sorted.get(cursor++));
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
    if (rows != null) {
      rows.close();
    }
    sorted = null;
    input.close();
  }

  private void sort() {
    rows = new HeapRows(context);
    long offset = Math.max(0, node.offset());
    long keep = node.fetch() < 0 ? -1 : offset + node.fetch();
    if (keep >= 0 && keep <= TOP_N_MAX_ROWS) {
      sorted = topN((int) keep);
    } else {
      readAll();
      sorted = new ArrayList<>(rows.rows());
      sorted.sort(comparator);
    }
    cursor = (int) Math.min(offset, sorted.size());
    end = keep < 0 ? sorted.size() : (int) Math.min(keep, sorted.size());
    input.close();
  }

  private void readAll() {
    for (VectorSchemaRoot batch = input.next(); batch != null; batch = input.next()) {
      context.checkCanceled();
      for (int i = 0; i < batch.getRowCount(); i++) {
        rows.add(Batches.row(batch, i));
      }
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
          rows.reserve(HeapRows.estimateBytes(candidate.row) + 32);
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
    java.util.Collections.reverse(result);
    return result;
  }

  private record Ranked(Object[] row, long sequence) {}
}
