package dev.quaver.executor.operator.window;

import dev.quaver.executor.operator.aggregate.AggregateState;
import dev.quaver.executor.vector.SqlOrdering;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.planner.physical.SortKey;
import dev.quaver.planner.physical.WindowCall;
import dev.quaver.planner.physical.WindowFrame;
import java.util.List;

/**
 * Computes one window call over one sorted partition. Peers (equal order keys, NULLs equal)
 * share RANK, DENSE_RANK and RANGE CURRENT ROW bounds. A frame aggregate starting at the
 * partition start (UNBOUNDED PRECEDING: the default frames) or ending at the partition end
 * (... AND UNBOUNDED FOLLOWING) is computed incrementally, in one pass; other frames are
 * aggregated row by row over the frame (O(rows × frame width)).
 * Stateless.
 */
final class WindowFunctions {
  private WindowFunctions() {}

  static boolean samePartition(Object[] left, Object[] right, int[] keys) {
    for (int key : keys) {
      if (!sameValue(left[key], right[key])) {
        return false;
      }
    }
    return true;
  }

  /** One result per row of {@code rows}, as Java values of the call's type. */
  static Object[] compute(List<Object[]> rows, WindowCall call, List<SortKey> orderKeys) {
    int size = rows.size();
    Object[] results = new Object[size];
    int[] peerStart = new int[size];
    int[] peerEnd = new int[size];
    peers(rows, orderKeys, peerStart, peerEnd);
    switch (call.function()) {
      case ROW_NUMBER -> {
        for (int i = 0; i < size; i++) {
          results[i] = (long) i + 1;
        }
      }
      case RANK -> {
        for (int i = 0; i < size; i++) {
          results[i] = (long) peerStart[i] + 1;
        }
      }
      case DENSE_RANK -> {
        long rank = 0;
        for (int i = 0; i < size; i++) {
          if (peerStart[i] == i) {
            rank++;
          }
          results[i] = rank;
        }
      }
      case LAG, LEAD -> {
        long step = call.function() == dev.quaver.planner.physical.WindowFunction.LAG ? -call.offset() : call.offset();
        int value = call.arguments().get(0);
        for (int i = 0; i < size; i++) {
          long target = i + step;
          if (target >= 0 && target < size) {
            results[i] = rows.get((int) target)[value];
          } else {
            results[i] = call.arguments().size() > 1 ? rows.get(i)[call.arguments().get(1)] : null;
          }
        }
      }
      default -> framed(rows, call, orderKeys, peerStart, peerEnd, results);
    }
    return results;
  }

  private static void framed(List<Object[]> rows, WindowCall call, List<SortKey> orderKeys, int[] peerStart,
      int[] peerEnd, Object[] results) {
    int size = rows.size();
    WindowFrame frame = call.frame();
    int[] lows = new int[size];
    int[] highs = new int[size];
    boolean isSuffix = true; // every frame ends at the partition end and starts no earlier than the last
    for (int i = 0; i < size; i++) {
      lows[i] = WindowFrames.lower(rows, frame, orderKeys, i, peerStart, peerEnd);
      highs[i] = WindowFrames.upper(rows, frame, orderKeys, i, peerStart, peerEnd);
      isSuffix &= highs[i] == size - 1 && (i == 0 || lows[i] >= lows[i - 1]);
    }
    if (isSuffix && isAggregate(call)) {
      suffixAggregates(rows, call, lows, results);
      return;
    }
    AggregateState running = null;
    int runningEnd = -1; // rows [0, runningEnd] are in `running`
    for (int i = 0; i < size; i++) {
      int low = lows[i];
      int high = highs[i];
      switch (call.function()) {
        case FIRST_VALUE -> results[i] = low <= high ? rows.get(low)[call.arguments().get(0)] : null;
        case LAST_VALUE -> results[i] = low <= high ? rows.get(high)[call.arguments().get(0)] : null;
        default -> {
          if (low == 0 && running != null && high >= runningEnd) {
            for (int j = runningEnd + 1; j <= high; j++) {
              running.add(arguments(rows.get(j), call));
            }
            runningEnd = high;
            results[i] = running.result();
          } else {
            AggregateState state = AggregateState.of(aggregateCall(call));
            for (int j = Math.max(low, 0); j <= high; j++) {
              state.add(arguments(rows.get(j), call));
            }
            results[i] = state.result();
            if (low == 0) {
              running = state;
              runningEnd = high;
            }
          }
        }
      }
    }
  }

  /** Frames [low(i), end] with low non-decreasing: one backward pass that only adds rows. */
  private static void suffixAggregates(List<Object[]> rows, WindowCall call, int[] lows, Object[] results) {
    AggregateState state = AggregateState.of(aggregateCall(call));
    Object empty = AggregateState.of(aggregateCall(call)).result();
    int added = rows.size(); // rows [added, end] are in `state`
    for (int i = rows.size() - 1; i >= 0; i--) {
      while (added > lows[i]) {
        added--;
        state.add(arguments(rows.get(added), call));
      }
      results[i] = lows[i] >= rows.size() ? empty : state.result();
    }
  }

  private static boolean isAggregate(WindowCall call) {
    return call.function() != dev.quaver.planner.physical.WindowFunction.FIRST_VALUE
        && call.function() != dev.quaver.planner.physical.WindowFunction.LAST_VALUE;
  }

  private static Object[] arguments(Object[] row, WindowCall call) {
    Object[] arguments = new Object[call.arguments().size()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = row[call.arguments().get(i)];
    }
    return arguments;
  }

  private static AggregateCall aggregateCall(WindowCall call) {
    AggregateFunction function = switch (call.function()) {
      case COUNT_STAR -> AggregateFunction.COUNT_STAR;
      case COUNT -> AggregateFunction.COUNT;
      case SUM -> AggregateFunction.SUM;
      case SUM0 -> AggregateFunction.SUM0;
      case AVG -> AggregateFunction.AVG;
      case MIN -> AggregateFunction.MIN;
      case MAX -> AggregateFunction.MAX;
      default -> throw new IllegalArgumentException("not a window aggregate: " + call.function());
    };
    return new AggregateCall(function, call.arguments(), false, -1, call.type(), call.nullable(), null, call.name());
  }

  /** Fills each row's first peer and one past its last peer. Without order keys all rows are peers. */
  private static void peers(List<Object[]> rows, List<SortKey> orderKeys, int[] peerStart, int[] peerEnd) {
    int size = rows.size();
    int start = 0;
    for (int i = 1; i <= size; i++) {
      if (i == size || !samePeer(rows.get(start), rows.get(i), orderKeys)) {
        for (int j = start; j < i; j++) {
          peerStart[j] = start;
          peerEnd[j] = i;
        }
        start = i;
      }
    }
  }

  private static boolean samePeer(Object[] left, Object[] right, List<SortKey> keys) {
    for (SortKey key : keys) {
      if (!sameValue(left[key.column()], right[key.column()])) {
        return false;
      }
    }
    return true;
  }

  static boolean sameValue(Object left, Object right) {
    if (left == null || right == null) {
      return left == right;
    }
    return SqlOrdering.compare(left, right) == 0;
  }
}
