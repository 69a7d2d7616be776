package dev.quaver.executor.operator.window;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.physical.SortKey;
import dev.quaver.planner.physical.WindowFrame;
import java.math.BigDecimal;
import java.util.List;

/**
 * Frame bounds as row positions within a sorted partition: ROWS by position, RANGE by the order
 * key (CURRENT ROW = the row's peers; n PRECEDING/FOLLOWING = order-key values within n of the
 * row's, which needs one numeric key; a row whose key is NULL has its NULL peers as the offset
 * frame, as in PostgreSQL). A frame whose lower bound passes its upper bound is empty. Stateless.
 */
final class WindowFrames {
  private WindowFrames() {}

  /** The first row of row {@code i}'s frame (may exceed {@link #upper}: empty frame). */
  static int lower(List<Object[]> rows, WindowFrame frame, List<SortKey> keys, int i, int[] peerStart,
      int[] peerEnd) {
    WindowFrame.Bound bound = frame.lower();
    return switch (bound.kind()) {
      case UNBOUNDED_PRECEDING -> 0;
      case UNBOUNDED_FOLLOWING -> rows.size();
      case CURRENT_ROW -> frame.rows() ? i : peerStart[i];
      case PRECEDING, FOLLOWING -> frame.rows() ? (int) Math.max(0, Math.min(rows.size(), i + signed(bound)))
          : rangeLower(rows, keys, i, signedValue(bound), peerStart);
    };
  }

  /** The last row of row {@code i}'s frame (may be below {@link #lower}: empty frame). */
  static int upper(List<Object[]> rows, WindowFrame frame, List<SortKey> keys, int i, int[] peerStart,
      int[] peerEnd) {
    WindowFrame.Bound bound = frame.upper();
    return switch (bound.kind()) {
      case UNBOUNDED_PRECEDING -> -1;
      case UNBOUNDED_FOLLOWING -> rows.size() - 1;
      case CURRENT_ROW -> frame.rows() ? i : peerEnd[i] - 1;
      case PRECEDING, FOLLOWING -> frame.rows() ? (int) Math.max(-1, Math.min(rows.size() - 1, i + signed(bound)))
          : rangeUpper(rows, keys, i, signedValue(bound), peerEnd);
    };
  }

  private static long signed(WindowFrame.Bound bound) {
    long offset = bound.offset().min(BigDecimal.valueOf(Integer.MAX_VALUE)).longValue();
    return bound.kind() == WindowFrame.BoundKind.PRECEDING ? -offset : offset;
  }

  private static BigDecimal signedValue(WindowFrame.Bound bound) {
    return bound.kind() == WindowFrame.BoundKind.PRECEDING ? bound.offset().negate() : bound.offset();
  }

  /** First row whose key is at or after (key(i) + delta) in sort direction (binary search). */
  private static int rangeLower(List<Object[]> rows, List<SortKey> keys, int i, BigDecimal delta, int[] peerStart) {
    SortKey key = singleKey(keys);
    BigDecimal value = number(rows.get(i)[key.column()]);
    if (value == null) {
      return peerStart[i];
    }
    BigDecimal target = key.descending() ? value.subtract(delta) : value.add(delta);
    int[] block = nonNullBlock(rows, key);
    int low = block[0];
    int high = block[1]; // answer in [low, high]; high = past the block
    while (low < high) {
      int middle = (low + high) >>> 1;
      int compare = number(rows.get(middle)[key.column()]).compareTo(target);
      if (key.descending() ? compare <= 0 : compare >= 0) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low == block[1] ? rows.size() : low;
  }

  /** Last row whose key is at or before (key(i) + delta) in sort direction (binary search). */
  private static int rangeUpper(List<Object[]> rows, List<SortKey> keys, int i, BigDecimal delta, int[] peerEnd) {
    SortKey key = singleKey(keys);
    BigDecimal value = number(rows.get(i)[key.column()]);
    if (value == null) {
      return peerEnd[i] - 1;
    }
    BigDecimal target = key.descending() ? value.subtract(delta) : value.add(delta);
    int[] block = nonNullBlock(rows, key);
    int low = block[0];
    int high = block[1]; // first row past the bound, in [low, high]
    while (low < high) {
      int middle = (low + high) >>> 1;
      int compare = number(rows.get(middle)[key.column()]).compareTo(target);
      if (key.descending() ? compare < 0 : compare > 0) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low - 1 < block[0] ? -1 : low - 1;
  }

  /**
   * [first, past last) of the rows whose key is not NULL: the sort put the NULLs at one end
   * (the start when the key says NULLS FIRST), and the rest is sorted in the key's direction.
   */
  private static int[] nonNullBlock(List<Object[]> rows, SortKey key) {
    int low = 0;
    int high = rows.size();
    while (low < high) { // first index of the other kind
      int middle = (low + high) >>> 1;
      boolean isNull = rows.get(middle)[key.column()] == null;
      if (isNull != key.nullsFirst()) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return key.nullsFirst() ? new int[] {low, rows.size()} : new int[] {0, low};
  }

  private static SortKey singleKey(List<SortKey> keys) {
    if (keys.size() != 1) {
      throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
          "RANGE with an offset needs exactly one ORDER BY key, not %d", keys.size());
    }
    return keys.get(0);
  }

  private static BigDecimal number(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
        "RANGE with an offset needs a numeric ORDER BY key, not %s", value.getClass().getSimpleName());
  }
}
