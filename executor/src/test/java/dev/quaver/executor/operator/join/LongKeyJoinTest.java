package dev.quaver.executor.operator.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.spill.SpillHarness;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The single-integral-key path of the vectorized hash join ({@link LongKeyTable}) returns exactly
 * the rows of the boxed {@link RowHashJoin} for every join type, with and without a residual,
 * with NULL and duplicate keys, for dense keys (direct table), sparse and extreme keys (hashed),
 * yyyymmdd-style keys, INTEGER against BIGINT, and many output rows per probe batch.
 */
class LongKeyJoinTest {
  private static final long[] EXTREMES = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1,
      Long.MAX_VALUE, 1L << 32, -(1L << 32), 4096, 8192};

  @TempDir
  Path dir;

  /** How the keys of a round are drawn. */
  private enum Keys { DENSE, YYYYMMDD, EXTREME, FEW }

  private static long key(Keys keys, Random random) {
    return switch (keys) {
      case DENSE -> 100 + random.nextInt(300);
      case YYYYMMDD -> 19920101 + 10000L * random.nextInt(7) + 100L * random.nextInt(12) + random.nextInt(28);
      case EXTREME -> EXTREMES[random.nextInt(EXTREMES.length)];
      case FEW -> random.nextInt(3);
    };
  }

  private static LongFunction<Object[]> rows(long seed, Keys keys, boolean left, boolean intKey) {
    return i -> {
      Random random = new Random(seed * 1_000_003 + i);
      Object k = random.nextInt(13) == 0 ? null : (Object) key(keys, random);
      if (intKey && k != null) {
        k = (int) (long) (Long) k;
      }
      return new Object[] {left ? i : -i, k, (long) random.nextInt(100), left ? null : "r" + i};
    };
  }

  private static List<ColumnType> types(boolean intKey) {
    return List.of(ColumnType.BIGINT, intKey ? ColumnType.INTEGER : ColumnType.BIGINT, ColumnType.BIGINT,
        ColumnType.TEXT);
  }



  @ParameterizedTest
  @EnumSource(JoinType.class)
  void everyJoinTypeEqualsTheBoxedJoin(JoinType type) throws Exception {
    for (int round = 0; round < 12; round++) {
      Keys keys = Keys.values()[round % Keys.values().length];
      boolean residual = round % 2 == 1;
      boolean leftInt = round % 3 == 0;
      boolean rightInt = round % 5 == 0;
      List<ColumnType> lt = types(leftInt);
      List<ColumnType> rt = types(rightInt);
      long seed = round * 17L + type.ordinal();
      long leftRows = 1 + (round * 733L) % 3500;
      long rightRows = keys == Keys.FEW ? 1 + round % 7 : 1 + (round * 389L) % 1800;
      PhysicalHashJoin node = JoinRuns.node(type, List.of(1), residual ? 2 : -1, lt, rt);
      LongFunction<Object[]> left = rows(seed, keys, true, leftInt);
      LongFunction<Object[]> right = rows(seed + 1, keys, false, rightInt);
      List<String> expected = JoinRuns.run(dir, false, 1L << 30, node, lt, rt, leftRows, rightRows, left, right);
      List<String> actual = JoinRuns.run(dir, true, 1L << 30, node, lt, rt, leftRows, rightRows, left, right);
      assertThat(actual).as("%s round %d keys %s residual %s", type, round, keys, residual).isEqualTo(expected);
    }
  }

  /**
   * A selective join over many left batches (1 in 40 rows match): pending output holds left
   * batches together, with integral and string keys; same rows as the boxed join, and an INNER
   * join emits fewer batches than it reads.
   */
  @ParameterizedTest
  @EnumSource(JoinType.class)
  void selectiveJoinHoldsSeveralLeftBatches(JoinType type) throws Exception {
    for (boolean text : new boolean[] {false, true}) {
      List<ColumnType> lt = List.of(ColumnType.BIGINT, text ? ColumnType.TEXT : ColumnType.INTEGER,
          ColumnType.BIGINT, ColumnType.TEXT);
      List<ColumnType> rt = lt;
      LongFunction<Object[]> left = i -> {
        Random random = new Random(i * 7919L + type.ordinal());
        long k = random.nextInt(40) == 0 ? random.nextInt(20) : 1000 + random.nextInt(5000);
        Object key = random.nextInt(29) == 0 ? null : text ? "k" + k : (Object) (int) k;
        return new Object[] {i, key, (long) random.nextInt(100), random.nextInt(3) == 0 ? null : "l" + i};
      };
      LongFunction<Object[]> right = i -> new Object[] {-i, i == 7 ? null : text ? "k" + (i % 20) : (Object) (int) (i % 20),
          (long) (i * 37 % 100), "r" + i};
      for (boolean residual : new boolean[] {false, true}) {
        PhysicalHashJoin node = JoinRuns.node(type, List.of(1), residual ? 2 : -1, lt, rt);
        List<String> expected = JoinRuns.run(dir, false, 1L << 30, node, lt, rt, 30_000, 45, left, right);
        List<String> actual = JoinRuns.run(dir, true, 1L << 30, node, lt, rt, 30_000, 45, left, right);
        assertThat(actual).as("%s text %s residual %s", type, text, residual).isEqualTo(expected);
      }
    }
    if (type == JoinType.INNER) {
      try (SpillHarness harness = new SpillHarness(dir.resolve("batches"), 1L << 30)) {
        List<ColumnType> types = List.of(ColumnType.BIGINT, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.TEXT);
        var l = harness.generate(types, 30_000, i -> new Object[] {i, (int) (i % 40), i, "l"});
        var r = harness.generate(types, 1, i -> new Object[] {i, 0, i, "r"});
        HashJoinOperator join =
            new HashJoinOperator(l, r, JoinRuns.node(type, List.of(1), -1, types, types), harness.context);
        int batches = 0;
        long rows = 0;
        for (var batch = join.next(); batch != null; batch = join.next()) {
          batches++;
          rows += batch.getRowCount();
        }
        join.close();
        assertThat(rows).isEqualTo(750);
        assertThat(batches).as("30 left batches of 1024 rows, 750 matches").isLessThan(30);
      }
    }
  }

  @Test
  void directAndHashedLayouts() {
    long[] dense = {5, 7, 5, 9, 0};
    boolean[] nulls = {false, false, false, false, true};
    LongKeyTable direct = new LongKeyTable(dense, nulls, 5);
    assertThat(direct.direct()).isTrue();
    assertThat(direct.unique()).isFalse();
    assertThat(direct.first(5)).isEqualTo(0);
    assertThat(direct.next(0, 5)).isEqualTo(2);
    assertThat(direct.next(2, 5)).isEqualTo(-1);
    assertThat(direct.first(0)).as("a NULL key is not indexed").isEqualTo(-1);
    assertThat(direct.first(4)).isEqualTo(-1);
    assertThat(direct.first(Long.MIN_VALUE + 5)).isEqualTo(-1);
    assertThat(direct.first(Long.MAX_VALUE)).isEqualTo(-1);

    long[] wide = {Long.MIN_VALUE, Long.MAX_VALUE, 3, Long.MAX_VALUE};
    LongKeyTable hashed = new LongKeyTable(wide, new boolean[4], 4);
    assertThat(hashed.direct()).isFalse();
    assertThat(hashed.unique()).isFalse();
    LongKeyTable distinct = new LongKeyTable(new long[] {9, 1L << 40, 3, -7}, new boolean[4], 4);
    assertThat(distinct.unique()).isTrue();
    assertThat(distinct.first(3)).isEqualTo(2);
    assertThat(distinct.next(2, 3)).isEqualTo(-1);
    assertThat(new LongKeyTable(new long[] {4, 5, 6}, new boolean[3], 3).unique()).isTrue();
    assertThat(hashed.first(Long.MAX_VALUE)).isEqualTo(1);
    assertThat(hashed.next(1, Long.MAX_VALUE)).isEqualTo(3);
    assertThat(hashed.first(Long.MIN_VALUE)).isEqualTo(0);
    assertThat(hashed.first(4)).isEqualTo(-1);
    int[] first = new int[4];
    hashed.firstAll(new long[] {3, 4, Long.MIN_VALUE, 3}, new boolean[] {false, false, false, true}, 0, 4, first);
    assertThat(first).containsExactly(2, -1, 0, -1);

    LongKeyTable empty = new LongKeyTable(new long[0], new boolean[0], 0);
    assertThat(empty.first(0)).isEqualTo(-1);
  }
}
