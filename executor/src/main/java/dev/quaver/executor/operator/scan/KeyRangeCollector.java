package dev.quaver.executor.operator.scan;

import dev.quaver.executor.operator.Operator;
import dev.quaver.storage.columnar.KeyFilter;
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
 * <p>When asked to ({@code collectKeys}), it also keeps the non-NULL keys themselves (up to
 * {@link #MAX_FILTER_KEYS} per key column) and, once complete, builds from them a
 * {@link KeyFilter} per key that the scan tests row by row (sideways information passing: a
 * probe row whose key is not among the build keys is dropped before any join sees it).
 *
 * <p>Thread safety: confined to the statement's thread (the join that reads it); the probe scan
 * reads the range later on the same thread.
 */
public final class KeyRangeCollector implements Operator {
  /** Build keys kept per key column for a filter (8 MB); beyond it no filter (ranges only). */
  static final int MAX_FILTER_KEYS = 1 << 20;

  private final Operator input;
  private final int[] keys;
  private final long[] min;
  private final long[] max;
  private boolean complete;
  /** Per key: its non-NULL values so far (null when not collected or past the limit). */
  private final long[][] values;
  private final int[] valueCount;
  private final KeyFilter[] filters;

  /** Records the ranges of {@code input}'s columns {@code keys} (fixed-width integral columns). */
  KeyRangeCollector(Operator input, int[] keys) {
    this(input, keys, new boolean[keys.length]);
  }

  /** As above; also keeps the values of the keys {@code k} with {@code collectKeys[k]} for a {@link #filter}. */
  KeyRangeCollector(Operator input, int[] keys, boolean[] collectKeys) {
    this.input = input;
    this.values = new long[keys.length][];
    this.valueCount = new int[keys.length];
    this.filters = new KeyFilter[keys.length];
    for (int k = 0; k < keys.length; k++) {
      values[k] = collectKeys[k] ? new long[1024] : null;
    }
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
    long[] kept = values[k];
    if (kept != null && valueCount[k] + rows > MAX_FILTER_KEYS) {
      kept = null; // too many keys to keep: this key gets a range only
      values[k] = null;
    } else if (kept != null && kept.length < valueCount[k] + rows) {
      kept = Arrays.copyOf(kept, Math.max(valueCount[k] + rows, 2 * kept.length));
      values[k] = kept;
    }
    int n = valueCount[k];
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
      if (kept != null) {
        kept[n++] = value;
      }
    }
    valueCount[k] = n;
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

  /**
   * The filter of key {@code k}'s values, built on first use; null when not complete, not
   * collected, or past {@link #MAX_FILTER_KEYS} values.
   */
  KeyFilter filter(int k) {
    if (!complete || values[k] == null) {
      return null;
    }
    if (filters[k] == null) {
      filters[k] = KeyFilter.of(values[k], valueCount[k]);
      values[k] = new long[0]; // the filter replaces them
      valueCount[k] = 0;
    }
    return filters[k];
  }

  @Override
  public void close() {
    input.close();
  }
}
