package dev.quaver.executor.expr;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The data and validity buffers of a batch's columns copied to byte arrays on first use, shared by
 * the selectors of one predicate evaluation (a BETWEEN reads its column once). One bulk copy per
 * buffer replaces per-element ArrowBuf accessors, which check bounds and the reference count.
 * Variable-width (string) columns are read as their offsets and value bytes.
 *
 * <p>Thread safety: confined to one evaluation.
 */
final class ColumnBytes {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final VectorSchemaRoot input;
  private final byte[][] data;
  private final byte[][] validity;
  private final int[][] offsets;
  private final byte[][] variable;

  ColumnBytes(VectorSchemaRoot input) {
    this.input = input;
    int columns = input.getFieldVectors().size();
    this.data = new byte[columns][];
    this.validity = new byte[columns][];
    this.offsets = new int[columns][];
    this.variable = new byte[columns][];
  }

  /** The first rowCount × width bytes of column {@code index}'s data buffer. */
  byte[] data(int index, int width) {
    if (data[index] == null) {
      byte[] bytes = new byte[input.getRowCount() * width];
      if (bytes.length > 0) {
        input.getVector(index).getDataBuffer().getBytes(0, bytes);
      }
      data[index] = bytes;
    }
    return data[index];
  }

  /** Column {@code index}'s validity bitmap (bit i set: row i is not NULL). */
  byte[] validity(int index) {
    if (validity[index] == null) {
      FieldVector vector = input.getVector(index);
      byte[] bits = new byte[(input.getRowCount() + 7) / 8];
      if (bits.length > 0) {
        vector.getValidityBuffer().getBytes(0, bits);
      }
      validity[index] = bits;
    }
    return validity[index];
  }

  /**
   * The rowCount + 1 value offsets of variable-width column {@code index} (value i is
   * {@code variableData(index)[offsets[i], offsets[i + 1])}). Requires: a BaseVariableWidthVector.
   */
  int[] offsets(int index) {
    if (offsets[index] == null) {
      int rowCount = input.getRowCount();
      int[] values = new int[rowCount + 1];
      if (rowCount > 0) {
        byte[] bytes = new byte[(rowCount + 1) << 2];
        input.getVector(index).getOffsetBuffer().getBytes(0, bytes);
        for (int i = 0; i <= rowCount; i++) {
          values[i] = (int) INTS.get(bytes, i << 2);
        }
      }
      offsets[index] = values;
    }
    return offsets[index];
  }

  /** The value bytes of variable-width column {@code index}, up to the end of its last row. */
  byte[] variableData(int index) {
    if (variable[index] == null) {
      int end = offsets(index)[input.getRowCount()];
      byte[] bytes = new byte[end];
      if (end > 0) {
        input.getVector(index).getDataBuffer().getBytes(0, bytes);
      }
      variable[index] = bytes;
    }
    return variable[index];
  }
}
