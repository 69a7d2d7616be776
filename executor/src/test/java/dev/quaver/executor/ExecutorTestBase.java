package dev.quaver.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared setup of executor tests: a FakeStorage, an Executor with small batches (3 rows, so
 * every operator sees several batches), plan-building helpers, and the check after every test
 * that no Arrow memory is left allocated.
 */
public abstract class ExecutorTestBase {
  protected static final Distribution SINGLE = Distribution.single();
  protected FakeStorage storage;
  protected Executor executor;

  @BeforeEach
  void startExecutor() {
    storage = new FakeStorage();
    executor = new Executor(storage, config(64L << 20));
  }

  @AfterEach
  void checkNoLeak() {
    assertThat(executor.allocatedBytes()).isZero();
    executor.close();
  }

  protected static ExecutorConfig config(long queryLimit) {
    return new ExecutorConfig(queryLimit, 1L << 30, 3, Path.of("target/spill"));
  }

  // ---- plan helpers ----

  protected static Field field(String name, ColumnType type) {
    return new Field(name, type, true);
  }

  protected static PhysicalExpr ref(int index, ColumnType type) {
    return new PhysicalExpr.InputRef(index, type, true);
  }

  protected static PhysicalExpr literal(Object value, ColumnType type) {
    return new PhysicalExpr.Literal(value, type);
  }

  /** VALUES of literal rows; every column has the given type. */
  protected static PhysicalValues values(List<Field> fields, Object[]... rows) {
    List<List<PhysicalExpr>> exprs = new ArrayList<>();
    for (Object[] row : rows) {
      List<PhysicalExpr> list = new ArrayList<>();
      for (int i = 0; i < row.length; i++) {
        list.add(literal(row[i], fields.get(i).type()));
      }
      exprs.add(list);
    }
    return new PhysicalValues(exprs, fields, SINGLE, rows.length);
  }

  /** Creates a table in the fake catalog with nullable columns and inserts rows. */
  protected TableDef table(String name, List<Field> columns, Object[]... rows) {
    List<ColumnDef> defs = new ArrayList<>();
    for (Field column : columns) {
      defs.add(new ColumnDef(column.name(), column.type(), true, null));
    }
    TableDef table = storage.catalog().createTable(
        new TableDef(0, name, defs, List.of(), List.of(), 1, List.of()));
    for (Object[] row : rows) {
      storage.insert(name, row);
    }
    return table;
  }

  protected static PhysicalTableScan scan(TableDef table, boolean withRowKey, PhysicalExpr filter) {
    List<Integer> columns = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      columns.add(i);
      fields.add(field(table.columns().get(i).name(), table.columns().get(i).type()));
    }
    if (withRowKey) {
      fields.add(field("$rowkey", ColumnType.TEXT));
    }
    return new PhysicalTableScan(table, columns, withRowKey, filter, fields, SINGLE, 10);
  }

  protected static PreparedPlan queryPlan(PhysicalNode root, ColumnType... parameterTypes) {
    return new PreparedPlan("test", PreparedPlan.Kind.QUERY, List.of(parameterTypes), root.fields(), root,
        null, null, 0);
  }

  protected static PreparedPlan dmlPlan(PhysicalNode root) {
    return new PreparedPlan("test", PreparedPlan.Kind.DML, List.of(), root.fields(), root, null, null, 0);
  }

  /** Runs a query and returns all rows as lists (NULL as null). */
  protected List<List<Object>> query(PhysicalNode root, Object... parameters) {
    ColumnType[] types = new ColumnType[parameters.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = ColumnType.INTEGER;
    }
    try (QueryExecution execution = executor.execute(queryPlan(root, types), Arrays.asList(parameters))) {
      return drain(execution);
    }
  }

  protected static List<List<Object>> drain(QueryExecution execution) {
    List<List<Object>> rows = new ArrayList<>();
    for (VectorSchemaRoot batch = execution.next(); batch != null; batch = execution.next()) {
      for (int i = 0; i < batch.getRowCount(); i++) {
        List<Object> row = new ArrayList<>();
        for (FieldVector vector : batch.getFieldVectors()) {
          row.add(VectorValues.get(vector, i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  protected static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
