package dev.quaver.executor.expr;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The data and validity buffers of a batch's columns copied to byte arrays on first use, shared by
 * the selectors of one predicate evaluation (a BETWEEN reads its column once). One bulk copy per
 * buffer replaces per-element ArrowBuf accessors, which check bounds and the reference count.
 *
 * <p>Thread safety: confined to one evaluation.
 */
final class ColumnBytes {
  private final VectorSchemaRoot input;
  private final byte[][] data;
  private final byte[][] validity;

  ColumnBytes(VectorSchemaRoot input) {
    this.input = input;
    int columns = input.getFieldVectors().size();
    this.data = new byte[columns][];
    this.validity = new byte[columns][];
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
}
