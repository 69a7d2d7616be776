package dev.quaver.executor.operator.join;

import dev.quaver.executor.expr.VectorExpression;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Expressions;
import dev.quaver.executor.operator.OutputBuffer;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.physical.JoinType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The probe side of hash and nested-loop joins over a materialized right input. For one left
 * batch at a time it walks (left row, candidate right row) pairs in chunks of at most batchRows,
 * evaluates the condition over each chunk as one concatenated batch (left columns, then right),
 * and emits per join type: matched pairs (INNER, LEFT, RIGHT, FULL), left rows with NULLs for the
 * unmatched (LEFT, FULL), matched left rows once (SEMI) or unmatched ones (ANTI), and at the end
 * unmatched right rows with NULLs (RIGHT, FULL). Chunking bounds memory even for a cross product.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class JoinProbe {
  /** Where the candidates of a left row come from: a hash bucket, or every right row. */
  interface Candidates {
    /** Right-row indices to test for {@code leftRow}; null means all right rows. */
    int[] of(Object[] leftRow);
  }

  private final JoinType joinType;
  private final VectorExpression condition;
  private final Schema pairSchema;
  private final int leftWidth;
  private final int rightWidth;
  private final List<Object[]> rightRows;
  private final Candidates candidates;
  private final ExecutionContext context;
  private final OutputBuffer output;
  private final boolean[] rightMatched;
  private List<Object[]> leftRows = List.of();
  private boolean[] leftMatched = new boolean[0];
  private int leftIndex;
  private boolean candidatesLoaded;
  private int[] rowCandidates;
  private int candidateCursor;
  private int rightEmitCursor;

  JoinProbe(JoinType joinType, VectorExpression condition, Schema leftSchema, Schema rightSchema,
      List<Object[]> rightRows, Candidates candidates, ExecutionContext context, OutputBuffer output) {
    this.joinType = joinType;
    this.condition = condition;
    this.pairSchema = new Schema(concat(leftSchema.getFields(), rightSchema.getFields()));
    this.leftWidth = leftSchema.getFields().size();
    this.rightWidth = rightSchema.getFields().size();
    this.rightRows = rightRows;
    this.candidates = candidates;
    this.context = context;
    this.output = output;
    boolean tracksRight = joinType == JoinType.RIGHT || joinType == JoinType.FULL;
    this.rightMatched = tracksRight ? new boolean[rightRows.size()] : null;
  }

  /** Starts probing a new left batch (rows copied out of the batch). */
  void startLeft(List<Object[]> rows) {
    leftRows = rows;
    leftMatched = new boolean[rows.size()];
    leftIndex = 0;
    candidatesLoaded = false;
    candidateCursor = 0;
  }

  /** True while the current left batch has pairs left to test. */
  boolean hasLeftWork() {
    return leftIndex < leftRows.size();
  }

  /** Tests one chunk of pairs and emits what it decides. */
  void step() {
    int limit = context.batchRows();
    int[] pairLeft = new int[limit];
    int[] pairRight = new int[limit];
    int pairs = 0;
    int firstLeft = leftIndex;
    boolean anyMatchSuffices = condition == null
        && (joinType == JoinType.SEMI || joinType == JoinType.ANTI);
    while (leftIndex < leftRows.size() && pairs < limit) {
      if (!candidatesLoaded) {
        rowCandidates = candidates.of(leftRows.get(leftIndex));
        candidatesLoaded = true;
        candidateCursor = 0;
      }
      int total = rowCandidates == null ? rightRows.size() : rowCandidates.length;
      if (anyMatchSuffices) {
        total = Math.min(total, 1);
      }
      while (candidateCursor < total && pairs < limit) {
        pairLeft[pairs] = leftIndex;
        pairRight[pairs] = rowCandidates == null ? candidateCursor : rowCandidates[candidateCursor];
        pairs++;
        candidateCursor++;
      }
      if (candidateCursor >= total) {
        leftIndex++;
        candidatesLoaded = false;
        candidateCursor = 0;
      }
    }
    int[] passed = evaluate(pairLeft, pairRight, pairs);
    for (int p : passed) {
      leftMatched[pairLeft[p]] = true;
      if (rightMatched != null) {
        rightMatched[pairRight[p]] = true;
      }
      if (joinType.projectsRight()) {
        output.add(concat(leftRows.get(pairLeft[p]), rightRows.get(pairRight[p])));
      }
    }
    for (int i = firstLeft; i < leftIndex; i++) {
      finishLeftRow(i);
    }
  }

  /** After the last left batch: emits the next unmatched right rows (RIGHT, FULL); false when done. */
  boolean emitUnmatchedRight() {
    if (rightMatched == null) {
      return false;
    }
    while (rightEmitCursor < rightRows.size() && !output.isFull()) {
      int i = rightEmitCursor++;
      if (!rightMatched[i]) {
        output.add(concat(new Object[leftWidth], rightRows.get(i)));
      }
    }
    return rightEmitCursor < rightRows.size();
  }

  private void finishLeftRow(int i) {
    boolean matched = leftMatched[i];
    switch (joinType) {
      case LEFT, FULL -> {
        if (!matched) {
          output.add(concat(leftRows.get(i), new Object[rightWidth]));
        }
      }
      case SEMI -> {
        if (matched) {
          output.add(leftRows.get(i));
        }
      }
      case ANTI -> {
        if (!matched) {
          output.add(leftRows.get(i));
        }
      }
      case INNER, RIGHT -> { }
    }
  }

  private int[] evaluate(int[] pairLeft, int[] pairRight, int pairs) {
    if (condition == null) {
      int[] all = new int[pairs];
      for (int i = 0; i < pairs; i++) {
        all[i] = i;
      }
      return all;
    }
    if (pairs == 0) {
      return new int[0];
    }
    List<Object[]> rows = new ArrayList<>(pairs);
    for (int i = 0; i < pairs; i++) {
      rows.add(concat(leftRows.get(pairLeft[i]), rightRows.get(pairRight[i])));
    }
    try (VectorSchemaRoot batch = Batches.fromRows(pairSchema, rows, 0, pairs, context.allocator())) {
      return Expressions.selectTrue(condition, batch, context);
    }
  }

  private static Object[] concat(Object[] left, Object[] right) {
    Object[] row = new Object[left.length + right.length];
    System.arraycopy(left, 0, row, 0, left.length);
    System.arraycopy(right, 0, row, left.length, right.length);
    return row;
  }

  private static <T> List<T> concat(List<T> left, List<T> right) {
    List<T> all = new ArrayList<>(left);
    all.addAll(right);
    return all;
  }
}
