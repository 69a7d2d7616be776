package dev.quaver.executor.operator.join;

import dev.quaver.executor.memory.OperatorMemory;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Expressions;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.vector.RowKey;
import dev.quaver.planner.physical.PhysicalHashJoin;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Equi-join on boxed rows with a hash table on the right input's key columns: the general form
 * that HashJoinOperator falls back to for keys that are not all integral and for a right input
 * over the memory share. Keys compare with RowKey's typed
 * equality, strings without trailing spaces when either side of the pair is CHAR (as the
 * comparison operator and the vectorized join do); a key with a NULL never matches (those right rows are still emitted by RIGHT/FULL).
 * The residual condition is evaluated over the concatenated candidate rows. Spills as a grace
 * hash join when the right input does not fit its memory share (see BuildProbeJoin).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class RowHashJoin extends BuildProbeJoin {
  /** Rough heap cost of one hash-table entry beyond the row itself. */
  private static final long ENTRY_BYTES = 64;

  private final int[] leftKeys;
  private final int[] rightKeys;
  private final boolean[] padded;
  private final boolean anyPadded;

  RowHashJoin(Operator left, Operator right, PhysicalHashJoin node, ExecutionContext context) {
    super(left, right, node.joinType(),
        node.residual() == null ? null : Expressions.compile(node.residual()), context, "hash join");
    this.leftKeys = toArray(node.leftKeys());
    this.rightKeys = toArray(node.rightKeys());
    this.padded = JoinKeys.padded(node, leftKeys, rightKeys);
    boolean any = false;
    for (boolean p : padded) {
      any |= p;
    }
    this.anyPadded = any;
  }

  private RowKey key(Object[] row, int[] columns) {
    if (!anyPadded) {
      return RowKey.of(row, columns);
    }
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      Object value = row[columns[i]];
      values[i] = padded[i] && value instanceof String s ? stripTrailingSpaces(s) : value;
    }
    return RowKey.of(values);
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return end == s.length() ? s : s.substring(0, end);
  }

  @Override
  RowKey rightKey(Object[] row) {
    return key(row, rightKeys);
  }

  @Override
  RowKey leftKey(Object[] row) {
    return key(row, leftKeys);
  }

  @Override
  JoinProbe.Candidates index(List<Object[]> all, OperatorMemory memory) {
    Map<RowKey, Bucket> buckets = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      RowKey key = key(all.get(i), rightKeys);
      if (key.hasNull()) {
        continue;
      }
      memory.reserve(ENTRY_BYTES);
      buckets.computeIfAbsent(key, k -> new Bucket()).add(i);
    }
    Map<RowKey, int[]> table = new HashMap<>();
    buckets.forEach((key, bucket) -> table.put(key, Arrays.copyOf(bucket.items, bucket.size)));
    int[] none = new int[0];
    return leftRow -> {
      RowKey key = key(leftRow, leftKeys);
      if (key.hasNull()) {
        return none;
      }
      return table.getOrDefault(key, none);
    };
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A growing list of right-row indices with one key. */
  private static final class Bucket {
    private int[] items = new int[1];
    private int size;

    void add(int item) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = item;
    }
  }
}
