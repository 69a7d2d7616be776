package dev.quaver.executor;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.fragment.Fragment;
import dev.quaver.executor.fragment.FragmentInstance;
import dev.quaver.executor.fragment.ParallelQuery;
import dev.quaver.executor.fragment.PlanFragmenter;
import dev.quaver.executor.fragment.WorkerPool;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OperatorBuilder;
import dev.quaver.executor.profile.ExplainAnalyze;
import dev.quaver.executor.operator.dml.InsertOperator;
import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.planner.SessionSettings;
import dev.quaver.planner.Settings;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.storage.StorageEngine;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs prepared plans against the storage: builds one operator per physical node, gives each
 * statement its own Arrow allocator (a child of the executor's root, limited to the query
 * memory limit), applies DDL to the catalog and commits DML atomically.
 *
 * <p>Per kind: QUERY returns a streaming execution (rows are pulled lazily by {@code next()});
 * DML runs to completion here (one WriteBatch, one commit) and returns its update count; DDL is
 * applied to {@code storage.catalog()} (update count 0); EXPLAIN returns the plan lines as rows of
 * one VARCHAR column "plan". Every statement reads at {@code storage.currentSnapshot()} taken
 * once when it starts. A query whose plan has exchanges runs partition-parallel when its
 * parallelism (the configuration's, or the session's {@code SET parallelism}) is above 1: cut
 * into fragments whose instances run on the executor's {@link WorkerPool} (see
 * {@link ParallelQuery}); DML, DDL and parallelism 1 run in the caller's thread.
 *
 * <p>Thread safety: safe for concurrent use; each QueryExecution is confined to its caller.
 */
public final class Executor implements AutoCloseable {
  /**
   * The least part of the query memory limit one parallel fragment instance needs: a decoded row
   * group, a few batches in flight in its exchange queue and its operators' spill shares.
   */
  public static final long MIN_INSTANCE_MEMORY_BYTES = 16L << 20;

  private final StorageEngine storage;
  private final ExecutorConfig config;
  private final BufferAllocator root;
  private final AtomicLong statementIds = new AtomicLong();
  private final WorkerPool workers = new WorkerPool();

  public Executor(StorageEngine storage, ExecutorConfig config) {
    this.storage = Objects.requireNonNull(storage, "storage is null");
    this.config = Objects.requireNonNull(config, "config is null");
    this.root = new RootAllocator(config.totalMemoryLimitBytes());
  }

  /**
   * Starts a statement. {@code parameters} are the Java values (see SqlType) of the plan's
   * {@code ?} parameters, already converted to plan.parameterTypes(). Errors are thrown as
   * QuaverExceptions; the allocator is released on failure.
   */
  public QueryExecution execute(PreparedPlan plan, List<Object> parameters) {
    return execute(plan, parameters, SessionSettings.DEFAULTS);
  }

  /**
   * Starts a statement under a session's settings: a query memory limit the session SET
   * (capped at the server-wide limit) replaces the configured one for this statement.
   */
  public QueryExecution execute(PreparedPlan plan, List<Object> parameters, SessionSettings settings) {
    Objects.requireNonNull(plan, "plan is null");
    ExecutorConfig config = statementConfig(settings);
    List<Object> values = checkParameters(plan, parameters == null ? List.of() : parameters);
    switch (plan.kind()) {
      case DDL:
        try {
          DdlApplier.apply(storage, plan.ddl(), root);
        } catch (Throwable t) {
          throw Errors.translate(t, config.queryMemoryLimitBytes());
        }
        return new CountExecution(0);
      case EXPLAIN:
        if (plan.root() != null) {
          return rows(explainValues(analyze(plan, values, config)), List.of(), values, config);
        }
        return rows(explainValues(plan.explainLines()), List.of(), values, config);
      case QUERY:
        return rows(plan.root(), plan.resultFields(), values, config);
      case DML:
        return new CountExecution(runDml(plan.root(), values, storage, config));
    }
    throw new AssertionError(plan.kind());
  }

  /**
   * True when a batch of this plan can run as one write batch with one commit: an INSERT whose
   * rows come from VALUES and parameters only (it reads no table, so no statement of the batch
   * needs to see an earlier one's rows).
   */
  public static boolean isOneCommitBatch(PreparedPlan plan) {
    return plan.kind() == PreparedPlan.Kind.DML && plan.root() instanceof PhysicalInsert insert
        && readsNoTable(insert.input());
  }

