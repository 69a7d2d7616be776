package dev.quaver.executor.operator.aggregate;

import dev.quaver.executor.memory.OperatorMemory;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.spill.SpillFile;
import dev.quaver.executor.spill.SpillPartitions;
import dev.quaver.executor.spill.SpillReader;
import dev.quaver.executor.spill.SpillSpace;
import dev.quaver.executor.spill.SpillStats;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.storage.columnar.ArrowTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Groups the whole input by the group keys (NULLs form one group) and computes every call per
 * group, a batch at a time: a {@link GroupTable} gives each row its group id, then each call's
 * {@link CallColumn} folds the batch into its per-group state. Vectorized (the default), keys of
 * the primitive kinds go through {@link LongKeyTable} (one fixed-width key) or
 * {@link MultiKeyTable} (several keys, strings) and COUNT / SUM / SUM0 / AVG / MIN / MAX over
 * primitive arguments through primitive columns (CallColumns); what they do not cover falls back
 * per key set / per call to the boxed {@link BoxedKeyTable} / {@link BoxedCallColumn}, which is the
 * whole aggregation when not vectorized (tests compare both). With no group keys exactly one row
 * comes out, also for empty input. Group state lives on the heap; its rough size is reserved
 * through an OperatorMemory so the query memory limit covers it. Without spilling, groups come out
 * in order of first appearance.
 *
 * <p>PARTIAL and FINAL run exactly like SINGLE: the planner splits the calls so that a FINAL
 * aggregate's calls merge the partial results (COUNT into SUM0 of counts, SUM into SUM, ...).
 *
 * <p>Spilling (hybrid hash aggregation): once the state passes the operator's memory share, the
 * groups already in the table keep aggregating in memory, and input rows of any other group are
 * written whole to one of {@link SpillPartitions#COUNT} spill partitions by the hash of their group
 * key. After the in-memory groups are emitted, each partition is aggregated the same way on its
 * own, repartitioning one level deeper when it is still too big. Every row of a group lands in the
 * same place, so DISTINCT aggregates and all others stay exact. When a single group's state (a
 * DISTINCT set) alone exceeds the limit, spilling cannot help: OUT_OF_MEMORY (53200).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class HashAggregateOperator implements Operator {
  private final Operator input;
  private final ExecutionContext context;
  private final Schema schema;
  private final int[] groupKeys;
  private final List<AggregateCall> calls;
  private final boolean vectorized;
  private final List<Field> inputFields;
  private final BatchColumn[] columns;
  private final int[] usedColumns;
  private final OperatorMemory memory;
  private final SpillStats stats = new SpillStats();
  private final SpillSpace spill;
  private final Deque<Partition> pending = new ArrayDeque<>();
  private GroupTable table;
  private CallColumn[] callColumns;
  private long callBytesPerGroup;
  private int[] ids = new int[0];
  private SpillPartitions partitions;
  private int level;
  private int emitted;
  private boolean consumed;
  private VectorSchemaRoot current;

  public HashAggregateOperator(Operator input, PhysicalHashAggregate node, ExecutionContext context) {
    this(input, node, context, true);
  }

  /**
   * {@code vectorized} false: the boxed table and columns only, for tests and benchmarks that
   * compare the two (the planner's operators are always built vectorized).
   */
  public HashAggregateOperator(Operator input, PhysicalHashAggregate node, ExecutionContext context, boolean vectorized) {
    this.input = input;
    this.context = context;
    this.groupKeys = node.groupKeys().stream().mapToInt(Integer::intValue).toArray();
    this.calls = node.calls();
    this.vectorized = vectorized;
    this.inputFields = input.schema().getFields();
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < groupKeys.length; i++) {
      Field source = inputFields.get(groupKeys[i]);
      fields.add(new Field(node.fields().get(i).name(), source.getFieldType(), source.getChildren()));
    }
    for (int i = 0; i < calls.size(); i++) {
      String name = groupKeys.length + i < node.fields().size()
          ? node.fields().get(groupKeys.length + i).name() : calls.get(i).name();
      fields.add(ArrowTypes.field(name, calls.get(i).type()));
    }
    this.schema = new Schema(fields);
    BitSet used = new BitSet();
    for (int key : groupKeys) {
      used.set(key);
    }
    for (AggregateCall call : calls) {
      call.arguments().forEach(used::set);
      if (call.filterColumn() >= 0) {
        used.set(call.filterColumn());
      }
    }
    this.usedColumns = used.stream().toArray();
    this.columns = new BatchColumn[inputFields.size()];
    for (int column : usedColumns) {
      columns[column] = BatchColumn.of(inputFields.get(column));
    }
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

  /** True when the group table reads keys without boxing (tests and EXPLAIN check the choice). */
  boolean primitiveKeys() {
    return !(newTable() instanceof BoxedKeyTable);
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    releaseCurrent();
    if (!consumed) {
      consumed = true;
      consumeInput();
    }
    while (emitted >= table.size()) {
      if (pending.isEmpty()) {
        return null;
      }
      aggregatePartition(pending.pop());
    }
    int count = Math.min(context.batchRows(), table.size() - emitted);
    current = output(emitted, count);
    emitted += count;
    return current;
  }

  /** Hand-over (Operator rule): each batch of groups is built fresh per call. */
  @Override
  public boolean lastBatchTransferable() {
    return current != null;
  }

  @Override
  public void close() {
    try {
      releaseCurrent();
      table = null;
      callColumns = null;
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

  private void releaseCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  private void consumeInput() {
    startLevel(0);
    for (VectorSchemaRoot batch = input.next(); batch != null; batch = input.next()) {
      context.checkCanceled();
      aggregate(batch);
    }
    input.close();
    if (table instanceof NoKeyTable noKeys && noKeys.size() == 0) {
      noKeys.ensureGroup();
    }
    finishLevel();
  }

  /** Aggregates one spilled partition as a fresh table, repartitioning what does not fit. */
  private void aggregatePartition(Partition partition) {
    startLevel(partition.level);
    int batchRows = context.batchRows();
    List<Object[]> rows = new ArrayList<>(batchRows);
    try (SpillReader reader = partition.file.open(context.allocator())) {
      for (Object[] row = reader.next(); row != null; row = reader.next()) {
        rows.add(row);
        if (rows.size() == batchRows) {
          context.checkCanceled();
          aggregateRows(rows);
          rows.clear();
        }
      }
      aggregateRows(rows);
    }
    finishLevel();
  }

  private void aggregateRows(List<Object[]> rows) {
    if (!rows.isEmpty()) {
      try (VectorSchemaRoot batch = Batches.fromRows(input.schema(), rows, 0, rows.size(), context.allocator())) {
        aggregate(batch);
      }
    }
  }

  /** Folds one batch into the table; rows of groups that do not fit go to the spill partitions. */
  private void aggregate(VectorSchemaRoot batch) {
    int rowCount = batch.getRowCount();
    if (rowCount == 0) {
      return;
    }
    for (int column : usedColumns) {
      columns[column].load(batch.getVector(column), rowCount);
    }
    if (ids.length < rowCount) {
      ids = new int[rowCount];
    }
    table.assign(columns, rowCount, ids, this::admit);
    int groups = table.size();
    for (CallColumn column : callColumns) {
      column.add(columns, rowCount, ids, groups);
    }
    if (partitions != null) {
      for (int i = 0; i < rowCount; i++) {
        if (ids[i] < 0) {
          partitions.add(SpillPartitions.partition(table.hash(columns, i), level), Batches.row(batch, i));
        }
      }
    }
  }

  /**
   * Admits a new group while the state is within the operator's share (reserving its bytes); the
   * group that passes the share starts the spill partitions, after which no group is admitted.
   */
  private boolean admit(long keyBytes) {
    if (partitions != null) {
      return false;
    }
    memory.reserve(keyBytes + callBytesPerGroup);
    if (memory.overShare() && groupKeys.length > 0) {
      if (level >= SpillPartitions.MAX_LEVEL) {
        throw memory.outOfMemory("the groups do not split further by hash");
      }
      partitions = new SpillPartitions(spill, input.schema(), level);
    }
    return true;
  }

  private void startLevel(int newLevel) {
    memory.release(memory.reserved());
    level = newLevel;
    emitted = 0;
    table = newTable();
    callColumns = new CallColumn[calls.size()];
    callBytesPerGroup = 0;
    for (int c = 0; c < callColumns.length; c++) {
      callColumns[c] = CallColumns.create(calls.get(c), inputFields, vectorized, memory::reserve);
      callBytesPerGroup += callColumns[c].bytesPerGroup();
    }
  }

  /** Queues the partitions spilled at this level (the table is emitted first). */
  private void finishLevel() {
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

  private GroupTable newTable() {
    if (groupKeys.length == 0) {
      return new NoKeyTable();
    }
    BatchColumn.Kind[] kinds = new BatchColumn.Kind[groupKeys.length];
    int[] widths = new int[groupKeys.length];
    for (int k = 0; k < groupKeys.length; k++) {
      Field field = inputFields.get(groupKeys[k]);
      kinds[k] = BatchColumn.kindOf(field);
      widths[k] = BatchColumn.widthOf(field);
      if (kinds[k] == null) {
        return new BoxedKeyTable(groupKeys);
      }
    }
    if (!vectorized) {
      return new BoxedKeyTable(groupKeys);
    }
    if (groupKeys.length == 1 && kinds[0] != BatchColumn.Kind.BYTES && kinds[0] != BatchColumn.Kind.DECIMAL) {
      return new LongKeyTable(groupKeys[0], kinds[0], widths[0]);
    }
    return new MultiKeyTable(groupKeys, kinds, widths);
  }

  /** The output batch of groups {@code [from, from + count)}. */
  private VectorSchemaRoot output(int from, int count) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(schema, context.allocator());
    try {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (FieldVector vector : vectors) {
        vector.setInitialCapacity(count);
        vector.allocateNew();
      }
      table.writeKeys(vectors.subList(0, groupKeys.length), from, count);
      for (int c = 0; c < callColumns.length; c++) {
        callColumns[c].write(vectors.get(groupKeys.length + c), from, count);
      }
      batch.setRowCount(count);
      return batch;
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
  }

  /** A spilled partition and the level its rows are aggregated at. */
  private record Partition(SpillFile file, int level) {}
}
