package dev.quaver.executor.operator.aggregate;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.vector.RowKey;
import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregatePhase;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.storage.columnar.ArrowTypes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Groups the whole input by the group keys (NULLs form one group; groups come out in order of
 * first appearance) and computes every call per group. With no group keys exactly one row comes
 * out, also for empty input. The hash table lives on the heap; its rough size is reserved in the
 * context so the query memory limit covers it.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class HashAggregateOperator implements Operator {
  /** Rough heap cost of a group beyond its key values: map entry, arrays, accumulator objects. */
  private static final long GROUP_BYTES = 96;
  private static final long ACCUMULATOR_BYTES = 48;

  private final Operator input;
  private final PhysicalHashAggregate node;
  private final ExecutionContext context;
  private final Schema schema;
  private final OutputBuffer output;
  private final int[] groupKeys;
  private final List<AggregateCall> calls;
  private Map<RowKey, Accumulator[]> groups;
  private Iterator<Map.Entry<RowKey, Accumulator[]>> emitting;
  private long reservedBytes;

  public HashAggregateOperator(Operator input, PhysicalHashAggregate node, ExecutionContext context) {
    if (node.phase() != AggregatePhase.SINGLE) {
      throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
          "aggregation phase %s is not supported yet", node.phase()); // TODO(#6): two-phase aggregation
    }
    this.input = input;
    this.node = node;
    this.context = context;
    this.groupKeys = node.groupKeys().stream().mapToInt(Integer::intValue).toArray();
    this.calls = node.calls();
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < groupKeys.length; i++) {
      Field source = input.schema().getFields().get(groupKeys[i]);
      fields.add(new Field(node.fields().get(i).name(), source.getFieldType(), source.getChildren()));
    }
    for (int i = 0; i < calls.size(); i++) {
      String name = groupKeys.length + i < node.fields().size()
          ? node.fields().get(groupKeys.length + i).name() : calls.get(i).name();
      fields.add(ArrowTypes.field(name, calls.get(i).type()));
    }
    this.schema = new Schema(fields);
    this.output = new OutputBuffer(schema, context);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    if (groups == null) {
      consumeInput();
      emitting = groups.entrySet().iterator();
    }
    while (emitting.hasNext() && !output.isFull()) {
      Map.Entry<RowKey, Accumulator[]> group = emitting.next();
      Object[] row = new Object[groupKeys.length + calls.size()];
      System.arraycopy(group.getKey().values(), 0, row, 0, groupKeys.length);
      Accumulator[] accumulators = group.getValue();
      for (int i = 0; i < accumulators.length; i++) {
        row[groupKeys.length + i] = accumulators[i].result();
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
    groups = null;
    emitting = null;
    context.releaseHeap(reservedBytes);
    reservedBytes = 0;
    input.close();
  }

  private void consumeInput() {
    groups = new LinkedHashMap<>();
    for (VectorSchemaRoot batch = input.next(); batch != null; batch = input.next()) {
      context.checkCanceled();
      addBatch(batch);
    }
    if (groupKeys.length == 0 && groups.isEmpty()) {
      groups.put(RowKey.of(new Object[0]), newAccumulators());
    }
  }

  private void addBatch(VectorSchemaRoot batch) {
    List<FieldVector> vectors = batch.getFieldVectors();
    for (int row = 0; row < batch.getRowCount(); row++) {
      Object[] keyValues = new Object[groupKeys.length];
      for (int k = 0; k < groupKeys.length; k++) {
        keyValues[k] = VectorValues.get(vectors.get(groupKeys[k]), row);
      }
      RowKey key = RowKey.of(keyValues);
      Accumulator[] accumulators = groups.get(key);
      if (accumulators == null) {
        reserve(GROUP_BYTES + ACCUMULATOR_BYTES * calls.size() + 24L * groupKeys.length);
        accumulators = newAccumulators();
        groups.put(key, accumulators);
      }
      for (int c = 0; c < accumulators.length; c++) {
        AggregateCall call = calls.get(c);
        if (call.filterColumn() >= 0
            && !Boolean.TRUE.equals(VectorValues.get(vectors.get(call.filterColumn()), row))) {
          continue;
        }
        List<Integer> arguments = call.arguments();
        Object[] values = new Object[arguments.size()];
        for (int a = 0; a < values.length; a++) {
          values[a] = VectorValues.get(vectors.get(arguments.get(a)), row);
        }
        accumulators[c].add(values);
      }
    }
  }

  private Accumulator[] newAccumulators() {
    Accumulator[] accumulators = new Accumulator[calls.size()];
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c] = Accumulators.create(calls.get(c), this::reserve);
    }
    return accumulators;
  }

  private void reserve(long bytes) {
    context.reserveHeap(bytes);
    reservedBytes += bytes;
  }
}
