package dev.quaver.executor.expr;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Allocating, copying, filling and sub-selecting vectors for expression nodes. Every vector made
 * here belongs to the caller, who closes it. Stateless.
 */
final class Vectors {
  private static final String RESULT_NAME = "expr";

  private Vectors() {}

  /** A new vector of {@code type} with room for {@code rowCount} values, all unset. */
  static FieldVector allocate(ColumnType type, int rowCount, BufferAllocator allocator) {
    FieldVector vector = ArrowTypes.field(RESULT_NAME, type).createVector(allocator);
    allocateLike(vector, rowCount);
    return vector;
  }

  private static void allocateLike(FieldVector vector, int rowCount) {
    if (vector instanceof BaseFixedWidthVector fixed) {
      fixed.allocateNew(Math.max(rowCount, 1));
    } else if (vector instanceof BaseVariableWidthVector variable) {
      variable.allocateNew(Math.max(rowCount, 1) * 16L, Math.max(rowCount, 1));
    } else {
      vector.allocateNew();
    }
  }

  /** Copies the first {@code rowCount} values of {@code source} into a new vector (memcpy when possible). */
  static FieldVector copy(FieldVector source, int rowCount, BufferAllocator allocator) {
    FieldVector target = source.getField().createVector(allocator);
    try {
      if (rowCount == 0) {
        allocateLike(target, 0);
      } else if (source instanceof BaseFixedWidthVector fixed && !(source instanceof BitVector)) {
        BaseFixedWidthVector to = (BaseFixedWidthVector) target;
        to.allocateNew(rowCount);
        to.getDataBuffer().setBytes(0, fixed.getDataBuffer(), 0, (long) rowCount * fixed.getTypeWidth());
        to.getValidityBuffer().setBytes(0, fixed.getValidityBuffer(), 0, (rowCount + 7) / 8);
      } else if (source instanceof BitVector bits) {
        BitVector to = (BitVector) target;
        to.allocateNew(rowCount);
        to.getDataBuffer().setBytes(0, bits.getDataBuffer(), 0, (rowCount + 7) / 8);
        to.getValidityBuffer().setBytes(0, bits.getValidityBuffer(), 0, (rowCount + 7) / 8);
      } else if (source instanceof BaseVariableWidthVector variable
          && variable.getOffsetBuffer().getInt(0) == 0) {
        BaseVariableWidthVector to = (BaseVariableWidthVector) target;
        int dataBytes = variable.getOffsetBuffer().getInt((long) rowCount * 4);
        to.allocateNew(Math.max(dataBytes, 1), rowCount);
        to.getOffsetBuffer().setBytes(0, variable.getOffsetBuffer(), 0, (rowCount + 1) * 4L);
        to.getDataBuffer().setBytes(0, variable.getDataBuffer(), 0, dataBytes);
        to.getValidityBuffer().setBytes(0, variable.getValidityBuffer(), 0, (rowCount + 7) / 8);
        to.setLastSet(rowCount - 1);
      } else {
        allocateLike(target, rowCount);
        for (int i = 0; i < rowCount; i++) {
          target.copyFromSafe(i, i, source);
        }
      }
      target.setValueCount(rowCount);
      return target;
    } catch (RuntimeException | Error e) {
      target.close();
      throw e;
    }
  }

  /** A new vector holding {@code source[positions[k]]} at k for k below {@code count}. */
  static FieldVector take(FieldVector source, int[] positions, int count, BufferAllocator allocator) {
    FieldVector target = source.getField().createVector(allocator);
    try {
      allocateLike(target, count);
      for (int k = 0; k < count; k++) {
        target.copyFromSafe(positions[k], k, source);
      }
      target.setValueCount(count);
      return target;
    } catch (RuntimeException | Error e) {
      target.close();
      throw e;
    }
  }

