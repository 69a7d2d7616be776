package dev.quaver.executor.operator.setop;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.HeapRows;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.executor.vector.Batches;
import dev.quaver.executor.vector.RowKey;
import dev.quaver.planner.physical.PhysicalSetOp;
import dev.quaver.planner.physical.SetOpKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * UNION / INTERSECT / EXCEPT [ALL] folded left to right over the inputs. With bag counts c1 (the
 * result so far) and c2 (the next input) per distinct row: UNION ALL c1+c2 (input batches passed on, no table),
 * UNION 1 if either is present (streamed, emitting a row the first time it is seen), INTERSECT
 * ALL min(c1,c2), INTERSECT 1 if both, EXCEPT ALL max(c1-c2,0), EXCEPT 1 if c1 and not c2.
 * Output rows come in order of first appearance in the first input.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class SetOpOperator implements Operator {
  /** Rough heap cost of a table entry beyond the row: map node, key object, counter. */
  private static final long ENTRY_BYTES = 80;

  private final List<Operator> inputs;
  private final PhysicalSetOp node;
  private final ExecutionContext context;
  private final Schema schema;
  private final OutputBuffer output;
  private final HeapRows memory;
  private int inputIndex;
  private Set<RowKey> seen;
  private Map<RowKey, long[]> counts;
  private Iterator<Map.Entry<RowKey, long[]>> emitting;
  private long pendingCopies;
  private Object[] pendingRow;

  public SetOpOperator(List<Operator> inputs, PhysicalSetOp node, ExecutionContext context) {
    this.inputs = List.copyOf(inputs);
    this.node = node;
    this.context = context;
    this.schema = Schemas.renamed(inputs.get(0).schema(), node.fields());
    this.output = new OutputBuffer(schema, context);
    this.memory = new HeapRows(context);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    if (node.kind() == SetOpKind.UNION) {
      return nextUnion();
    }
    if (counts == null) {
      fold();
      emitting = counts.entrySet().iterator();
    }
    while (!output.isFull() && (pendingCopies > 0 || emitting.hasNext())) {
      if (pendingCopies == 0) {
        Map.Entry<RowKey, long[]> entry = emitting.next();
        pendingRow = entry.getKey().values();
        pendingCopies = entry.getValue()[0];
        continue;
      }
      output.add(pendingRow);
      pendingCopies--;
    }
    return flushOrEnd();
  }

  @Override
  public void close() {
    output.close();
    memory.close();
    counts = null;
    seen = null;
    for (Operator input : inputs) {
      input.close();
    }
  }

  private VectorSchemaRoot nextUnion() {
    if (node.all()) {
      return nextUnionAll();
    }
    if (seen == null) {
      seen = new HashSet<>();
    }
    while (!output.isFull() && inputIndex < inputs.size()) {
      context.checkCanceled();
      VectorSchemaRoot batch = inputs.get(inputIndex).next();
      if (batch == null) {
        inputs.get(inputIndex++).close();
        continue;
      }
      for (int i = 0; i < batch.getRowCount(); i++) {
        Object[] row = Batches.row(batch, i);
        if (seen.add(RowKey.of(row.clone()))) {
          memory.reserve(HeapRows.estimateBytes(row) + ENTRY_BYTES);
          output.add(row);
        }
      }
    }
    return flushOrEnd();
  }

  /** UNION ALL passes the inputs' batches on unchanged, one input after the other. */
  private VectorSchemaRoot nextUnionAll() {
    while (inputIndex < inputs.size()) {
      context.checkCanceled();
      VectorSchemaRoot batch = inputs.get(inputIndex).next();
      if (batch == null) {
        inputs.get(inputIndex++).close();
      } else if (batch.getRowCount() > 0) {
        return batch;
      }
    }
    return null;
  }

  private VectorSchemaRoot flushOrEnd() {
    if (!output.hasRows()) {
      output.releaseCurrent();
      return null;
    }
    return output.flush();
  }

  /** Computes the final count of every distinct row (INTERSECT and EXCEPT). */
  private void fold() {
    counts = count(inputs.get(0), true);
    if (!node.all()) {
      counts.values().forEach(count -> count[0] = Math.min(count[0], 1));
    }
    for (int i = 1; i < inputs.size(); i++) {
      Map<RowKey, long[]> other = count(inputs.get(i), false);
      for (Iterator<Map.Entry<RowKey, long[]>> it = counts.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<RowKey, long[]> entry = it.next();
        long[] otherCount = other.get(entry.getKey());
        long c1 = entry.getValue()[0];
        long c2 = otherCount == null ? 0 : otherCount[0];
        long result = switch (node.kind()) {
          case INTERSECT -> node.all() ? Math.min(c1, c2) : (c2 > 0 ? c1 : 0);
          case EXCEPT -> node.all() ? Math.max(c1 - c2, 0) : (c2 > 0 ? 0 : c1);
          case UNION -> throw new AssertionError("UNION is streamed");
        };
        if (result == 0) {
          it.remove();
        } else {
          entry.getValue()[0] = result;
        }
      }
    }
  }

  private Map<RowKey, long[]> count(Operator input, boolean ordered) {
    Map<RowKey, long[]> result = ordered ? new LinkedHashMap<>() : new HashMap<>();
    for (VectorSchemaRoot batch = input.next(); batch != null; batch = input.next()) {
      context.checkCanceled();
      for (int i = 0; i < batch.getRowCount(); i++) {
        Object[] row = Batches.row(batch, i);
        long[] count = result.get(RowKey.of(row.clone()));
        if (count == null) {
          memory.reserve(HeapRows.estimateBytes(row) + ENTRY_BYTES);
          result.put(RowKey.of(row), new long[] {1});
        } else {
          count[0]++;
        }
      }
    }
    input.close();
    return result;
  }
}
