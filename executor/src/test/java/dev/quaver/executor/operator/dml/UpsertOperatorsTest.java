package dev.quaver.executor.operator.dml;

import static dev.quaver.type.ColumnType.BIGINT;
import static dev.quaver.type.ColumnType.INTEGER;
import static dev.quaver.type.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.Executor;
import dev.quaver.executor.ExecutorTestBase;
import dev.quaver.executor.QueryExecution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalReindex;
import dev.quaver.storage.ConflictAction;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** InsertOperator with conflict actions and ReindexOperator, over the real storage engine. */
class UpsertOperatorsTest extends ExecutorTestBase {
  private static final List<Field> COUNT = List.of(field("rows", BIGINT));
  private static final List<Field> COLUMNS = List.of(field("ID", INTEGER), field("NAME", TEXT));

  @TempDir Path directory;
  private StorageEngine engine;
  private Executor real;
  private TableDef table;

  @BeforeEach
  void openEngine() {
    engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5));
    real = new Executor(engine, config(64L << 20));
    engine.catalog().createTable(new TableDef(0, "T", List.of(new ColumnDef("ID", INTEGER, false, null),
        new ColumnDef("NAME", TEXT, true, null)), List.of(0), List.of(0), 2, List.of()));
    table = engine.catalog().createIndex("T", new IndexDef("T_NAME", List.of(1), true));
    assertThat(insert(ConflictAction.ERROR, new Object[] {1, "a"}, new Object[] {2, "b"})).isEqualTo(2);
  }

  @AfterEach
  void closeEngine() {
    real.close();
    engine.close();
  }

  @Test
  void replaceCountsInsertedRowsAndRemovesConflicts() {
    assertThat(insert(ConflictAction.REPLACE, new Object[] {1, "b"}, new Object[] {3, "c"})).isEqualTo(2);
    assertThat(names()).containsExactlyInAnyOrder("1=b", "3=c");
  }

  @Test
  void ignoreLeavesSkippedRowsOutOfTheCount() {
    assertThat(insert(ConflictAction.IGNORE, new Object[] {1, "x"}, new Object[] {4, "b"},
        new Object[] {5, "e"})).isEqualTo(1);
    assertThat(names()).containsExactlyInAnyOrder("1=a", "2=b", "5=e");
  }

  @Test
  void reindexRebuildsAndCountsIndexes() {
    PhysicalNode reindex = new PhysicalReindex(List.of(new PhysicalReindex.Target(table, "T_NAME")), COUNT, SINGLE);
    try (QueryExecution execution = real.execute(dmlPlan(reindex), List.of())) {
      assertThat(execution.updateCount()).isEqualTo(1);
    }
    assertThat(insert(ConflictAction.IGNORE, new Object[] {9, "a"})).isZero();
  }

  private long insert(ConflictAction action, Object[]... rows) {
    PhysicalInsert insert = new PhysicalInsert(table, values(COLUMNS, rows), COUNT, SINGLE, rows.length, action);
    try (QueryExecution execution = real.execute(dmlPlan(insert), List.of())) {
      return execution.updateCount();
    }
  }

  private List<String> names() {
    List<String> names = new ArrayList<>();
    for (List<Object> row : drainReal(scan(table, false, null))) {
      names.add(row.get(0) + "=" + row.get(1));
    }
    return names;
  }

  private List<List<Object>> drainReal(PhysicalNode root) {
    try (QueryExecution execution = real.execute(queryPlan(root), List.of())) {
      return drain(execution);
    }
  }
}
