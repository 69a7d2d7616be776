package dev.quaver.executor.operator.scan;

import dev.quaver.executor.operator.Operator;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Passes a hash join's build input through unchanged while recording, per key column, the
 * smallest and largest non-NULL value (integral and DATE keys, read as longs). Once the input is
 * exhausted ({@link #complete()}), a scan on the join's probe side may skip the columnar row
 * groups whose zone maps lie outside that range ({@link RuntimeKeyRanges}): an inner or semi join
 * drops a probe row whose key is not among the build keys, so such rows never reach the output.
 * Before the input is exhausted nothing is claimed.
 *
 * <p>Thread safety: confined to the statement's thread (the join that reads it); the probe scan
 * reads the range later on the same thread.
 */
public final class KeyRangeCollector implements Operator {
  private final Operator input;
  private final int[] keys;
  private final long[] min;
  private final long[] max;
  private boolean complete;

  /** Records the ranges of {@code input}'s columns {@code keys} (fixed-width integral columns). */
  KeyRangeCollector(Operator input, int[] keys) {
    this.input = input;
    this.keys = keys.clone();
    this.min = new long[keys.length];
    this.max = new long[keys.length];
    Arrays.fill(min, Long.MAX_VALUE);
    Arrays.fill(max, Long.MIN_VALUE);
  }

  @Override
  public Schema schema() {
    return input.schema();
  }

  @Override
  public VectorSchemaRoot next() {
    VectorSchemaRoot batch = input.next();
    if (batch == null) {
      complete = true;
      return null;
    }
    for (int k = 0; k < keys.length; k++) {
      record(k, batch.getVector(keys[k]), batch.getRowCount());
    }
    return batch;
  }

  @Override
  public boolean lastBatchTransferable() {
    return input.lastBatchTransferable();
  }

  private void record(int k, FieldVector vector, int rows) {
    if (!(vector instanceof BaseFixedWidthVector fixed)) {
      throw new IllegalStateException("key range of a " + vector.getClass().getSimpleName());
    }
    int width = fixed.getTypeWidth();
    ArrowBuf data = vector.getDataBuffer();
    long lo = min[k];
    long hi = max[k];
    for (int i = 0; i < rows; i++) {
      if (vector.isNull(i)) {
        continue;
      }
      long value = switch (width) {
        case 1 -> data.getByte(i);
        case 2 -> data.getShort((long) i * 2);
        case 4 -> data.getInt((long) i * 4);
        default -> data.getLong((long) i * 8);
      };
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
    }
    min[k] = lo;
    max[k] = hi;
  }

  /** True once the build input returned its last batch: the ranges are final. */
  boolean complete() {
    return complete;
  }

  /** True when complete and key {@code k} had no non-NULL value (no probe row can match). */
  boolean empty(int k) {
    return complete && min[k] > max[k];
  }

  /** The smallest non-NULL value of key {@code k}; requires complete and not empty. */
  long min(int k) {
    return min[k];
  }

  /** The largest non-NULL value of key {@code k}; requires complete and not empty. */
  long max(int k) {
    return max[k];
  }

  @Override
  public void close() {
    input.close();
  }
}
