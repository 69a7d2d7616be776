package dev.quaver.executor;

import static dev.quaver.type.ColumnType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.SortKey;
import dev.quaver.planner.sql.DdlCommand;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ExecutorTest extends ExecutorTestBase {
  private static final List<Field> ONE = List.of(field("A", INTEGER));

  private TableDef numbers(int count) {
    Object[][] rows = new Object[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = new Object[] {i};
    }
    return table("N", ONE, rows);
  }

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private long ddl(DdlCommand command) {
    return executor.execute(new PreparedPlan("ddl", PreparedPlan.Kind.DDL, List.of(), List.of(), null, command,
        null, 0), List.of()).updateCount();
  }

  @Test
  void queryStreamsBatchesLazily() {
    TableDef table = numbers(10);
    try (QueryExecution execution = executor.execute(queryPlan(scan(table, false, null)), List.of())) {
      assertThat(execution.returnsRows()).isTrue();
      assertThat(execution.updateCount()).isEqualTo(-1);
      assertThat(execution.fields()).extracting(Field::name).containsExactly("A");
      VectorSchemaRoot first = execution.next();
      assertThat(first.getRowCount()).isEqualTo(3);
      assertThat(executor.allocatedBytes()).isPositive();
    }
    assertThat(executor.allocatedBytes()).isZero();
  }

  @Test
  void cancelStopsTheNextBatch() {
    TableDef table = numbers(10);
    QueryExecution execution = executor.execute(queryPlan(scan(table, false, null)), List.of());
    assertThat(execution.next()).isNotNull();
    execution.cancel();
    assertCode(execution::next, ErrorCode.QUERY_CANCELED);
    assertThat(executor.allocatedBytes()).isZero();
    execution.close();
  }

  @Test
  void parameterCountAndTypesAreChecked() {
    PhysicalNode node = values(ONE, new Object[] {1});
    assertCode(() -> executor.execute(queryPlan(node, INTEGER), List.of()), ErrorCode.INVALID_PARAMETER_VALUE);
    assertCode(() -> executor.execute(queryPlan(node, INTEGER), List.of("x")), ErrorCode.INVALID_PARAMETER_VALUE);
  }

  @Test
  void memoryLimitFailsWithOutOfMemoryAndReleasesEverything() {
    executor.close();
    executor = new Executor(storage, config(64 * 1024));
    TableDef table = numbers(5000);
    PhysicalNode sort = new PhysicalSort(scan(table, false, null), List.of(new SortKey(0, true, false)), 0, -1,
        SINGLE, 5000);
    List<List<Object>> sorted = query(sort); // spills to disk (issue #6) instead of failing
    assertThat(sorted).hasSize(5000);
    assertThat(sorted.get(0)).containsExactly(4999);
    assertThat(sorted.get(4999)).containsExactly(0);
    // a nested-loop join cannot spill: its right side must fit
    List<Field> fields = new ArrayList<>(ONE);
    fields.addAll(ONE);
    PhysicalNode cross = new dev.quaver.planner.physical.PhysicalNestedLoopJoin(scan(table, false, null),
        scan(table, false, null), dev.quaver.planner.physical.JoinType.INNER, null, fields, SINGLE, 1);
    assertCode(() -> query(cross), ErrorCode.OUT_OF_MEMORY);
    assertThat(query(values(ONE, new Object[] {1}))).hasSize(1); // the executor goes on serving
  }

  @Test
  void errorInsideTheTreeReleasesTheAllocator() {
    TableDef table = numbers(10);
    List<Field> fields = new ArrayList<>(ONE);
    PhysicalNode bad = new dev.quaver.planner.physical.PhysicalHashAggregate(scan(table, false, null), List.of(),
        List.of(new dev.quaver.planner.physical.AggregateCall(dev.quaver.planner.physical.AggregateFunction.SINGLE_VALUE,
            List.of(0), false, -1, INTEGER, true, null, "S")), dev.quaver.planner.physical.AggregatePhase.SINGLE,
        fields, SINGLE, 1);
    assertCode(() -> query(bad), ErrorCode.CARDINALITY_VIOLATION);
  }

  @Test
  void explainReturnsPlanLines() {
    PreparedPlan plan = new PreparedPlan("explain", PreparedPlan.Kind.EXPLAIN, List.of(),
        List.of(field("plan", ColumnType.TEXT)), null, null, List.of("Scan(T)", "  Filter"), 0);
    try (QueryExecution execution = executor.execute(plan, List.of())) {
      assertThat(drain(execution)).containsExactly(row("Scan(T)"), row("  Filter"));
    }
  }

  @Test
  void ddlAppliesToCatalogWithIfExistsAndOrReplace() {
    TableDef def = new TableDef(0, "X", List.of(new ColumnDef("A", INTEGER, true, null)), List.of(), List.of(), 1,
        List.of());
    assertThat(ddl(new DdlCommand.CreateTable(def, false))).isZero();
    assertThat(ddl(new DdlCommand.CreateTable(def, true))).isZero();
    assertCode(() -> ddl(new DdlCommand.CreateTable(def, false)), ErrorCode.DUPLICATE_TABLE);
    ddl(new DdlCommand.CreateIndex("X", new IndexDef("XA", List.of(0), false), false));
    ddl(new DdlCommand.CreateIndex("X", new IndexDef("XA", List.of(0), false), true));
    assertThat(storage.catalog().tableOfIndex("XA")).isPresent();
    ddl(new DdlCommand.DropIndex("XA", false));
    ddl(new DdlCommand.DropIndex("XA", true));
    assertCode(() -> ddl(new DdlCommand.DropIndex("XA", false)), ErrorCode.UNDEFINED_OBJECT);
    ddl(new DdlCommand.CreateView(new ViewDef("V", "select 1", List.of()), false));
    ddl(new DdlCommand.CreateView(new ViewDef("V", "select 2", List.of()), true));
    assertThat(storage.catalog().view("V").orElseThrow().sql()).isEqualTo("select 2");
    ddl(new DdlCommand.DropView("V", false));
    ddl(new DdlCommand.DropView("V", true));
    ddl(new DdlCommand.DropTable("X", false));
    ddl(new DdlCommand.DropTable("X", true));
    assertCode(() -> ddl(new DdlCommand.DropTable("X", false)), ErrorCode.UNDEFINED_TABLE);
  }

  @Test
  void largeResultStreamsWithinASmallMemoryLimit() {
    executor.close();
    executor = new Executor(storage, new ExecutorConfig(256 * 1024, 1L << 30, 1024, java.nio.file.Path.of("target")));
    TableDef table = numbers(200_000);
    long rows = 0;
    try (QueryExecution execution = executor.execute(queryPlan(scan(table, false, null)), List.of())) {
      for (VectorSchemaRoot batch = execution.next(); batch != null; batch = execution.next()) {
        rows += batch.getRowCount();
      }
    }
    assertThat(rows).isEqualTo(200_000);
  }

  @Test
  void hashJoinBuildSideLargerThanTheMemoryLimitSpills() {
    executor.close();
    executor = new Executor(storage, config(128 * 1024));
    TableDef table = numbers(5000);
    PhysicalNode left = scan(table, false, null);
    PhysicalNode right = scan(table, false, null);
    List<Field> fields = new ArrayList<>(left.fields());
    fields.addAll(right.fields());
    PhysicalNode join = new dev.quaver.planner.physical.PhysicalHashJoin(left, right,
        dev.quaver.planner.physical.JoinType.INNER, List.of(0), List.of(0), null, fields, SINGLE, 1);
    assertThat(query(join)).hasSize(5000); // grace hash join (issue #6)
  }

  @Test
  void cancelDuringAJoinStopsIt() {
    TableDef table = numbers(300);
    PhysicalNode left = scan(table, false, null);
    PhysicalNode right = scan(table, false, null);
    List<Field> fields = new ArrayList<>(left.fields());
    fields.addAll(right.fields());
    PhysicalNode cross = new dev.quaver.planner.physical.PhysicalNestedLoopJoin(left, right,
        dev.quaver.planner.physical.JoinType.INNER, null, fields, SINGLE, 1);
    QueryExecution execution = executor.execute(queryPlan(cross), List.of());
    assertThat(execution.next().getRowCount()).isEqualTo(3);
    execution.cancel();
    assertCode(execution::next, ErrorCode.QUERY_CANCELED);
    execution.close();
  }

  @Test
  void decimalOutOfRangeIsNumericValueOutOfRange() {
    PhysicalNode node = values(List.of(field("D", ColumnType.decimal(3, 1))),
        new Object[] {new java.math.BigDecimal("12345.6")});
    assertCode(() -> query(node), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
  }
}
