package dev.quaver.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.Planner;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.protocol.BatchColumn;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ExecuteBatch;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link BatchInsertTest} case again with the sets as the server hands them over: the
 * column batch decoded from an EXECUTE_BATCH frame (fixed-width columns primitive), through
 * {@code Executor.executeOneCommitBatch(plan, ColumnBatch)}; plus every parameter type with
 * NULLs, whose rows must equal those the list path writes.
 */
class BatchInsertColumnsTest extends BatchInsertTest {
  @TempDir
  Path otherDirectory;

  @Override
  long[] execute(Executor executor, PreparedPlan plan, List<List<Object>> sets) {
    return executor.executeOneCommitBatch(plan, decoded(plan.parameterTypes(), sets));
  }

  /**
   * The sets after a trip over the wire; sets whose values do not have the parameter types
   * (which a driver never sends) stay boxed, for the executor's own checks.
   */
  static ColumnBatch decoded(List<ColumnType> types, List<List<Object>> sets) {
    for (List<Object> set : sets) {
      if (set.size() != types.size()) {
        return ColumnBatch.ofRows(set.size() == 0 ? List.of() : types.subList(0, Math.min(types.size(), set.size())),
            sets.stream().map(s -> s.subList(0, Math.min(types.size(), s.size()))).toList());
      }
    }
    ColumnBatch boxed = ColumnBatch.ofRows(types, sets);
    try {
      byte[] frame = MessageCodec.encode(new ExecuteBatch(1, boxed));
      ColumnBatch batch = ((ExecuteBatch) MessageCodec.decodeFrame(frame)).parameters();
      assertThat(batch).isEqualTo(boxed);
      return batch;
    } catch (IllegalArgumentException e) {
      return boxed; // a value of another class: refused by the executor's checks
    }
  }

  @Test
  void everyParameterTypeWithNullsWritesWhatTheListPathWrites() {
    String columns = "(id INTEGER, b BOOLEAN, t TINYINT, s SMALLINT, i INTEGER, g BIGINT, r REAL,"
        + " f DOUBLE, c CHAR(3), v VARCHAR(5), d DATE, tm TIME, ts TIMESTAMP)";
    List<ColumnType> types = List.of(ColumnType.INTEGER, ColumnType.BOOLEAN, ColumnType.TINYINT,
        ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE,
        ColumnType.character(3), ColumnType.varchar(5), ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP);
    Random random = new Random(11);
    List<List<Object>> sets = new ArrayList<>();
    for (int row = 0; row < 700; row++) {
      List<Object> set = new ArrayList<>();
      set.add(row);
      set.add(random.nextBoolean());
      set.add((byte) random.nextInt());
      set.add((short) random.nextInt());
      set.add(random.nextInt());
      set.add(random.nextLong());
      set.add(random.nextFloat() * 1000);
      set.add(random.nextGaussian() * 1e9);
      set.add(random.nextBoolean() ? "ab" : "é");
      set.add(random.nextBoolean() ? "" : "xyzé" + random.nextInt(10));
      set.add(random.nextInt(40_000) - 20_000);
      set.add(random.nextInt(86_400_000));
      set.add(random.nextLong() % 4_000_000_000_000L);
      for (int column = 1; column < set.size(); column++) {
        if (random.nextInt(5) == 0) {
          set.set(column, null); // NULLs in every column, different rows per column
        }
      }
      sets.add(set);
    }
    ColumnBatch batch = decoded(types, sets);
    assertThat(batch.column(4).layout()).isEqualTo(BatchColumn.Layout.LONGS);
    assertThat(batch.column(6).layout()).isEqualTo(BatchColumn.Layout.DOUBLES);
    try (StorageEngine storage = Storage.open(StorageConfig.defaults(otherDirectory));
        Executor executor = new Executor(storage, ExecutorConfig.defaults(otherDirectory.resolve("spill")))) {
      Planner planner = new Planner(storage.catalog());
      for (String table : List.of("by_lists", "by_columns")) {
        try (QueryExecution ddl = executor.execute(planner.prepare("CREATE TABLE " + table + " " + columns),
            List.of())) {
          ddl.updateCount();
        }
      }
      String values = " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      PreparedPlan byLists = planner.prepare("INSERT INTO by_lists" + values);
      PreparedPlan byColumns = planner.prepare("INSERT INTO by_columns" + values);
      assertThat(BatchInsert.of(byColumns).isDirect()).isTrue();
      assertThat(executor.executeOneCommitBatch(byLists, sets)).hasSize(700).containsOnly(1L);
      assertThat(executor.executeOneCommitBatch(byColumns, batch)).hasSize(700).containsOnly(1L);
      List<List<Object>> expected = rows(executor, planner, "SELECT * FROM by_lists ORDER BY id");
      assertThat(expected).hasSize(700);
      assertThat(rows(executor, planner, "SELECT * FROM by_columns ORDER BY id")).isEqualTo(expected);
      assertThat(expected.get(5).get(8)).isIn(null, "ab ", "é  "); // CHAR padded
      assertThat(executor.allocatedBytes()).isZero();
    }
  }

  private static List<List<Object>> rows(Executor executor, Planner planner, String sql) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql), List.of())) {
      return ExecutorTestBase.drain(execution);
    }
  }

  @Test
  void aDecimalColumnTakesTheVectorPathFromColumnsToo() {
    List<ColumnType> types = List.of(ColumnType.INTEGER, ColumnType.decimal(6, 2));
    List<List<Object>> sets = List.of(Arrays.asList(1, new BigDecimal("1.5")), Arrays.asList(2, null));
    ColumnBatch batch = decoded(types, sets);
    assertThat(batch.get(1, 0)).isEqualTo(new BigDecimal("1.5"));
  }
}
