package dev.quaver.executor.expr;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Builds the result of a conditional expression from pieces: each piece is a vector holding the
 * values of some rows. Rows are copied into the result in row order at the end, because Arrow's
 * variable-width vectors can only be written in index order. Rows no piece covers are NULL.
 *
 * <p>Thread safety: confined to one evaluation; owns its pieces until {@link #close()}.
 */
final class RowAssembler implements AutoCloseable {
  private final List<FieldVector> pieces = new ArrayList<>();
  private final int[] pieceOfRow;
  private final int[] indexInPiece;

  RowAssembler(int rowCount) {
    pieceOfRow = new int[rowCount];
    indexInPiece = new int[rowCount];
    Arrays.fill(pieceOfRow, -1);
  }

  /**
   * Takes ownership of {@code piece}, which holds the values of rows {@code positions[0..count)}:
   * at index k, or at the row's own index when {@code indexedByRow} (a piece evaluated on the whole
   * batch).
   */
  void add(FieldVector piece, int[] positions, int count, boolean indexedByRow) {
    int id = pieces.size();
    pieces.add(piece);
    for (int k = 0; k < count; k++) {
      pieceOfRow[positions[k]] = id;
      indexInPiece[positions[k]] = indexedByRow ? positions[k] : k;
    }
  }

  /**
   * Evaluates {@code node} for the rows {@code positions} and adds the values: on the whole batch
   * when the node cannot raise and most rows need it (cheaper than copying the selected rows),
   * else on the selected rows only, so that errors of other rows do not count.
   */
  void addEvaluated(ExprNode node, VectorSchemaRoot input, int[] positions, int count,
      EvaluationContext context) {
    boolean whole = Vectors.isCheaperWhole(node, count, input.getRowCount());
    FieldVector piece = whole ? node.evaluate(input, context)
        : Vectors.evaluateOn(node, input, positions, count, context);
    add(piece, positions, count, whole);
  }

  /** Like {@link #add}, but rows where the piece is NULL stay uncovered (COALESCE). */
  void addNonNull(FieldVector piece, int[] positions, int count) {
    int id = pieces.size();
    pieces.add(piece);
    for (int k = 0; k < count; k++) {
      if (!piece.isNull(k)) {
        pieceOfRow[positions[k]] = id;
        indexInPiece[positions[k]] = k;
      }
    }
  }

  boolean isCovered(int row) {
    return pieceOfRow[row] >= 0;
  }

  FieldVector build(ColumnType type, BufferAllocator allocator) {
    int rowCount = pieceOfRow.length;
    FieldVector out = Vectors.allocate(type, rowCount, allocator);
    try {
      for (int i = 0; i < rowCount; i++) {
        int piece = pieceOfRow[i];
        if (piece < 0) {
          ArrowTypes.setNull(out, i);
        } else {
          out.copyFromSafe(indexInPiece[i], i, pieces.get(piece));
        }
      }
      out.setValueCount(rowCount);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  @Override
  public void close() {
    for (FieldVector piece : pieces) {
      piece.close();
    }
    pieces.clear();
  }
}
