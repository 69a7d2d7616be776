package dev.quaver.executor.operator.dml;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.OperatorBuilder;
import dev.quaver.executor.vector.Batches;
import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.planner.sql.TriggerStatements;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.TriggerDef;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Row-level triggers of one INSERT, UPDATE or DELETE. The DML operator hands every input row to
 * {@link #add}; {@link #fire} then, row by row in input order, runs the BEFORE triggers, writes
 * the row, and runs the AFTER triggers (each group in trigger-name order). A trigger runs when its
 * WHEN condition is true (and, for UPDATE OF, when one of its columns changes value); its body
 * statements run with NEW / OLD bound to the row's values; they read the statement's snapshot
 * plus the writes the statement and its triggers made so far, and their writes join the
 * statement's ({@link TriggerFiringBatch}), so the statement and everything its triggers did
 * commit together or not at all. Triggers fired by a body statement's own writes run the same
 * way, up to {@link #MAX_DEPTH} levels (then PROGRAM_LIMIT_EXCEEDED, 54000).
 *
 * <p>Thread safety: confined to the statement's thread (the nesting depth is per thread).
 */
final class TriggerFiring {
  /** Nesting levels of triggers fired by triggers; deeper is taken for endless recursion. */
  static final int MAX_DEPTH = 32;
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final TableDef table;
  private final TriggerDef.Event event;
  private final ExecutionContext context;
  private final List<TriggerDef> before = new ArrayList<>();
  private final List<TriggerDef> after = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();

  private TriggerFiring(TableDef table, TriggerDef.Event event, ExecutionContext context,
      List<TriggerDef> triggers) {
    this.table = table;
    this.event = event;
    this.context = context;
    for (TriggerDef trigger : triggers) {
      if (trigger.event() == event) {
        (trigger.timing() == TriggerDef.Timing.AFTER ? after : before).add(trigger);
      }
    }
  }

  /** The triggers {@code operator}'s rows fire, or null when there are none (the common case). */
  static TriggerFiring of(DmlOperator operator, TableDef table, ExecutionContext context) {
    List<TriggerDef> triggers = context.storage().catalog().triggersOn(table.name());
    if (triggers.isEmpty()) {
      return null;
    }
    TriggerDef.Event event = operator instanceof InsertOperator ? TriggerDef.Event.INSERT
        : operator instanceof UpdateOperator ? TriggerDef.Event.UPDATE : TriggerDef.Event.DELETE;
    TriggerFiring firing = new TriggerFiring(table, event, context, triggers);
    return firing.before.isEmpty() && firing.after.isEmpty() ? null : firing;
  }

  /** Keeps one input row of the DML operator (its write happens in {@link #fire}). */
  void add(Object[] row) {
    rows.add(row);
  }

  /** Fires the triggers around each kept row's write, which {@code write} adds to {@code batch}. */
  void fire(WriteBatch statementBatch, BiConsumer<WriteBatch, Object[]> write) {
    boolean isOutermost = !(statementBatch instanceof TriggerFiringBatch);
    TriggerFiringBatch batch = TriggerFiringBatch.of(statementBatch);
    int[] depth = DEPTH.get();
    if (depth[0] >= MAX_DEPTH) {
      throw QuaverException.of(ErrorCode.PROGRAM_LIMIT_EXCEEDED,
          "triggers nested more than %d levels deep (a trigger on %s fires itself without end?)",
          MAX_DEPTH, table.name());
    }
    Map<ByteBuffer, Object[]> oldRows = event == TriggerDef.Event.INSERT ? Map.of() : oldRows();
    depth[0]++;
    try {
      for (Object[] row : rows) {
        context.checkCanceled();
        Object[] newRow = event == TriggerDef.Event.INSERT ? row
            : event == TriggerDef.Event.UPDATE ? DmlOperator.withoutKey(row) : null;
        Object[] oldRow = event == TriggerDef.Event.INSERT ? null
            : oldRows.get(ByteBuffer.wrap((byte[]) row[row.length - 1]));
        for (TriggerDef trigger : before) {
          fireOne(trigger, newRow, oldRow, batch);
        }
        write.accept(batch, row);
        for (TriggerDef trigger : after) {
          fireOne(trigger, newRow, oldRow, batch);
        }
      }
    } finally {
      depth[0]--;
    }
    if (isOutermost) {
      batch.flush();
    }
  }

  private void fireOne(TriggerDef trigger, Object[] newRow, Object[] oldRow,
      TriggerFiringBatch batch) {
    if (!updatesAColumnOf(trigger, newRow, oldRow)) {
      return;
    }
    TriggerPrograms.Program program = TriggerPrograms.program(trigger, table);
    if (program.condition() != null
        && !isTrue(run(program.condition(), newRow, oldRow, batch, true))) {
      return;
    }
    for (TriggerStatements.Bound statement : program.body()) {
      run(statement, newRow, oldRow, batch, false);
    }
  }

  /**
   * UPDATE OF a, b: whether one of those columns changes value in this row. (SQLite fires when a
   * column is named in the SET list even if its value stays; Quaver's UPDATE plan keeps only the
   * new row, so an unchanged value does not fire.)
   */
  private boolean updatesAColumnOf(TriggerDef trigger, Object[] newRow, Object[] oldRow) {
    if (trigger.updateColumns().isEmpty() || oldRow == null) {
      return true;
    }
    for (String column : trigger.updateColumns()) {
      int ordinal = table.columnIndex(column).orElse(-1);
      if (ordinal < 0 || !Objects.deepEquals(newRow[ordinal], oldRow[ordinal])) {
        return true;
      }
    }
    return false;
  }

  /** Runs one rewritten statement; returns the first column of its first row when asked. */
  private Object run(TriggerStatements.Bound statement, Object[] newRow, Object[] oldRow,
      TriggerFiringBatch batch, boolean firstValue) {
    TriggerPrograms.Step step = TriggerPrograms.plan(context.storage().catalog(), statement);
    List<Object> parameters = new ArrayList<>(step.parameters().size());
    for (TriggerStatements.Reference reference : step.parameters()) {
      parameters.add((reference.isNew() ? newRow : oldRow)[reference.column()]);
    }
    PreparedPlan plan = step.plan();
    ExecutorConfig config = new ExecutorConfig(context.memoryLimitBytes(), context.memoryLimitBytes(),
        context.batchRows(), context.spillDirectory());
    try (BufferAllocator allocator = context.allocator().newChildAllocator("trigger", 0, Long.MAX_VALUE)) {
      ExecutionContext nested = new ExecutionContext(new TriggerWriteStorage(context.storage(), batch),
          config, allocator, parameters, context.snapshot(), context.statementStartMillis());
      Object value = null;
      try (Operator operator = new OperatorBuilder(nested).build(plan.root())) {
        boolean first = true;
        for (VectorSchemaRoot result = operator.next(); result != null; result = operator.next()) {
          if (firstValue && first && result.getRowCount() > 0) {
            value = VectorValues.get(result.getFieldVectors().get(0), 0);
            first = false;
          }
        }
      }
      return value;
    }
  }

  private static boolean isTrue(Object value) {
    return value instanceof Number number && number.intValue() != 0;
  }

  /** The statement's rows as they were at its snapshot, by row key (for OLD). */
  private Map<ByteBuffer, Object[]> oldRows() {
    Set<ByteBuffer> keys = new HashSet<>();
    for (Object[] row : rows) {
      keys.add(ByteBuffer.wrap((byte[]) row[row.length - 1]));
    }
    int width = table.columns().size();
    int[] columns = new int[width];
    Arrays.setAll(columns, i -> i);
    Map<ByteBuffer, Object[]> old = new HashMap<>();
    try (TableScan scan = context.storage().scan(table, context.snapshot(), columns, true,
        context.allocator(), context.batchRows())) {
      for (VectorSchemaRoot batch = scan.next(); batch != null; batch = scan.next()) {
        context.checkCanceled();
        for (int i = 0; i < batch.getRowCount(); i++) {
          Object[] row = Batches.row(batch, i);
          ByteBuffer key = ByteBuffer.wrap((byte[]) row[width]);
          if (keys.contains(key)) {
            old.put(key, Arrays.copyOf(row, width));
          }
        }
      }
    }
    return old;
  }
}
