package dev.quaver.executor.operator.join;

import dev.quaver.executor.expr.VectorExpression;
import dev.quaver.executor.memory.OperatorMemory;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.HeapRows;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.executor.spill.SpillFile;
import dev.quaver.executor.spill.SpillPartitions;
import dev.quaver.executor.spill.SpillReader;
import dev.quaver.executor.spill.SpillSpace;
import dev.quaver.executor.spill.SpillStats;
import dev.quaver.executor.spill.SpillWriter;
import dev.quaver.executor.vector.Batches;
import dev.quaver.executor.vector.RowKey;
import dev.quaver.planner.physical.JoinType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The skeleton shared by hash and nested-loop joins: on the first {@code next()} the whole right
 * input is read into heap rows (accounted against the memory limit through an OperatorMemory)
 * and indexed by the subclass; then left rows stream through a {@link JoinProbe}.
 *
 * <p>Grace hash join: when the right rows pass the operator's memory share and the subclass has
 * join keys ({@link #rightKey} not null), both inputs are partitioned by the hash of their join
 * key into {@link SpillPartitions#COUNT} spill files each, and the join runs partition by
 * partition (right partition in memory, left partition streamed), repartitioning a pair one level
 * deeper when its right side is still too big. Rows with equal keys meet in the same pair, so all
 * join types stay exact; a left row with a NULL key matches nothing in any pair, and right rows
 * with a NULL key are set aside and emitted unmatched at the end (RIGHT, FULL) or dropped (they
 * can never match). When one key's right rows alone exceed the share, spilling cannot help:
 * OUT_OF_MEMORY (53200).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
abstract class BuildProbeJoin implements Operator {
  private final Operator left;
  private final Operator right;
  private final JoinType joinType;
  private final VectorExpression condition;
  final ExecutionContext context;
  private final Schema schema;
  private final OutputBuffer output;
  private final OperatorMemory memory;
  private final SpillStats stats = new SpillStats();
  private final SpillSpace spill;
  private final Deque<PartitionPair> pairs = new ArrayDeque<>();
  private List<Object[]> rightRows;
  private JoinProbe probe;
  private boolean leftDone;
  private boolean built;
  private boolean grace;
  private SpillReader leftReader;
  private SpillFile nullKeyRight;
  private SpillReader nullKeyReader;

  BuildProbeJoin(Operator left, Operator right, JoinType joinType, VectorExpression condition,
      ExecutionContext context, String name) {
    this.left = left;
    this.right = right;
    this.joinType = joinType;
    this.condition = condition;
    this.context = context;
    this.schema = joinType.projectsRight() ? Schemas.concat(left.schema(), right.schema()) : left.schema();
    this.output = new OutputBuffer(schema, context);
    this.memory = new OperatorMemory(context, name);
    this.spill = new SpillSpace(context.spillDirectory(), "join", context.allocator(), stats);
  }

  /** Indexes the materialized right rows (may reserve more heap through {@code memory}). */
  abstract JoinProbe.Candidates index(List<Object[]> rows, OperatorMemory memory);

  /** The join key of a right row, or null when this join has no keys (it cannot spill). */
  abstract RowKey rightKey(Object[] row);

  /** The join key of a left row (only called when {@link #rightKey} gives keys). */
  abstract RowKey leftKey(Object[] row);

  /** What this join spilled (for EXPLAIN ANALYZE). */
  public final SpillStats spillStats() {
    return stats;
  }

  @Override
  public final Schema schema() {
    return schema;
  }

  @Override
  public final VectorSchemaRoot next() {
    if (!built) {
      built = true;
      build();
    }
    while (!output.isFull()) {
      context.checkCanceled();
      if (probe != null) {
        if (probe.hasLeftWork()) {
          probe.step();
          continue;
        }
        if (!leftDone) {
          List<Object[]> rows = nextLeftRows();
          if (rows == null) {
            leftDone = true;
          } else {
            probe.startLeft(rows);
          }
          continue;
        }
        if (probe.emitUnmatchedRight()) {
          continue;
        }
      }
      if (nullKeyReader != null) {
        Object[] row = nullKeyReader.next();
        if (row != null) {
          output.add(concatNulls(row));
          continue;
        }
        nullKeyReader.close();
        nullKeyReader = null;
      }
      if (!nextPartition()) {
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
  public final void close() {
    try {
      output.close();
      rightRows = null;
      probe = null;
      pairs.clear();
      closeReaders();
      memory.close();
      left.close();
      right.close();
    } finally {
      spill.close();
    }
  }

  private void closeReaders() {
    if (leftReader != null) {
      leftReader.close();
      leftReader = null;
    }
    if (nullKeyReader != null) {
      nullKeyReader.close();
      nullKeyReader = null;
    }
  }

  private void build() {
    List<Object[]> rows = new ArrayList<>();
    SpillPartitions rightParts = null;
    SpillWriter nullKeys = null;
    try {
      for (VectorSchemaRoot batch = right.next(); batch != null; batch = right.next()) {
        context.checkCanceled();
        for (int i = 0; i < batch.getRowCount(); i++) {
          Object[] row = Batches.row(batch, i);
          if (rightParts == null) {
            memory.reserve(HeapRows.estimateBytes(row));
            rows.add(row);
          } else {
            nullKeys = spillRight(rightParts, nullKeys, row);
          }
        }
        if (rightParts == null && memory.overShare() && rows.size() > 0 && rightKey(rows.get(0)) != null) {
          rightParts = new SpillPartitions(spill, right.schema(), 0);
          for (Object[] row : rows) {
            nullKeys = spillRight(rightParts, nullKeys, row);
          }
          rows = new ArrayList<>();
          memory.release(memory.reserved());
        }
      }
      right.close();
      if (rightParts == null) {
        startPair(rows, null);
        return;
      }
      grace = true;
      nullKeyRight = nullKeys == null ? null : nullKeys.finish();
      nullKeys = null;
      List<SpillFile> rightFiles = rightParts.finish();
      rightParts = null;
      List<SpillFile> leftFiles = partitionLeft(0);
      for (int i = SpillPartitions.COUNT - 1; i >= 0; i--) {
        pairs.push(new PartitionPair(leftFiles.get(i), rightFiles.get(i), 1));
      }
      leftDone = true;
    } finally {
      if (rightParts != null) {
        rightParts.close();
      }
      if (nullKeys != null) {
        nullKeys.close();
      }
    }
  }

  /** Writes a right row to its partition, or sets it aside (NULL key); returns the NULL-key writer. */
  private SpillWriter spillRight(SpillPartitions parts, SpillWriter nullKeys, Object[] row) {
    RowKey key = rightKey(row);
    if (!key.hasNull()) {
      parts.add(SpillPartitions.partition(key.hashCode(), 0), row);
      return nullKeys;
    }
    if (!keepsUnmatchedRight()) {
      return nullKeys; // can never match and is never emitted
    }
    SpillWriter writer = nullKeys == null ? spill.newFile(right.schema()) : nullKeys;
    writer.add(row);
    return writer;
  }

  private List<SpillFile> partitionLeft(int level) {
    try (SpillPartitions parts = new SpillPartitions(spill, left.schema(), level)) {
      for (VectorSchemaRoot batch = left.next(); batch != null; batch = left.next()) {
        context.checkCanceled();
        for (int i = 0; i < batch.getRowCount(); i++) {
          Object[] row = Batches.row(batch, i);
          parts.add(SpillPartitions.partition(leftKey(row).hashCode(), level), row);
        }
      }
      left.close();
      return parts.finish();
    }
  }

  /** Builds the probe over {@code rows}; left rows then come from {@code leftFile} (or the left input). */
  private void startPair(List<Object[]> rows, SpillFile leftFile) {
    rightRows = rows;
    JoinProbe.Candidates candidates = index(rows, memory);
    probe = new JoinProbe(joinType, condition, left.schema(), right.schema(), rightRows, candidates,
        context, output);
    if (leftFile != null) {
      leftReader = leftFile.open(context.allocator());
    }
    leftDone = grace && leftFile == null;
  }

  private List<Object[]> nextLeftRows() {
    if (!grace) {
      VectorSchemaRoot batch = left.next();
      return batch == null ? null : Batches.rows(batch);
    }
    List<Object[]> rows = new ArrayList<>();
    while (rows.size() < context.batchRows()) {
      Object[] row = leftReader.next();
      if (row == null) {
        break;
      }
      rows.add(row);
    }
    return rows.isEmpty() ? null : rows;
  }

  /** Moves to the next partition pair (or the NULL-key right rows); false when all are done. */
  private boolean nextPartition() {
    if (!grace) {
      return false;
    }
    closeReaders();
    probe = null;
    rightRows = null;
    memory.release(memory.reserved());
    while (!pairs.isEmpty()) {
      PartitionPair pair = pairs.pop();
      if (pair.right == null && !keepsUnmatchedLeft()) {
        continue; // no right rows: nothing can match and no left row is emitted alone
      }
      if (pair.left == null && !keepsUnmatchedRight()) {
        continue; // no left rows: nothing can match and no right row is emitted alone
      }
      List<Object[]> rows = loadRight(pair);
      if (rows != null) {
        startPair(rows, pair.left);
        return true;
      }
    }
    if (nullKeyRight != null) {
      SpillFile file = nullKeyRight;
      nullKeyRight = null;
      nullKeyReader = file.open(context.allocator());
      return true;
    }
    return false;
  }

  /** The right rows of {@code pair} in memory, or null after repartitioning it one level deeper. */
  private List<Object[]> loadRight(PartitionPair pair) {
    List<Object[]> rows = new ArrayList<>();
    if (pair.right == null) {
      return rows;
    }
    try (SpillReader reader = pair.right.open(context.allocator())) {
      for (Object[] row = reader.next(); row != null; row = reader.next()) {
        memory.reserve(HeapRows.estimateBytes(row));
        rows.add(row);
        if (memory.overShare()) {
          memory.release(memory.reserved());
          repartition(pair);
          return null;
        }
      }
    }
    return rows;
  }

  private void repartition(PartitionPair pair) {
    int level = pair.level;
    if (level >= SpillPartitions.MAX_LEVEL) {
      throw memory.outOfMemory("the join keys do not split further by hash");
    }
    List<SpillFile> rightFiles = split(pair.right, level, false);
    long largest = rightFiles.stream().mapToLong(f -> f == null ? 0 : f.rows()).max().orElse(0);
    if (largest == pair.right.rows()) {
      throw memory.outOfMemory("one join key has " + largest + " right rows");
    }
    List<SpillFile> leftFiles = pair.left == null ? null : split(pair.left, level, true);
    for (int i = SpillPartitions.COUNT - 1; i >= 0; i--) {
      pairs.push(new PartitionPair(leftFiles == null ? null : leftFiles.get(i), rightFiles.get(i), level + 1));
    }
  }

  private List<SpillFile> split(SpillFile file, int level, boolean isLeft) {
    try (SpillPartitions parts = new SpillPartitions(spill, file.schema(), level);
        SpillReader reader = file.open(context.allocator())) {
      for (Object[] row = reader.next(); row != null; row = reader.next()) {
        RowKey key = isLeft ? leftKey(row) : rightKey(row);
        parts.add(SpillPartitions.partition(key.hashCode(), level), row);
      }
      return parts.finish();
    }
  }

  private boolean keepsUnmatchedLeft() {
    return joinType == JoinType.LEFT || joinType == JoinType.FULL || joinType == JoinType.ANTI;
  }

  private boolean keepsUnmatchedRight() {
    return joinType == JoinType.RIGHT || joinType == JoinType.FULL;
  }

  private Object[] concatNulls(Object[] rightRow) {
    int leftWidth = left.schema().getFields().size();
    Object[] row = new Object[leftWidth + rightRow.length];
    System.arraycopy(rightRow, 0, row, leftWidth, rightRow.length);
    return row;
  }

  /** The left and right spill files of one partition (either may be null) and the next level. */
  private record PartitionPair(SpillFile left, SpillFile right, int level) {}
}
