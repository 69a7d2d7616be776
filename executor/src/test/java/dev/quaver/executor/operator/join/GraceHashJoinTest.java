package dev.quaver.executor.operator.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.spill.SpillHarness;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GraceHashJoinTest {
  private static final long LIMIT = 1L << 20;
  private static final List<ColumnType> TYPES = List.of(ColumnType.BIGINT, ColumnType.BIGINT);
  private static final long LEFT_ROWS = 30_000;
  private static final long RIGHT_ROWS = 60_000;

  @TempDir
  Path dir;

  /** Left row i: key i mod 20,000 (NULL every 101st), id i. */
  private static Object[] left(long i) {
    return new Object[] {i % 101 == 0 ? null : i % 20_000, i};
  }

  /** Right row i: key i mod 25,000 (NULL every 103rd), id -i. */
  private static Object[] right(long i) {
    return new Object[] {i % 103 == 0 ? null : i % 25_000, -i};
  }

  private static PhysicalHashJoin node(JoinType type) {
    List<Field> fields = List.of(new Field("C0", ColumnType.BIGINT, true), new Field("C1", ColumnType.BIGINT, true));
    PhysicalValues dummy = new PhysicalValues(List.of(), fields, Distribution.single(), 0);
    List<Field> out = new ArrayList<>(fields);
    if (type.projectsRight()) {
      out.addAll(fields);
    }
    return new PhysicalHashJoin(dummy, dummy, type, List.of(0), List.of(0), null, out,
        Distribution.single(), 0);
  }

  private static List<String> expected(JoinType type) {
    Map<Long, List<Object[]>> rightByKey = new HashMap<>();
    List<Object[]> rights = rows(RIGHT_ROWS, GraceHashJoinTest::right);
    for (Object[] r : rights) {
      if (r[0] != null) {
        rightByKey.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r);
      }
    }
    List<String> out = new ArrayList<>();
    Map<Long, Boolean> rightMatched = new HashMap<>();
    for (Object[] l : rows(LEFT_ROWS, GraceHashJoinTest::left)) {
      List<Object[]> matches = l[0] == null ? List.of() : rightByKey.getOrDefault((Long) l[0], List.of());
      for (Object[] r : matches) {
        rightMatched.put((Long) r[1], true);
        if (type.projectsRight()) {
          out.add(Arrays.toString(new Object[] {l[0], l[1], r[0], r[1]}));
        }
      }
      boolean unmatched = matches.isEmpty();
      if ((type == JoinType.LEFT || type == JoinType.FULL) && unmatched) {
        out.add(Arrays.toString(new Object[] {l[0], l[1], null, null}));
      } else if ((type == JoinType.SEMI && !unmatched) || (type == JoinType.ANTI && unmatched)) {
        out.add(Arrays.toString(l));
      }
    }
    if (type == JoinType.RIGHT || type == JoinType.FULL) {
      for (Object[] r : rights) {
        if (!rightMatched.containsKey((Long) r[1])) {
          out.add(Arrays.toString(new Object[] {null, null, r[0], r[1]}));
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static List<Object[]> rows(long count, LongFunction<Object[]> row) {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      rows.add(row.apply(i));
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void joinsARightSideTenTimesTheLimitExactly(JoinType type) throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), LIMIT)) {
      HashJoinOperator join = new HashJoinOperator(harness.generate(TYPES, LEFT_ROWS, GraceHashJoinTest::left),
          harness.generate(TYPES, RIGHT_ROWS, GraceHashJoinTest::right), node(type), harness.context);
      List<String> actual = new ArrayList<>();
      for (Object[] row : SpillHarness.drain(join)) {
        actual.add(Arrays.toString(row));
      }
      actual.sort(null);
      assertThat(actual).isEqualTo(expected(type));
      assertThat(join.spillStats().spilled()).isTrue();
    }
  }

  @Test
  void oneKeyLargerThanTheShareIsACleanOutOfMemory() throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve("spill"), LIMIT)) {
      HashJoinOperator join = new HashJoinOperator(harness.generate(TYPES, 10, i -> new Object[] {i % 2, i}),
          harness.generate(TYPES, 50_000, i -> new Object[] {i % 2, i}), node(JoinType.INNER), harness.context);
      assertThatThrownBy(() -> SpillHarness.drain(join))
          .isInstanceOfSatisfying(QuaverException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_MEMORY);
            assertThat(e.getMessage()).contains("hash join").contains(Long.toString(LIMIT));
          });
      join.close();
    }
  }
}
