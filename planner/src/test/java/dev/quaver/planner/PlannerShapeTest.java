package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalDelete;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalLimit;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.planner.physical.PhysicalUpdate;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.planner.sql.DdlCommand;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes of plans the executor relies on: DML inputs, types, parameters, caching. */
class PlannerShapeTest {
  private final InMemoryCatalog catalog = PlannerFixture.catalog();
  private final Planner planner = new Planner(catalog);

  @Test
  void insertValuesFillsDefaultsAndCastsToColumnTypes() {
    PreparedPlan plan = planner.prepare("INSERT INTO t2 (x) VALUES (1), (2)");
    assertThat(plan.kind()).isEqualTo(PreparedPlan.Kind.DML);
    PhysicalInsert insert = (PhysicalInsert) plan.root();
    PhysicalValues values = (PhysicalValues) insert.input();
    assertThat(values.rows()).hasSize(2);
    List<PhysicalExpr> row = values.rows().get(0);
    assertThat(row).extracting(PhysicalExpr::type).containsExactly(
        ColumnType.BIGINT, ColumnType.decimal(10, 2), ColumnType.character(5), ColumnType.DATE);
    assertThat(values.fields()).extracting(Field::name).containsExactly("X", "Y", "Z", "D");
    assertThat(insert.fields()).extracting(Field::type).containsExactly(ColumnType.BIGINT);
  }

  @Test
  void insertWithParameters() {
    PreparedPlan plan = planner.prepare("INSERT INTO t1 VALUES (?, ?, ?)");
    assertThat(plan.parameterTypes()).containsExactly(ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.varchar(20));
    PhysicalValues values = (PhysicalValues) ((PhysicalInsert) plan.root()).input();
    assertThat(values.rows().get(0).get(0)).isInstanceOf(PhysicalExpr.Parameter.class);
  }

  @Test
  void insertSelect() {
    PreparedPlan plan = planner.prepare("INSERT INTO t2 SELECT a, b, c, NULL FROM t1 WHERE a > 1");
    PhysicalInsert insert = (PhysicalInsert) plan.root();
    assertThat(insert.input().fields()).extracting(Field::type).containsExactly(
        ColumnType.BIGINT, ColumnType.decimal(10, 2), ColumnType.character(5), ColumnType.DATE);
  }

  @Test
  void updateCarriesTheRowKeyThroughSubqueryJoins() {
    PreparedPlan plan = planner.prepare("UPDATE t1 SET b = b + 1 WHERE b IN (SELECT x FROM t2 WHERE y > 0)");
    PhysicalUpdate update = (PhysicalUpdate) plan.root();
    List<Field> fields = update.input().fields();
    assertThat(fields).hasSize(4);
    assertThat(fields.subList(0, 3)).extracting(Field::type)
        .containsExactly(ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.varchar(20));
    assertThat(scans(update)).anySatisfy(scan -> {
      assertThat(scan.table().name()).isEqualTo("T1");
      assertThat(scan.withRowKey()).isTrue();
    });
  }

  @Test
  void deleteOfTableWithoutPrimaryKeyHasKeyLast() {
    PreparedPlan plan = planner.prepare("DELETE FROM t2 WHERE x = 1");
    PhysicalDelete delete = (PhysicalDelete) plan.root();
    assertThat(delete.input().fields()).hasSize(1);
    PhysicalTableScan scan = scans(delete).get(0);
    assertThat(scan.withRowKey()).isTrue();
    assertThat(scan.columns()).containsExactly(0);
  }

  @Test
  void timestampLiteralKeepsMilliseconds() {
    InMemoryCatalog withTimestamp = PlannerFixture.catalog();
    withTimestamp.createTable(TestTables.table("TS", List.of(
        new dev.quaver.storage.catalog.ColumnDef("T", ColumnType.TIMESTAMP, true, null)), List.of()));
    PreparedPlan plan = new Planner(withTimestamp).prepare("INSERT INTO ts VALUES (TIMESTAMP '2000-01-01 00:00:00.5')");
    PhysicalExpr value = ((PhysicalValues) ((PhysicalInsert) plan.root()).input()).rows().get(0).get(0);
    while (value instanceof PhysicalExpr.Call call) {
      value = call.operands().get(0);
    }
    assertThat(((PhysicalExpr.Literal) value).value()).isEqualTo(946684800500L);
  }

  @Test
  void aggregateTypes() {
    PreparedPlan plan = planner.prepare("SELECT SUM(a), AVG(a), COUNT(*), COUNT(DISTINCT b) FROM t1");
    assertThat(plan.resultFields()).extracting(Field::type).containsExactly(
        ColumnType.BIGINT, ColumnType.DOUBLE, ColumnType.BIGINT, ColumnType.BIGINT);
    PhysicalHashAggregate aggregate = find(plan.root(), PhysicalHashAggregate.class).get(0);
    assertThat(aggregate.calls()).extracting(c -> c.function()).contains(AggregateFunction.COUNT_STAR);
  }