  /**
   * Runs the plan once per parameter set, all writes into one write batch committed once, so a
   * batch of N rows costs one WAL record and one sync instead of N. Atomic: when any set fails
   * (a constraint, a bad value), nothing of the batch is written. Returns each set's update count.
   * An {@code INSERT ... VALUES (?, ...)} runs as one statement over all sets ({@link BatchInsert}:
   * column vectors of all rows at once); other plans run once per set into a shared write batch.
   *
   * <p>Requires: {@code isOneCommitBatch(plan)}.
   */
  public long[] executeOneCommitBatch(PreparedPlan plan, List<List<Object>> parameterSets) {
    if (!isOneCommitBatch(plan)) {
      throw new IllegalArgumentException("not a one-commit batch plan: " + plan.sql());
    }
    if (parameterSets.isEmpty()) {
      return new long[0];
    }
    BatchInsert insert = BatchInsert.of(plan);
    if (insert != null) {
      return runBatchInsert(insert, plan, parameterSets);
    }
    SharedBatchStorage batchStorage = new SharedBatchStorage(storage, storage.currentSnapshot());
    long[] counts = new long[parameterSets.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = runDml(plan.root(), checkParameters(plan, parameterSets.get(i)), batchStorage, config);
    }
    try {
      batchStorage.commitShared();
    } catch (Throwable t) {
      throw Errors.translate(t, config.queryMemoryLimitBytes());
    }
    return counts;
  }

  /**
   * {@link #executeOneCommitBatch(PreparedPlan, List)} over the sets as the server decoded them:
   * an INSERT of parameters reads the columns in place (no list per set); other plans get the
   * sets as lists. Requires: {@code isOneCommitBatch(plan)}.
   */
  public long[] executeOneCommitBatch(PreparedPlan plan, dev.quaver.protocol.ColumnBatch parameterSets) {
    BatchInsert insert = isOneCommitBatch(plan) && parameterSets.rowCount() > 0 ? BatchInsert.of(plan) : null;
    if (insert == null) {
      List<List<Object>> sets = new ArrayList<>(parameterSets.rowCount());
      for (int i = 0; i < parameterSets.rowCount(); i++) {
        sets.add(parameterSets.row(i));
      }
      return executeOneCommitBatch(plan, sets);
    }
    BatchInsert.validate(plan, parameterSets);
    return runBatchInsert(insert, BatchInsert.ParameterSets.of(parameterSets));
  }

  /** Bytes allocated by running statements right now (0 when idle: tests assert it). */
  public long allocatedBytes() {
    return root.getAllocatedMemory();
  }

  /** Fragment instances running on worker threads right now (0 when idle: tests assert it). */
  public int runningFragmentInstances() {
    return workers.runningInstances();
  }

  @Override
  public void close() {
    workers.close();
    root.close();
  }

  /**
   * EXPLAIN ANALYZE: runs the plan to its end with every operator profiled (a DML plan writes
   * and commits), then returns the EXPLAIN lines with the actuals of each operator.
   */
  private List<String> analyze(PreparedPlan plan, List<Object> parameters, ExecutorConfig config) {
    Statement statement = start(parameters, storage, config);
    ExplainAnalyze profile = new ExplainAnalyze(statement.context());
    try {
      Operator root = buildRoot(plan.root(), statement.context(), config, profile::decorator);
      statement.setRoot(root);
      if (root instanceof ParallelQuery parallel) {
        profile.fragments(parallel.fragments());
      }
      profile.drain(root);
      root.close();
      List<String> lines = profile.lines(plan.root(), plan.explainLines());
      statement.close();
      return lines;
    } catch (Throwable t) {
      throw statement.fail(statement.root() instanceof ParallelQuery parallel ? parallel.firstFailureOr(t) : t);
    }
  }

  /** The configuration one statement runs with: the executor's, or the session's memory limit and parallelism. */
  private ExecutorConfig statementConfig(SessionSettings settings) {
    ExecutorConfig statement = config;
    if (settings != null && settings.isSet(Settings.QUERY_MEMORY_LIMIT)) {
      statement = statement.withQueryMemoryLimit(
          Math.min(settings.get(Settings.QUERY_MEMORY_LIMIT), config.totalMemoryLimitBytes()));
    }
    if (settings != null && settings.isSet(Settings.PARALLELISM) && settings.get(Settings.PARALLELISM) > 0) {
      statement = statement.withParallelism(settings.get(Settings.PARALLELISM).intValue());
    }
    return statement;
  }

  /**
   * The root operator of a query: its fragments running in parallel when the plan has exchanges
   * and the parallelism is above 1, else the serial operator tree (exchanges are pass-throughs).
   */
  private Operator buildRoot(PhysicalNode node, ExecutionContext context, ExecutorConfig config,
      Function<FragmentInstance, BiFunction<PhysicalNode, Operator, Operator>> decorators) {
    if (config.parallelism() > 1) {
      Optional<List<Fragment>> fragments = PlanFragmenter.cut(node);
      if (fragments.isPresent() && fitsInstances(fragments.get(), config)) {
        return ParallelQuery.start(fragments.get(), context, workers, config.parallelism(), decorators);
      }
    }
    return new OperatorBuilder(context, decorators.apply(FragmentInstance.SERIAL)).build(node);
  }

  /**
   * Whether the query memory limit leaves every instance of the widest fragment at least
   * {@link #MIN_INSTANCE_MEMORY_BYTES}: instances hold their batches, exchange queues and operator
   * shares at the same time, so under a small limit (SET query_memory_limit = '4MB') a parallel
   * plan would fail with 53200 where the serial one spills and finishes. Such queries run serially.
   */
  private static boolean fitsInstances(List<Fragment> fragments, ExecutorConfig config) {
    int widest = fragments.stream().mapToInt(Fragment::instances).max().orElse(1);
    return config.queryMemoryLimitBytes() / widest >= MIN_INSTANCE_MEMORY_BYTES;
  }

