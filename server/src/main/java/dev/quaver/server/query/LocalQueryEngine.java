package dev.quaver.server.query;

import dev.quaver.executor.Executor;
import dev.quaver.executor.QueryExecution;
import dev.quaver.planner.Planner;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.planner.SessionSettings;
import dev.quaver.protocol.CatalogInfo;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.IndexInfo;
import dev.quaver.protocol.KeysRequest;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.protocol.TableInfo;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The real engine: storage, planner and executor of one data directory. A prepared statement
 * keeps its PreparedPlan and re-plans (through the planner's text cache) when the catalog version
 * has moved since, so DDL between PREPARE and EXECUTE is seen.
 *
 * <p>Thread safety: safe for concurrent use (planner and executor are).
 */
public final class LocalQueryEngine implements QueryEngine {
  private final StorageEngine storage;
  private final Planner planner;
  private final Executor executor;

  public LocalQueryEngine(StorageEngine storage, Planner planner, Executor executor) {
    this.storage = Objects.requireNonNull(storage, "storage is null");
    this.planner = Objects.requireNonNull(planner, "planner is null");
    this.executor = Objects.requireNonNull(executor, "executor is null");
  }

  @Override
  public EngineStatement prepare(String sql) {
    return new PlannedStatement(planner.prepare(sql));
  }

  /** Plans under the session's settings; each execution uses the settings current then. */
  @Override
  public EngineStatement prepare(String sql, Supplier<SessionSettings> settings) {
    return new PlannedStatement(planner.prepare(sql, settings.get()), settings);
  }

  @Override
  public CatalogInfo catalog() {
    Catalog catalog = storage.catalog();
    List<TableInfo> tables = new ArrayList<>();
    for (TableDef table : catalog.tables()) {
      tables.add(tableInfo(table, TableInfo.PUBLIC_SCHEMA, false));
    }
    for (ViewDef view : catalog.views()) {
      tables.add(new TableInfo(view.name(), true, viewColumns(view), List.of(), List.of()));
    }
    for (TableDef table : catalog.systemTables().tables()) {
      tables.add(tableInfo(table, TableInfo.SYSTEM_SCHEMA, true));
    }
    tables.sort(Comparator.comparing(TableInfo::name).thenComparing(TableInfo::schema));
    return new CatalogInfo(tables);
  }

  private static TableInfo tableInfo(TableDef table, String schema, boolean isSystem) {
    List<ColumnInfo> columns = new ArrayList<>();
    List<String> defaults = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnDef column = table.columns().get(i);
      columns.add(new ColumnInfo(column.name(), column.type(), column.nullable(),
          ColumnOrigins.of(schema, table, i)));
      defaults.add(column.defaultSql());
    }
    List<IndexInfo> indexes = new ArrayList<>();
    for (IndexDef index : table.indexes()) {
      indexes.add(new IndexInfo(index.name(), index.unique(), index.columns()));
    }
    return new TableInfo(table.name(), false, columns, table.primaryKey(), indexes, defaults, schema, isSystem);
  }

  @Override
  public void close() {
    try {
      executor.close();
    } finally {
      storage.close();
    }
  }

  /** A view's columns as its query produces them; names only (VARCHAR) if it no longer plans. */
  private List<ColumnInfo> viewColumns(ViewDef view) {
    try {
      List<ColumnInfo> columns = ArrowBatches.columns(planner.prepare(view.sql()).resultFields());
      if (view.columnNames().size() != columns.size()) {
        return columns;
      }
      List<ColumnInfo> renamed = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        renamed.add(new ColumnInfo(view.columnNames().get(i), columns.get(i).type(), columns.get(i).nullable()));
      }
      return renamed;
    } catch (RuntimeException e) {
      List<ColumnInfo> columns = new ArrayList<>();
      for (String name : view.columnNames()) {
        columns.add(new ColumnInfo(name, ColumnType.TEXT, true));
      }
      return columns;
    }
  }

  /** A PreparedPlan that re-plans itself when the catalog, its statistics or the planner settings changed. */
  private final class PlannedStatement implements EngineStatement {
    private volatile PreparedPlan plan;
    private final Supplier<SessionSettings> settings;
    private volatile String planningKey;

    PlannedStatement(PreparedPlan plan) {
      this(plan, () -> SessionSettings.DEFAULTS);
    }

    PlannedStatement(PreparedPlan plan, Supplier<SessionSettings> settings) {
      this.plan = plan;
      this.settings = settings;
      this.planningKey = settings.get().planningKey();
    }

    @Override
    public List<ColumnType> parameterTypes() {
      return plan.parameterTypes();
    }

    @Override
    public List<ColumnInfo> columns() {
      PreparedPlan current = plan;
      return ColumnOrigins.withOrigins(ArrowBatches.columns(current.resultFields()), current);
    }

    @Override
    public EngineExecution execute(List<Object> parameters) {
      PreparedPlan current = currentPlan();
      return new PlanExecution(executor.execute(current, parameters, settings.get()), current);
    }

    @Override
    public Optional<long[]> executeInOneCommit(List<List<Object>> parameterSets) {
      PreparedPlan current = currentPlan();
      if (!Executor.isOneCommitBatch(current)) {
        return Optional.empty();
      }
      return Optional.of(executor.executeOneCommitBatch(current, parameterSets));
    }

    @Override
    public Optional<long[]> executeInOneCommit(ColumnBatch parameterSets) {
      PreparedPlan current = currentPlan();
      if (!Executor.isOneCommitBatch(current)) {
        return Optional.empty();
      }
      return Optional.of(executor.executeOneCommitBatch(current, parameterSets));
    }

    /**
     * From the plan last used, without re-checking that it is current (that builds the planning
     * key: JFR put it at ~5% of a single-row INSERT's allocation): this only picks the thread, and
     * {@link #executeInOneCommit} re-checks and declines a plan that DDL made another kind.
     */
    @Override
    public boolean isOneCommitWrite() {
      return Executor.isOneCommitBatch(plan);
    }

    @Override
    public GeneratedKeysCollector keys(KeysRequest request) {
      PreparedPlan current = currentPlan();
      if (!(current.root() instanceof PhysicalInsert insert)) {
        return GeneratedKeysCollector.NONE;
      }
      return KeyColumns.collector(insert.table(), request);
    }

    private PreparedPlan currentPlan() {
      PreparedPlan current = plan;
      SessionSettings now = settings.get();
      String key = now.planningKey();
      // Re-planned when DDL moved the catalog, when SET changed a planner-affecting setting, or
      // when a table it reads got new statistics (ANALYZE, an ETL refresh; #7): Planner.current.
      PreparedPlan next = planner.current(current, now);
      if (next != current || !key.equals(planningKey)) {
        plan = next;
        planningKey = key;
      }
      return next;
    }
  }

  /** Adapts the executor's QueryExecution (Arrow) to protocol column batches. */
  private static final class PlanExecution implements EngineExecution {
    private final QueryExecution execution;
    private final PreparedPlan plan;

    PlanExecution(QueryExecution execution, PreparedPlan plan) {
      this.execution = execution;
      this.plan = plan;
    }

    @Override
    public boolean returnsRows() {
      return execution.returnsRows();
    }

    @Override
    public List<ColumnInfo> columns() {
      return ColumnOrigins.withOrigins(ArrowBatches.columns(execution.fields()), plan);
    }

    @Override
    public long updateCount() {
      return execution.updateCount();
    }

    @Override
    public ColumnBatch next() {
      VectorSchemaRoot root = execution.next();
      return root == null ? null : ArrowBatches.toColumnBatch(root, execution.fields());
    }

    @Override
    public void cancel() {
      execution.cancel();
    }

    @Override
    public void close() {
      execution.close();
    }
  }
}
