package dev.quaver.executor.exchange;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.vector.SqlOrdering;
import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The ordered merge-gather: each producer of a MERGE exchange sends its rows sorted by the keys
 * of {@code sort} (its fragment ends in a local sort, or top-N when the sort has a fetch); this
 * operator merges the producers' streams (a heap of their current rows) and applies the sort's
 * offset and fetch, so it replaces the sort above the gather. Rows that tie come in any order,
 * as after a sort of gathered rows.
 *
 * <p>Thread safety: confined to the fragment instance's thread.
 */
public final class MergeGatherOperator implements Operator {
  private final List<Exchange.Source> sources = new ArrayList<>();
  private final List<SortKey> keys;
  private final Schema schema;
  private final ExecutionContext context;
  private final OutputBuffer output;
  private final PriorityQueue<Cursor> heap;
  private long toSkip;
  private long remaining;
  private boolean started;
  private boolean finished;

  public MergeGatherOperator(InProcessExchange exchange, Exchange.Waits waits, PhysicalSort sort, Schema schema,
      ExecutionContext context) {
    for (int p = 0; p < exchange.producers(); p++) {
      sources.add(exchange.producerSource(p, waits));
    }
    this.keys = sort.keys();
    this.schema = schema;
    this.context = context;
    this.output = new OutputBuffer(schema, context);
    this.heap = new PriorityQueue<>(Math.max(1, sources.size()), this::compare);
    this.toSkip = Math.max(0, sort.offset());
    this.remaining = sort.fetch() < 0 ? Long.MAX_VALUE : sort.fetch();
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    if (finished) {
      return null;
    }
    if (!started) {
      started = true;
      for (Exchange.Source source : sources) {
        Cursor cursor = new Cursor(source);
        if (cursor.advance()) {
          heap.add(cursor);
        }
      }
    }
    while (!heap.isEmpty() && remaining > 0 && !output.isFull()) {
      Cursor smallest = heap.poll();
      if (toSkip > 0) {
        toSkip--;
      } else {
        output.add(smallest.row());
        remaining--;
      }
      if (smallest.advance()) {
        heap.add(smallest);
      }
    }
    if (output.hasRows()) {
      return output.flush();
    }
    finished = true;
    output.releaseCurrent();
    return null;
  }

  @Override
  public void close() {
    finished = true;
    output.close();
    sources.forEach(Exchange.Source::close);
  }

  private int compare(Cursor left, Cursor right) {
    for (SortKey key : keys) {
      Object a = left.value(key.column());
      Object b = right.value(key.column());
      if (a == null || b == null) {
        if (a == b) {
          continue;
        }
        return (a == null) == key.nullsFirst() ? -1 : 1;
      }
      int order = SqlOrdering.compare(a, b);
      if (order != 0) {
        return key.descending() ? -order : order;
      }
    }
    return 0;
  }

  /** One producer's stream: its current batch and row. */
  private final class Cursor {
    private final Exchange.Source source;
    private VectorSchemaRoot batch;
    private int row = -1;

    Cursor(Exchange.Source source) {
      this.source = source;
    }

    /** Moves to the next row; false at the end of the stream. */
    boolean advance() {
      row++;
      while (batch == null || row >= batch.getRowCount()) {
        batch = source.next();
        row = 0;
        if (batch == null) {
          return false;
        }
      }
      return true;
    }

    Object value(int column) {
      return VectorValues.get(batch.getFieldVectors().get(column), row);
    }

    Object[] row() {
      List<FieldVector> vectors = batch.getFieldVectors();
      Object[] values = new Object[vectors.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = VectorValues.get(vectors.get(i), row);
      }
      return values;
    }
  }
}