  /** A streaming execution of {@code node}; {@code fields} (the plan's result fields) name the columns. */
  private QueryExecution rows(PhysicalNode node, List<Field> fields, List<Object> parameters,
      ExecutorConfig config) {
    Statement statement = start(parameters, storage, config);
    try {
      statement.setRoot(buildRoot(node, statement.context(), config, instance -> (n, operator) -> operator));
      return new RowsExecution(statement, fields.isEmpty() ? node.fields() : fields);
    } catch (Throwable t) {
      throw statement.fail(t);
    }
  }

  private long runDml(PhysicalNode node, List<Object> parameters, StorageEngine target, ExecutorConfig config) {
    Statement statement = start(parameters, target, config);
    try {
      Operator operator = new OperatorBuilder(statement.context()).build(node);
      statement.setRoot(operator);
      VectorSchemaRoot result = operator.next();
      long count = result == null || result.getRowCount() == 0 ? 0
          : ((Number) VectorValues.get(result.getFieldVectors().get(0), 0)).longValue();
      statement.close();
      return count;
    } catch (Throwable t) {
      throw statement.fail(t);
    }
  }

  /**
   * Runs an INSERT-of-parameters batch as one statement over all sets ({@link BatchInsert}): one
   * insert operator, one write batch, one commit. Each set inserts exactly one row, so each count
   * is 1; should a count ever differ (nothing today), every set gets -2, JDBC's SUCCESS_NO_INFO.
   */
  private long[] runBatchInsert(BatchInsert insert, PreparedPlan plan, List<List<Object>> sets) {
    for (List<Object> set : sets) {
      validateParameters(plan, set);
    }
    return runBatchInsert(insert, BatchInsert.ParameterSets.of(sets));
  }

  private long[] runBatchInsert(BatchInsert insert, BatchInsert.ParameterSets sets) {
    Statement statement = start(List.of());
    long count;
    try {
      Operator operator = new InsertOperator(insert.input(sets, statement.context()), insert.node(),
          statement.context());
      statement.setRoot(operator);
      VectorSchemaRoot result = operator.next();
      count = result == null || result.getRowCount() == 0 ? 0
          : ((Number) VectorValues.get(result.getFieldVectors().get(0), 0)).longValue();
      statement.close();
    } catch (Throwable t) {
      throw statement.fail(t);
    }
    long[] counts = new long[sets.size()];
    java.util.Arrays.fill(counts, count == sets.size() ? 1 : -2);
    return counts;
  }

  private Statement start(List<Object> parameters) {
    return start(parameters, storage, config);
  }

  private Statement start(List<Object> parameters, StorageEngine target, ExecutorConfig config) {
    BufferAllocator allocator = root.newChildAllocator("statement-" + statementIds.incrementAndGet(), 0,
        config.queryMemoryLimitBytes());
    try {
      ExecutionContext context = new ExecutionContext(target, config, allocator, parameters,
          target.currentSnapshot(), System.currentTimeMillis());
      return new Statement(allocator, context);
    } catch (Throwable t) {
      allocator.close();
      throw Errors.translate(t, config.queryMemoryLimitBytes());
    }
  }

  private static boolean readsNoTable(PhysicalNode node) {
    if (node instanceof PhysicalTableScan) {
      return false;
    }
    for (PhysicalNode input : node.inputs()) {
      if (!readsNoTable(input)) {
        return false;
      }
    }
    return true;
  }

  private static PhysicalNode explainValues(List<String> lines) {
    List<List<PhysicalExpr>> rows = new ArrayList<>();
    for (String line : lines == null ? List.<String>of() : lines) {
      rows.add(List.of(new PhysicalExpr.Literal(line, ColumnType.TEXT)));
    }
    return new PhysicalValues(rows, List.of(new Field("plan", ColumnType.TEXT, false)),
        Distribution.single(), rows.size());
  }

  /** Checks the count of parameters and that each value has its type's Java class. */
  private static List<Object> checkParameters(PreparedPlan plan, List<Object> parameters) {
    validateParameters(plan, parameters);
    return new ArrayList<>(parameters);
  }

  private static void validateParameters(PreparedPlan plan, List<Object> parameters) {
    List<ColumnType> types = plan.parameterTypes();
    if (parameters.size() != types.size()) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
          "statement has %d parameters but %d values were given", types.size(), parameters.size());
    }
    for (int i = 0; i < types.size(); i++) {
      Object value = parameters.get(i);
      Class<?> expected = types.get(i).type().javaClass();
      if (value != null && !expected.isInstance(value)) {
        throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
            "parameter %d must be a %s (%s) but is a %s: %s", i + 1, types.get(i),
            expected.getSimpleName(), value.getClass().getSimpleName(), value);
      }
    }
  }
}