  /** A new vector of {@code rowCount} copies of {@code value} (the Java value of type, or null). */
  static FieldVector fill(ColumnType type, Object value, int rowCount, BufferAllocator allocator) {
    FieldVector vector = allocate(type, rowCount, allocator);
    try {
      if (value == null) {
        for (int i = 0; i < rowCount; i++) {
          ArrowTypes.setNull(vector, i);
        }
      } else if ((vector instanceof IntVector || vector instanceof DateDayVector
          || vector instanceof TimeMilliVector) && value instanceof Integer v) {
        for (int i = 0; i < rowCount; i++) {
          vector.getDataBuffer().setInt((long) i << 2, v);
        }
        Columns.writeValidity(vector, new boolean[rowCount]);
      } else if ((vector instanceof BigIntVector || vector instanceof TimeStampMilliVector) && value instanceof Long v) {
        for (int i = 0; i < rowCount; i++) {
          vector.getDataBuffer().setLong((long) i << 3, v);
        }
        Columns.writeValidity(vector, new boolean[rowCount]);
      } else if (vector instanceof Float8Vector && value instanceof Double v) {
        for (int i = 0; i < rowCount; i++) {
          vector.getDataBuffer().setDouble((long) i << 3, v);
        }
        Columns.writeValidity(vector, new boolean[rowCount]);
      } else if (vector instanceof BitVector bits && value instanceof Boolean v) {
        boolean[] values = new boolean[rowCount];
        java.util.Arrays.fill(values, v);
        Columns.writeBooleans(bits, values, null);
      } else if (vector instanceof VarCharVector strings && value instanceof String v) {
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < rowCount; i++) {
          strings.setSafe(i, bytes);
        }
      } else {
        for (int i = 0; i < rowCount; i++) {
          ArrowTypes.set(vector, i, type, value);
        }
      }
      vector.setValueCount(rowCount);
      return vector;
    } catch (RuntimeException | Error e) {
      vector.close();
      throw e;
    }
  }

  /**
   * Evaluates {@code node} on the rows {@code positions[0..count)} (ascending) of {@code input}
   * only: result row k is the value for input row positions[k]. Rows outside the selection are
   * never seen, so their errors do not count (lazy CASE, COALESCE, AND, OR).
   */
  static FieldVector evaluateOn(ExprNode node, VectorSchemaRoot input, int[] positions, int count,
      EvaluationContext context) {
    if (count == input.getRowCount()) {
      return node.evaluate(input, context);
    }
    BitSet used = new BitSet();
    node.collectInputs(used);
    List<FieldVector> columns = input.getFieldVectors();
    List<FieldVector> subset = new ArrayList<>(columns.size());
    List<FieldVector> owned = new ArrayList<>();
    List<Field> fields = new ArrayList<>(columns.size());
    try {
      for (int c = 0; c < columns.size(); c++) {
        FieldVector column = columns.get(c);
        fields.add(column.getField());
        if (used.get(c)) {
          FieldVector taken = take(column, positions, count, context.allocator());
          owned.add(taken);
          subset.add(taken);
        } else {
          subset.add(column); // never read: InputRef nodes only read the columns in `used`
        }
      }
      // The constructor does not touch the vectors' value counts, so borrowed columns stay intact.
      VectorSchemaRoot root = new VectorSchemaRoot(fields, subset, count);
      return node.evaluate(root, context);
    } finally {
      for (FieldVector vector : owned) {
        vector.close();
      }
    }
  }

  /**
   * True when evaluating {@code node} over the whole batch is allowed (it cannot raise) and likely
   * cheaper than copying the {@code count} selected rows of its columns.
   */
  static boolean isCheaperWhole(ExprNode node, int count, int rowCount) {
    return count == rowCount || (2L * count >= rowCount && !node.canFail());
  }

  /** Positions 0..count-1. */
  static int[] allRows(int count) {
    int[] positions = new int[count];
    for (int i = 0; i < count; i++) {
      positions[i] = i;
    }
    return positions;
  }
}