  @Test
  void characterLiteralsAreVarchar() {
    PreparedPlan plan = planner.prepare("SELECT 'abc', CASE WHEN a > 1 THEN 'x' ELSE 'yyy' END FROM t1");
    assertThat(plan.resultFields()).extracting(f -> f.type().type()).containsOnly(SqlType.VARCHAR);
  }

  @Test
  void comparisonOperandsShareOneType() {
    PreparedPlan plan = planner.prepare("SELECT * FROM t1, t2 WHERE a = x AND b < y");
    for (PhysicalExpr.Call call : calls(plan.root())) {
      if (call.function() == ScalarFunction.EQUALS || call.function() == ScalarFunction.LESS_THAN) {
        assertThat(call.operands().get(0).type()).isEqualTo(call.operands().get(1).type());
      }
    }
  }

  @Test
  void limitWithParameter() {
    PreparedPlan plan = planner.prepare("SELECT a FROM t1 ORDER BY b LIMIT ?");
    assertThat(find(plan.root(), PhysicalLimit.class).get(0).fetchParameter()).isNotNull();
    assertThat(plan.parameterTypes()).hasSize(1);
  }

  @Test
  void viewIsExpanded() {
    PreparedPlan plan = planner.prepare("SELECT bb FROM v1 WHERE a < 10");
    assertThat(plan.resultFields()).extracting(Field::name).containsExactly("BB");
    assertThat(scans(plan.root())).extracting(s -> s.table().name()).containsExactly("T1");
  }

  @Test
  void scansReadOnlyUsedColumns() {
    PreparedPlan plan = planner.prepare("SELECT c FROM t1 WHERE b > 3");
    assertThat(scans(plan.root()).get(0).columns()).containsExactly(1, 2);
  }

  @Test
  void plansAreCachedUntilTheCatalogChanges() {
    PreparedPlan first = planner.prepare("SELECT a FROM t1");
    assertThat(planner.prepare("SELECT a FROM t1;")).isSameAs(first);
    catalog.dropView("V1");
    assertThat(planner.prepare("SELECT a FROM t1")).isNotSameAs(first);
  }

  @Test
  void ddlIsConverted() {
    PreparedPlan plan = planner.prepare("CREATE TABLE t9 (k INTEGER PRIMARY KEY, v VARCHAR(10))");
    assertThat(plan.kind()).isEqualTo(PreparedPlan.Kind.DDL);
    assertThat(plan.ddl()).isInstanceOf(DdlCommand.CreateTable.class);
    PreparedPlan view = planner.prepare("CREATE VIEW v2 AS SELECT a, c FROM t1");
    assertThat(((DdlCommand.CreateView) view.ddl()).view().sql()).contains("T1");
  }

  @Test
  void explainHasOneVarcharColumn() {
    PreparedPlan plan = planner.prepare("EXPLAIN SELECT a FROM t1 WHERE b = 1");
    assertThat(plan.kind()).isEqualTo(PreparedPlan.Kind.EXPLAIN);
    assertThat(plan.resultFields()).extracting(Field::name).containsExactly("PLAN");
    assertThat(plan.explainLines()).isNotEmpty();
  }

  @Test
  void warmUpWorksOnAnEmptyCatalog() {
    new Planner(new InMemoryCatalog()).warmUp();
  }

  static List<PhysicalTableScan> scans(PhysicalNode root) {
    return find(root, PhysicalTableScan.class);
  }

  static <T> List<T> find(PhysicalNode root, Class<T> type) {
    List<T> result = new ArrayList<>();
    if (type.isInstance(root)) {
      result.add(type.cast(root));
    }
    for (PhysicalNode input : root.inputs()) {
      result.addAll(find(input, type));
    }
    return result;
  }

  private static List<PhysicalExpr.Call> calls(PhysicalNode root) {
    List<PhysicalExpr.Call> result = new ArrayList<>();
    for (var filter : find(root, dev.quaver.planner.physical.PhysicalFilter.class)) {
      collect(filter.condition(), result);
    }
    for (var scan : scans(root)) {
      if (scan.filter() != null) {
        collect(scan.filter(), result); // a filter on a scan is pushed into it (#7)
      }
    }
    for (var join : find(root, dev.quaver.planner.physical.PhysicalHashJoin.class)) {
      if (join.residual() != null) {
        collect(join.residual(), result);
      }
    }
    for (var join : find(root, dev.quaver.planner.physical.PhysicalNestedLoopJoin.class)) {
      if (join.condition() != null) {
        collect(join.condition(), result);
      }
    }
    return result;
  }

  private static void collect(PhysicalExpr expr, List<PhysicalExpr.Call> result) {
    if (expr instanceof PhysicalExpr.Call call) {
      result.add(call);
      call.operands().forEach(operand -> collect(operand, result));
    }
  }
}
