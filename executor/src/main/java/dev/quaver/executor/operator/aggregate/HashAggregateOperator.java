package dev.quaver.executor.operator.aggregate;

import dev.quaver.executor.memory.OperatorMemory;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.spill.SpillFile;
import dev.quaver.executor.spill.SpillPartitions;
import dev.quaver.executor.spill.SpillReader;
import dev.quaver.executor.spill.SpillSpace;
import dev.quaver.executor.spill.SpillStats;
import dev.quaver.executor.vector.Batches;
import dev.quaver.executor.vector.RowKey;
import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.storage.columnar.ArrowTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Groups the whole input by the group keys (NULLs form one group) and computes every call per
 * group. With no group keys exactly one row comes out, also for empty input. The hash table lives
 * on the heap; its rough size is reserved through an OperatorMemory so the query memory limit
 * covers it. Without spilling, groups come out in order of first appearance.
 *
 * <p>Spilling (hybrid hash aggregation): once the table passes the operator's memory share, the
 * groups already in it keep aggregating in memory, and input rows of any other group are written
 * whole to one of {@link SpillPartitions#COUNT} spill partitions by the hash of their group key.
 * After the in-memory groups are emitted, each partition is aggregated the same way on its own,
 * repartitioning one level deeper when it is still too big. Every row of a group lands in the
 * same place, so DISTINCT aggregates and all others stay exact. When a single group's state
 * (a DISTINCT set) alone exceeds the limit, spilling cannot help: OUT_OF_MEMORY (53200).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class HashAggregateOperator implements Operator {
  /** Rough heap cost of a group beyond its key values: map entry, arrays, accumulator objects. */
  private static final long GROUP_BYTES = 96;
  private static final long ACCUMULATOR_BYTES = 48;

  private final Operator input;
  private final ExecutionContext context;
  private final Schema schema;
  private final OutputBuffer output;
  private final int[] groupKeys;
  private final List<AggregateCall> calls;
  private final OperatorMemory memory;
  private final SpillStats stats = new SpillStats();
  private final SpillSpace spill;
  private final Deque<Partition> pending = new ArrayDeque<>();
  private Map<RowKey, Accumulator[]> groups;
  private Iterator<Map.Entry<RowKey, Accumulator[]>> emitting;
  private SpillPartitions partitions;
  private int level;

  public HashAggregateOperator(Operator input, PhysicalHashAggregate node, ExecutionContext context) {
    // PARTIAL and FINAL run exactly like SINGLE: the planner splits the calls so that a FINAL
    // aggregate's calls merge the partial results (COUNT into SUM0 of counts, SUM into SUM, ...).
    this.input = input;
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
    this.memory = new OperatorMemory(context, "hash aggregation");
    this.spill = new SpillSpace(context.spillDirectory(), "aggregate", context.allocator(), stats);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** What this aggregation spilled (for EXPLAIN ANALYZE). */
  public SpillStats spillStats() {
    return stats;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    if (groups == null) {
      consumeInput();
    }
    while (!output.isFull()) {
      if (emitting.hasNext()) {
        output.add(outputRow(emitting.next()));
      } else if (!pending.isEmpty()) {
        aggregatePartition(pending.pop());
      } else {
        break;
      }
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
      groups = null;
      emitting = null;
      pending.clear();
      if (partitions != null) {
        partitions.close();
        partitions = null;
      }
      memory.close();
      input.close();
    } finally {
      spill.close();
    }
  }

  private Object[] outputRow(Map.Entry<RowKey, Accumulator[]> group) {
    Object[] row = new Object[groupKeys.length + calls.size()];
    System.arraycopy(group.getKey().values(), 0, row, 0, groupKeys.length);
    Accumulator[] accumulators = group.getValue();
    for (int i = 0; i < accumulators.length; i++) {
      row[groupKeys.length + i] = accumulators[i].result();
    }
    return row;
  }

  private void consumeInput() {
    groups = new LinkedHashMap<>();
    level = 0;
    for (VectorSchemaRoot batch = input.next(); batch != null; batch = input.next()) {
      context.checkCanceled();
      List<FieldVector> vectors = batch.getFieldVectors();
      for (int row = 0; row < batch.getRowCount(); row++) {
        int r = row;
        Object[] keyValues = new Object[groupKeys.length];
        for (int k = 0; k < groupKeys.length; k++) {
          keyValues[k] = VectorValues.get(vectors.get(groupKeys[k]), row);
        }
        RowKey key = RowKey.of(keyValues);
        Accumulator[] accumulators = groupOf(key);
        if (accumulators == null) {
          partitions.add(SpillPartitions.partition(key.hashCode(), 0), Batches.row(batch, row));
        } else {
          accumulate(accumulators, column -> VectorValues.get(vectors.get(column), r));
        }
      }
    }
    input.close();
    if (groupKeys.length == 0 && groups.isEmpty()) {
      groups.put(RowKey.of(new Object[0]), newAccumulators());
    }
    finishLevel();
  }

  /** Aggregates one spilled partition as a fresh table, repartitioning what does not fit. */
  private void aggregatePartition(Partition partition) {
    groups = new LinkedHashMap<>();
    memory.release(memory.reserved());
    level = partition.level;
    try (SpillReader reader = partition.file.open(context.allocator())) {
      long count = 0;
      for (Object[] row = reader.next(); row != null; row = reader.next()) {
        if ((++count & 1023) == 0) {
          context.checkCanceled();
        }
        RowKey key = RowKey.of(row, groupKeys);
        Accumulator[] accumulators = groupOf(key);
        if (accumulators == null) {
          partitions.add(SpillPartitions.partition(key.hashCode(), level), row);
        } else {
          Object[] values = row;
          accumulate(accumulators, column -> values[column]);
        }
      }
    }
    finishLevel();
  }

  /**
   * The accumulators of {@code key}'s group, created while the table is within its share; null
   * when the group is not in the table and the table is full (the row is to be spilled).
   */
  private Accumulator[] groupOf(RowKey key) {
    Accumulator[] accumulators = groups.get(key);
    if (accumulators != null || partitions != null) {
      return accumulators;
    }
    memory.reserve(GROUP_BYTES + ACCUMULATOR_BYTES * calls.size() + 24L * groupKeys.length);
    accumulators = newAccumulators();
    groups.put(key, accumulators);
    if (memory.overShare() && groupKeys.length > 0) {
      if (level >= SpillPartitions.MAX_LEVEL) {
        throw memory.outOfMemory("the groups do not split further by hash");
      }
      partitions = new SpillPartitions(spill, input.schema(), level);
    }
    return accumulators;
  }

  /** Starts emitting the table and queues the partitions spilled at this level. */
  private void finishLevel() {
    emitting = groups.entrySet().iterator();
    if (partitions != null) {
      List<SpillFile> files = partitions.finish();
      partitions = null;
      for (int i = files.size() - 1; i >= 0; i--) {
        if (files.get(i) != null) {
          pending.push(new Partition(files.get(i), level + 1));
        }
      }
    }
  }

  private void accumulate(Accumulator[] accumulators, IntFunction<Object> column) {
    for (int c = 0; c < accumulators.length; c++) {
      AggregateCall call = calls.get(c);
      if (call.filterColumn() >= 0 && !Boolean.TRUE.equals(column.apply(call.filterColumn()))) {
        continue;
      }
      List<Integer> arguments = call.arguments();
      Object[] values = new Object[arguments.size()];
      for (int a = 0; a < values.length; a++) {
        values[a] = column.apply(arguments.get(a));
      }
      accumulators[c].add(values);
    }
  }

  private Accumulator[] newAccumulators() {
    Accumulator[] accumulators = new Accumulator[calls.size()];
    for (int c = 0; c < accumulators.length; c++) {
      accumulators[c] = Accumulators.create(calls.get(c), memory::reserve);
    }
    return accumulators;
  }

  /** A spilled partition and the level its rows are aggregated at. */
  private record Partition(SpillFile file, int level) {}
}
