package dev.quaver.storage.columnar;

import dev.quaver.storage.ScanPredicate;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The {@link KeyFilter}s pushed into one columnar scan (late materialization, issue #6): per row
 * group the scan loads the filtered key columns first, narrows its runs of kept rows to the rows
 * whose keys may be in every filter (a NULL key is in none), and loads the other columns only if
 * a row is left. Filters are tested most selective first (pass rates measured as the scan goes);
 * a filter that lets through nearly every row after a few groups is dropped, since testing it
 * costs more than the rows it removes, and it is advisory anyway.
 *
 * <p>Thread safety: confined to its scan's thread.
 */
final class ScanKeyFilters {
  /** Rows tested before a filter's pass rate is trusted. */
  private static final long WARMUP_ROWS = 1 << 16;
  /** A filter passing more than this fraction of the rows is dropped. */
  private static final double DROP_PASS_RATE = 0.9;

  private final List<Entry> entries;
  /** Candidate rows of the current group, reused. */
  private int[] selection = new int[0];
  /** A key column's values of the current group, reused. */
  private long[] scratch = new long[0];
  private int[] ints = new int[0];

  private ScanKeyFilters(List<Entry> entries) {
    this.entries = entries;
  }

  /** The key filters among {@code predicates} on fixed-width integral columns of {@code columnCount}. */
  static ScanKeyFilters of(List<ScanPredicate> predicates, int columnCount) {
    List<Entry> entries = new ArrayList<>();
    for (ScanPredicate predicate : predicates) {
      if (predicate.op() == ScanPredicate.Op.EQ && predicate.value() instanceof KeyFilter filter
          && predicate.column() < columnCount) {
        entries.add(new Entry(predicate.column(), filter));
      }
    }
    return new ScanKeyFilters(entries);
  }

  /** True when some filter is still applied. */
  boolean active() {
    return !entries.isEmpty();
  }

  /** True when a filter holds no key: no row can pass. */
  boolean anyEmpty() {
    return entries.stream().anyMatch(e -> e.filter.empty());
  }

  /** The file columns of the applied filters, distinct, in a fixed order. */
  int[] columns() {
    return entries.stream().mapToInt(e -> e.column).distinct().toArray();
  }

  /**
   * Narrows the runs {@code [starts[i], ends[i])}, {@code i < count}, to the rows whose key in
   * {@code keyVectors[j]} (the vector of file column {@code columns[j]}) passes every filter;
   * writes the new runs over the old ones (a group of n rows has at most n / 2 + 1 runs either
   * way) and returns their count; {@code kept[0]} receives the rows kept.
   */
  int narrow(int[] columns, FieldVector[] keyVectors, int[] starts, int[] ends, int count, int[] kept) {
    int candidates = 0;
    for (int r = 0; r < count; r++) {
      candidates += ends[r] - starts[r];
    }
    if (selection.length < candidates) {
      selection = new int[candidates];
    }
    int[] rows = selection;
    int n = 0;
    for (int r = 0; r < count; r++) {
      for (int row = starts[r]; row < ends[r]; row++) {
        rows[n++] = row;
      }
    }
    for (Entry entry : entries) {
      FieldVector vector = keyVectors[indexOf(columns, entry.column)];
      entry.tested += n;
      n = select(entry.filter, vector, rows, n);
      entry.passed += n;
      if (n == 0) {
        break;
      }
    }
    int out = 0;
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      if (out > 0 && ends[out - 1] == row) {
        ends[out - 1] = row + 1;
      } else {
        starts[out] = row;
        ends[out++] = row + 1;
      }
    }
    kept[0] = n;
    adapt();
    return out;
  }

  /** Whether a delta row ({@code values} by table column) passes every filter. */
  boolean passes(Object[] values) {
    for (Entry entry : entries) {
      if (!(values[entry.column] instanceof Number number) || !entry.filter.mayContain(number.longValue())) {
        return false;
      }
    }
    return true;
  }

  /** Reorders the filters most selective first and drops those that remove almost nothing. */
  private void adapt() {
    entries.removeIf(e -> e.tested >= WARMUP_ROWS && e.passed > DROP_PASS_RATE * e.tested);
    entries.sort((a, b) -> Double.compare(a.passRate(), b.passRate()));
  }

  /**
   * Keeps, in order, the rows of {@code rows[0, n)} whose value in {@code vector} may be in
   * {@code filter}; returns their count. One loop per value width, without per-row dispatch.
   */
  /**
   * Keeps, in order, the rows of {@code rows[0, n)} whose value in {@code vector} may be in
   * {@code filter}; returns their count. The group's values are first copied to a heap array in
   * bulk (reading the Arrow buffer value by value paid a bounds and reference-count check each:
   * {@code ArrowBuf.refCnt} was the scan's top frame).
   */
  private int select(KeyFilter filter, FieldVector vector, int[] rows, int n) {
    if (n == 0) {
      return 0;
    }
    int length = rows[n - 1] + 1; // rows are ascending
    long[] keys = values(vector, length);
    if (vector.getNullCount() == 0) {
      return filter.select(keys, rows, n);
    }
    int out = 0;
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      if (!vector.isNull(row) && filter.mayContain(keys[row])) {
        rows[out++] = row;
      }
    }
    return out;
  }

  /** Values {@code [0, length)} of a fixed-width integral vector as longs, in a reused array. */
  private long[] values(FieldVector vector, int length) {
    if (scratch.length < length) {
      scratch = new long[Math.max(length, 2 * scratch.length)];
    }
    long[] out = scratch;
    int width = ((BaseFixedWidthVector) vector).getTypeWidth();
    ByteBuffer bytes = vector.getDataBuffer().nioBuffer(0, length * width).order(ByteOrder.LITTLE_ENDIAN);
    switch (width) {
      case 1 -> {
        for (int i = 0; i < length; i++) {
          out[i] = bytes.get(i);
        }
      }
      case 2 -> {
        ShortBuffer shorts = bytes.asShortBuffer();
        for (int i = 0; i < length; i++) {
          out[i] = shorts.get(i);
        }
      }
      case 4 -> {
        if (ints.length < length) {
          ints = new int[Math.max(length, 2 * ints.length)];
        }
        bytes.asIntBuffer().get(ints, 0, length);
        int[] in = ints;
        for (int i = 0; i < length; i++) {
          out[i] = in[i];
        }
      }
      default -> bytes.asLongBuffer().get(out, 0, length);
    }
    return out;
  }

  /** True when a filter can be applied to {@code vector} (a fixed-width integral vector). */
  static boolean applicable(FieldVector vector) {
    return vector instanceof BaseFixedWidthVector fixed && !(vector instanceof BitVector)
        && fixed.getTypeWidth() <= 8;
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    throw new IllegalArgumentException("column " + value + " not loaded");
  }

  /** One filter on one file column, with the rows it tested and passed so far. */
  private static final class Entry {
    final int column;
    final KeyFilter filter;
    long tested;
    long passed;

    Entry(int column, KeyFilter filter) {
      this.column = column;
      this.filter = filter;
    }

    double passRate() {
      return tested == 0 ? 0 : (double) passed / tested;
    }
  }
}
