package dev.quaver.executor.operator.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vectorized hash join on string, multi-column and mixed-width keys returns exactly the rows of
 * the boxed {@link RowHashJoin} (the reference), for every join type, with and without a residual
 * condition, with NULL keys and duplicate keys, in memory and after handing over to the spilling
 * join.
 */
class VectorizedJoinKeysTest {
  private static final ColumnType CHAR3 = new ColumnType(SqlType.CHAR, 3, 0);
  private static final ColumnType CHAR5 = new ColumnType(SqlType.CHAR, 5, 0);
  private static final String[] WORDS = {"", "a", "ab", "abc", "b", "ba", "€", "a€", "x\u0000y",
      "long string over eight bytes", "long string over eight bytez"};

  @TempDir
  Path dir;

  /** Left/right: (string key, int key, id, bigint value); the int key is INTEGER left, BIGINT right. */
  private static List<ColumnType> types(boolean left) {
    return List.of(ColumnType.TEXT, left ? ColumnType.INTEGER : ColumnType.BIGINT,
        ColumnType.BIGINT, ColumnType.BIGINT);
  }

  private static LongFunction<Object[]> rows(long seed, boolean left) {
    return i -> {
      Random random = new Random(seed * 1_000_003 + i);
      String s = random.nextInt(15) == 0 ? null : WORDS[random.nextInt(WORDS.length)];
      Object k = random.nextInt(17) == 0 ? null : (Object) (long) random.nextInt(5);
      if (left && k != null) {
        k = (int) (long) (Long) k;
      }
      return new Object[] {s, k, left ? i : -i, (long) random.nextInt(100)};
    };
  }



  @ParameterizedTest
  @EnumSource(JoinType.class)
  void randomStringAndMultiColumnKeysEqualTheBoxedJoin(JoinType type) throws Exception {
    List<ColumnType> lt = types(true);
    List<ColumnType> rt = types(false);
    for (int round = 0; round < 12; round++) {
      long seed = round * 31L + type.ordinal();
      List<Integer> keys = switch (round % 3) {
        case 0 -> List.of(0);
        case 1 -> List.of(0, 1);
        default -> List.of(1, 0);
      };
      boolean residual = round % 2 == 1;
      long leftRows = 1 + (round * 577L) % 3000;
      long rightRows = 1 + (round * 911L) % 2500;
      PhysicalHashJoin node = JoinRuns.node(type, keys, residual ? 3 : -1, lt, rt);
      List<String> expected = JoinRuns.run(dir, false, 1L << 30, node, lt, rt, leftRows, rightRows, rows(seed, true),
          rows(seed + 7, false));
      List<String> actual = JoinRuns.run(dir, true, 1L << 30, node, lt, rt, leftRows, rightRows, rows(seed, true),
          rows(seed + 7, false));
      assertThat(actual).as("round %d keys %s residual %s", round, keys, residual).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void stringKeysOverTheShareHandOverToTheSpillingJoin(JoinType type) throws Exception {
    List<ColumnType> lt = types(true);
    List<ColumnType> rt = types(false);
    PhysicalHashJoin node = JoinRuns.node(type, List.of(0, 1), -1, lt, rt);
    LongFunction<Object[]> left = i -> new Object[] {"k" + (i % 3000), (int) (i % 7), i, i % 100};
    LongFunction<Object[]> right = i -> new Object[] {i % 97 == 0 ? null : "k" + (i % 4000), i % 7, -i, i % 100};
    List<String> expected = JoinRuns.run(dir, false, 1L << 30, node, lt, rt, 8_000, 40_000, left, right);
    List<String> actual = JoinRuns.run(dir, true, 1L << 20, node, lt, rt, 8_000, 40_000, left, right);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void charKeysIgnoreTrailingSpacesInBothJoins() throws Exception {
    List<ColumnType> lt = List.of(CHAR3, ColumnType.BIGINT, ColumnType.BIGINT, ColumnType.BIGINT);
    List<ColumnType> rt = List.of(CHAR5, ColumnType.BIGINT, ColumnType.BIGINT, ColumnType.BIGINT);
    PhysicalHashJoin node = JoinRuns.node(JoinType.INNER, List.of(0), -1, lt, rt);
    LongFunction<Object[]> left = i -> new Object[] {new String[] {"ab ", "x  ", "   "}[(int) i], 0L, i, 0L};
    LongFunction<Object[]> right = i -> new Object[] {new String[] {"ab   ", "x    ", "xy   ", "     "}[(int) i], 0L,
        -i, 0L};
    List<String> vectorized = JoinRuns.run(dir, true, 1L << 30, node, lt, rt, 3, 4, left, right);
    assertThat(vectorized).containsExactly("[   , 0, 2, 0,      , 0, -3, 0]", "[ab , 0, 0, 0, ab   , 0, 0, 0]",
        "[x  , 0, 1, 0, x    , 0, -1, 0]");
    assertThat(JoinRuns.run(dir, false, 1L << 30, node, lt, rt, 3, 4, left, right)).isEqualTo(vectorized);
  }

  @Test
  void varcharKeysKeepTrailingSpaces() throws Exception {
    List<ColumnType> t = List.of(ColumnType.TEXT, ColumnType.BIGINT, ColumnType.BIGINT,
        ColumnType.BIGINT);
    PhysicalHashJoin node = JoinRuns.node(JoinType.INNER, List.of(0), -1, t, t);
    LongFunction<Object[]> left = i -> new Object[] {new String[] {"ab", "ab "}[(int) i], 0L, i, 0L};
    assertThat(JoinRuns.run(dir, true, 1L << 30, node, t, t, 2, 2, left, left)).containsExactly(
        "[ab , 0, 1, 0, ab , 0, 1, 0]", "[ab, 0, 0, 0, ab, 0, 0, 0]");
  }
}
