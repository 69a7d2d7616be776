package dev.quaver.executor.operator.join;

import dev.quaver.executor.expr.RowFilter;
import dev.quaver.executor.memory.OperatorMemory;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.executor.spill.SpillStats;
import dev.quaver.executor.vector.HeapColumn;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalHashJoin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Equi-join with a hash table on the right input's key columns, vectorized for integral,
 * temporal, boolean and string keys, one or several (see {@link JoinKeys}): the right input is
 * copied column by column into {@link HeapColumn}s, its keys hashed a column at a time and indexed
 * by a chained hash table (no boxed key, no row object), and each left batch is hashed and probed
 * the same way, producing (left position, right row) pairs from which the output columns are
 * gathered in bulk, one column at a time and only the columns the plan keeps (the left ones, then
 * PhysicalHashJoin.rightOutput). Keys compare by value whatever the integer width, strings byte for byte
 * (without trailing spaces when a side is CHAR); a key with a NULL never matches (those right rows
 * are still emitted by RIGHT/FULL). The residual condition is evaluated over each chunk of
 * candidate pairs gathered into one batch (left columns, then right).
 *
 * <p>One integral (or temporal) key, the star-join case, runs on a {@link LongKeyTable}: the keys
 * of each side are read into a {@code long[]} per batch and compared inline. The probe side's
 * columns and the per-batch arrays are reused from batch to batch; an INNER join without a
 * residual writes its pairs straight into the output queue.
 *
 * <p>Other keys (decimals, floating point, mixed kinds) run the boxed {@link RowHashJoin}.
 * When the right input passes the operator's memory share, the rows read so far are replayed,
 * followed by the rest of the right input, into a RowHashJoin, which spills as a grace hash join.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class HashJoinOperator implements Operator {
  /** Heap bytes per build row beyond its values: hash, hash chain and bucket heads. */
  private static final long ROW_INDEX_BYTES = 20;
  private static final int NOT_STARTED = -2;
  /**
   * Left rows held at most (in batches): while fewer than batchRows output rows are pending, the
   * next left batch is appended to the probe columns instead of replacing them, so that a
   * selective join emits full batches rather than one small batch per input batch (every
   * operator and exchange above pays per batch).
   */
  private static final int HELD_BATCHES = 4;

  private final Operator left;
  private final Operator right;
  private final PhysicalHashJoin node;
  private final ExecutionContext context;
  private final JoinType joinType;
  private final RowFilter residual;
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final Schema schema;
  private final Schema pairSchema;
  /** The build columns output after the left ones (PhysicalHashJoin.rightColumns), null when all. */
  private final int[] rightOutput;
  private final int leftWidth;
  private final OperatorMemory memory;
  private final SpillStats noSpill = new SpillStats();
  private Operator delegate;
  private boolean built;

  private final JoinKeys buildKeys;
  private final JoinKeys probeKeys;
  private final boolean singleLongKey;
  private HeapColumn[] build;
  private int buildRows;
  private JoinIndex index;
  private boolean[] rightMatched;
  private int unmatchedRightCursor;

  private HeapColumn[] probe;
  private boolean[] probeNull = new boolean[0];
  private int probeRows;
  private int leftIndex;
  private int chainAt = NOT_STARTED;
  private boolean[] leftMatched = new boolean[0];
  private boolean leftDone;
  private int[] pairLeft = new int[0];
  private int[] pairRight = new int[0];

  private int[] outLeft = new int[0];
  private int[] outRight = new int[0];
  private int outCount;
  private int outCursor;
  private VectorSchemaRoot current;

  public HashJoinOperator(Operator left, Operator right, PhysicalHashJoin node, ExecutionContext context) {
    this.left = left;
    this.right = right;
    this.node = node;
    this.context = context;
    this.joinType = node.joinType();
    this.leftKeys = node.leftKeys().stream().mapToInt(Integer::intValue).toArray();
    this.rightKeys = node.rightKeys().stream().mapToInt(Integer::intValue).toArray();
    this.pairSchema = Schemas.concat(left.schema(), right.schema());
    this.leftWidth = left.schema().getFields().size();
    this.rightOutput = node.rightOutput() == null ? null
        : node.rightOutput().stream().mapToInt(Integer::intValue).toArray();
    this.schema = !joinType.projectsRight() ? left.schema()
        : rightOutput == null ? pairSchema : JoinOutput.schema(pairSchema, leftWidth, rightOutput);
    this.memory = new OperatorMemory(context, "hash join");
    JoinKeys.Kind[] kinds = JoinKeys.kinds(node, left.schema(), right.schema(), leftKeys, rightKeys);
    if (kinds != null && left.schema().getFields().stream().allMatch(HeapColumn::supports)
        && right.schema().getFields().stream().allMatch(HeapColumn::supports)) {
      this.residual = node.residual() == null ? null : RowFilter.compile(node.residual());
      boolean[] padded = JoinKeys.padded(node, leftKeys, rightKeys);
      this.buildKeys = new JoinKeys(rightKeys, kinds, padded);
      this.probeKeys = new JoinKeys(leftKeys, kinds, padded);
      this.singleLongKey = kinds.length == 1 && kinds[0] == JoinKeys.Kind.LONG;
    } else {
      this.singleLongKey = false;
      this.residual = null;
      this.buildKeys = null;
      this.probeKeys = null;
      this.delegate = new RowHashJoin(left, right, node, context);
    }
  }

  /** True when this join runs vectorized (false: the boxed RowHashJoin from the start). */
  public boolean vectorized() {
    return buildKeys != null;
  }

  /** What this join spilled (for EXPLAIN ANALYZE): only the fallback join spills. */
  public SpillStats spillStats() {
    return delegate instanceof RowHashJoin rows ? rows.spillStats() : noSpill;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    if (delegate == null && !built) {
      built = true;
      build();
    }
    if (delegate != null) {
      return JoinOutput.select(delegate.next(), schema, leftWidth,
          joinType.projectsRight() ? rightOutput : null);
    }
    releaseCurrent();
    int batchRows = context.batchRows();
    while (true) {
      context.checkCanceled();
      int pending = outCount - outCursor;
      boolean leftConsumed = leftIndex >= probeRows;
      if (pending >= batchRows
          || (pending > 0 && leftConsumed && (leftDone || probeRows >= HELD_BATCHES * batchRows))) {
        return emit(Math.min(pending, batchRows));
      }
      if (!leftConsumed) {
        step(batchRows);
      } else if (!leftDone) {
        VectorSchemaRoot batch = left.next();
        if (batch == null) {
          leftDone = true;
          if (probe == null) {
            clearProbe(); // no left batch at all: empty columns to gather the NULL left side from
          }
        } else {
          startLeft(batch, pending == 0);
        }
      } else if (rightMatched != null && unmatchedRightCursor < buildRows) {
        collectUnmatchedRight(batchRows);
      } else {
        return null;
      }
    }
  }

  /** Hand-over (Operator rule): a gathered batch is new per call; the spilling join's are not. */
  @Override
  public boolean lastBatchTransferable() {
    return delegate == null && current != null;
  }

  @Override
  public void close() {
    releaseCurrent();
    build = null;
    probe = null;
    index = null;
    try {
      if (delegate != null) {
        delegate.close();
      }
      memory.close();
      left.close();
    } finally {
      right.close();
    }
  }

  private void releaseCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  /** Reads the right input into columns and indexes it; hands over to RowHashJoin over the share. */
  private void build() {
    build = emptyColumns(right.schema(), leftWidth);
    buildKeys.reset(build);
    long reserved = 0;
    for (VectorSchemaRoot batch = right.next(); batch != null; batch = right.next()) {
      context.checkCanceled();
      int rows = batch.getRowCount();
      List<FieldVector> vectors = batch.getFieldVectors();
      for (int c = 0; c < build.length; c++) {
        build[c].append(vectors.get(c), rows);
      }
      buildKeys.append(vectors, rows);
      buildRows += rows;
      long bytes = ROW_INDEX_BYTES * buildRows + buildKeys.bytes();
      for (HeapColumn column : build) {
        bytes += column.bytes();
      }
      memory.reserve(bytes - reserved);
      reserved = bytes;
      if (memory.overShare()) {
        memory.release(memory.reserved());
        delegate = new RowHashJoin(left, new ReplayOperator(right, build, buildRows, context), node, context);
        build = null;
        buildKeys.release();
        return;
      }
    }
    index();
    if (joinType == JoinType.RIGHT || joinType == JoinType.FULL) {
      rightMatched = new boolean[buildRows];
    }
  }

  private void index() {
    if (singleLongKey) {
      LongKeyIndex longs = new LongKeyIndex(build[rightKeys[0]], buildRows, leftKeys[0]);
      memory.reserve(longs.extraBytes());
      index = longs;
    } else {
      index = new HashKeyIndex(buildKeys, probeKeys, buildRows);
    }
  }

  /**
   * Takes the next left batch into the probe columns: replacing what they hold when
   * {@code replace} (no output pending), else appended after it (pending output still refers to
   * the rows held).
   */
  private void startLeft(VectorSchemaRoot batch, boolean replace) {
    int rows = batch.getRowCount();
    if (replace) {
      clearProbe();
      probeRows = 0;
    }
    int base = probeRows;
    List<FieldVector> vectors = batch.getFieldVectors();
    for (int c = 0; c < probe.length; c++) {
      probe[c].append(vectors.get(c), rows);
    }
    probeRows = base + rows;
    if (probeNull.length < probeRows) {
      int capacity = Math.max(probeRows, 2 * probeNull.length);
      probeNull = Arrays.copyOf(probeNull, capacity);
      leftMatched = Arrays.copyOf(leftMatched, capacity);
    }
    Arrays.fill(leftMatched, base, probeRows, false);
    index.startProbe(probe, vectors, base, rows, probeNull);
    leftIndex = base;
    chainAt = NOT_STARTED;
  }

  /** Empties the probe columns (made on first use, then reused batch after batch). */
  private void clearProbe() {
    if (probe == null) {
      probe = emptyColumns(left.schema(), 0);
    } else {
      for (HeapColumn column : probe) {
        column.clear();
      }
    }
  }

  /** INNER without residual: queues up to {@code limit} matching pairs straight into the output. */
  private void stepInner(int limit) {
    if (outLeft.length < outCount + limit) {
      int capacity = Math.max(outCount + limit, outLeft.length * 2);
      outLeft = Arrays.copyOf(outLeft, capacity);
      outRight = Arrays.copyOf(outRight, capacity);
    }
    int[] lefts = outLeft;
    int[] rights = outRight;
    int at = outCount;
    int end = outCount + limit;
    int i = leftIndex;
    int row = chainAt;
    while (i < probeRows && at < end) {
      if (row == NOT_STARTED) {
        row = probeNull[i] ? -1 : index.first(i);
      }
      while (row >= 0 && at < end) {
        lefts[at] = i;
        rights[at] = row;
        at++;
        row = index.next(row, i);
      }
      if (row < 0) {
        i++;
        row = NOT_STARTED;
      }
    }
    leftIndex = i;
    chainAt = row;
    outCount = at;
  }

  /** Tests up to {@code limit} candidate pairs and queues the output rows they decide. */
  private void step(int limit) {
    if (joinType == JoinType.INNER && residual == null) {
      stepInner(limit);
      return;
    }
    if (pairLeft.length < limit) {
      pairLeft = new int[limit];
      pairRight = new int[limit];
    }
    int[] pairLeft = this.pairLeft;
    int[] pairRight = this.pairRight;
    int pairs = 0;
    int firstLeft = leftIndex;
    boolean anyMatchSuffices = residual == null && (joinType == JoinType.SEMI || joinType == JoinType.ANTI);
    while (leftIndex < probeRows && pairs < limit) {
      if (chainAt == NOT_STARTED) {
        chainAt = probeNull[leftIndex] ? -1 : index.first(leftIndex);
      }
      while (chainAt >= 0 && pairs < limit) {
        pairLeft[pairs] = leftIndex;
        pairRight[pairs] = chainAt;
        pairs++;
        chainAt = anyMatchSuffices ? -1 : index.next(chainAt, leftIndex);
      }
      if (chainAt < 0) {
        leftIndex++;
        chainAt = NOT_STARTED;
      }
    }
    int passed = residual == null ? pairs : filterPairs(pairLeft, pairRight, pairs);
    for (int p = 0; p < passed; p++) {
      leftMatched[pairLeft[p]] = true;
      if (rightMatched != null) {
        rightMatched[pairRight[p]] = true;
      }
      if (joinType.projectsRight()) {
        queue(pairLeft[p], pairRight[p]);
      }
    }
    for (int i = firstLeft; i < leftIndex; i++) {
      boolean matched = leftMatched[i];
      switch (joinType) {
        case LEFT, FULL -> {
          if (!matched) {
            queue(i, -1);
          }
        }
        case SEMI -> {
          if (matched) {
            queue(i, -1);
          }
        }
        case ANTI -> {
          if (!matched) {
            queue(i, -1);
          }
        }
        case INNER, RIGHT -> { }
      }
    }
  }

  /** Keeps the pairs the residual condition accepts (moved to the front); returns their count. */
  private int filterPairs(int[] pairLeft, int[] pairRight, int pairs) {
    if (pairs == 0) {
      return 0;
    }
    int[] passing;
    try (VectorSchemaRoot batch = gather(pairSchema, pairLeft, pairRight, 0, pairs, true, null)) {
      passing = residual.select(batch, context);
    }
    for (int k = 0; k < passing.length; k++) {
      pairLeft[k] = pairLeft[passing[k]];
      pairRight[k] = pairRight[passing[k]];
    }
    return passing.length;
  }

  /** After the last left batch: queues unmatched right rows (RIGHT, FULL) with NULL left columns. */
  private void collectUnmatchedRight(int limit) {
    int queued = 0;
    while (unmatchedRightCursor < buildRows && queued < limit) {
      int r = unmatchedRightCursor++;
      if (!rightMatched[r]) {
        queue(-1, r);
        queued++;
      }
    }
  }

  private void queue(int leftRow, int rightRow) {
    if (outCount == outLeft.length) {
      int capacity = Math.max(16, outCount * 2);
      outLeft = Arrays.copyOf(outLeft, capacity);
      outRight = Arrays.copyOf(outRight, capacity);
    }
    outLeft[outCount] = leftRow;
    outRight[outCount] = rightRow;
    outCount++;
  }

  private VectorSchemaRoot emit(int count) {
    current = gather(schema, outLeft, outRight, outCursor, count, joinType.projectsRight(), rightOutput);
    outCursor += count;
    if (outCursor == outCount) {
      outCursor = 0;
      outCount = 0;
    }
    return current;
  }

  /**
   * Gathers rows of the probe and build columns into a new batch: the build columns
   * {@code rightColumns} (null: all) when {@code withRight}. Only the columns the output has are
   * gathered: a build column nobody above uses costs nothing per output row (#6).
   */
  private VectorSchemaRoot gather(Schema target, int[] leftRows, int[] rightRows, int from, int count,
      boolean withRight, int[] rightColumns) {
    List<FieldVector> vectors = new ArrayList<>(target.getFields().size());
    try {
      for (HeapColumn column : probe) {
        vectors.add(column.gather(leftRows, from, count, context.allocator()));
      }
      if (withRight && rightColumns == null) {
        for (HeapColumn column : build) {
          vectors.add(column.gather(rightRows, from, count, context.allocator()));
        }
      } else if (withRight) {
        for (int column : rightColumns) {
          vectors.add(build[column].gather(rightRows, from, count, context.allocator()));
        }
      }
    } catch (RuntimeException | Error e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(target.getFields(), vectors, count);
  }

  /** Empty columns for {@code schema}'s fields, typed and named as this join's output at {@code offset}. */
  private HeapColumn[] emptyColumns(Schema source, int offset) {
    List<Field> fields = source.getFields();
    HeapColumn[] columns = new HeapColumn[fields.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = HeapColumn.empty(offset + c < pairSchema.getFields().size()
          ? pairSchema.getFields().get(offset + c) : fields.get(c));
    }
    return columns;
  }
}
