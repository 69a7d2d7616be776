package dev.quaver.executor;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.executor.expr.ExpressionCompiler;
import dev.quaver.executor.expr.VectorExpression;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.executor.operator.dml.RowSource;
import dev.quaver.executor.vector.Batches;
import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.protocol.BatchColumn;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A JDBC batch of {@code INSERT INTO t VALUES (?, ...)} run as ONE statement over N parameter
 * rows: the parameter sets become Arrow column vectors (chunks of {@code batchRows} rows), the
 * VALUES row's expressions are compiled once with each {@code ?} read from its column, and the
 * resulting rows feed one insert operator — one write batch, one WAL record, one commit. This is
 * what a multi-row {@code INSERT ... VALUES (..), (..)} does, so the semantics are the same as
 * running the sets one by one inside one commit: constraint checks and SQLSTATEs are the
 * storage's, and the batch is atomic. What differs is only the cost: no per-set allocator,
 * operator tree or constant evaluation.
 *
 * <p>When every value is a bare {@code ?} or a literal (the usual {@code VALUES (?, ?, ...)}, and
 * the defaults of columns left out) of a type whose
 * vector round trip changes nothing (all but DECIMAL, whose vector rescales), the rows skip the
 * vectors: each set becomes the row array directly ({@link RowSource}), the values brought to
 * their types exactly as the vector path does first.
 *
 * <p>Applies to a plain INSERT (no conflict clause) whose input is a single VALUES row of
 * expressions over parameters and literals, with the VALUES types equal to the table's; anything
 * else runs set by set ({@link Executor#executeOneCommitBatch}).
 *
 * <p>Thread safety: immutable (shared through a small cache); the operator {@link #input} returns
 * is confined to the statement's thread.
 */
final class BatchInsert {
  private final PhysicalInsert insert;
  private final List<ParameterColumn> parameterColumns;
  private final List<VectorExpression> columns;
  private final Schema schema;
  /**
   * When the rows skip the vectors: per table column, the parameter it is, or null for a
   * literal (a column default); else null.
   */
  private final ParameterColumn[] direct;
  /**
   * Per direct column: the parameter's value is already the column's value (same SqlType, not
   * CHAR, whose values are padded), so the row takes it without {@code coerceParameter}.
   */
  private final boolean[] asBound;

  /**
   * Input column of the parameter {@code index} as a value of {@code type}: a {@code ?} node's
   * type may differ from the type the client binds (CHAR(4) for a client's VARCHAR(4)), and one
   * parameter may be read as two types.
   */
  private record ParameterColumn(int index, ColumnType type) {}

  /**
   * The parameter sets of a batch, read by (set, parameter): the server's column batch (values
   * boxed one at a time as a row is built, not all up front in a list per set) or a list of sets.
   */
  interface ParameterSets {
    int size();

    Object get(int set, int parameter);

    /** The parameter's column as the server decoded it (read in place), or null. */
    default BatchColumn column(int parameter) {
      return null;
    }

    static ParameterSets of(List<List<Object>> sets) {
      return new ParameterSets() {
        @Override
        public int size() {
          return sets.size();
        }

        @Override
        public Object get(int set, int parameter) {
          return sets.get(set).get(parameter);
        }
      };
    }

    static ParameterSets of(ColumnBatch sets) {
      BatchColumn[] columns = new BatchColumn[sets.columnCount()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = sets.column(i);
      }
      int size = sets.rowCount();
      return new ParameterSets() {
        @Override
        public int size() {
          return size;
        }

        @Override
        public Object get(int set, int parameter) {
          return columns[parameter].get(set);
        }

        @Override
        public BatchColumn column(int parameter) {
          return columns[parameter];
        }
      };
    }
  }

  private BatchInsert(PhysicalInsert insert, List<ParameterColumn> parameterColumns,
      List<VectorExpression> columns, Schema schema, ParameterColumn[] direct, List<ColumnType> parameterTypes) {
    this.insert = insert;
    this.parameterColumns = parameterColumns;
    this.columns = columns;
    this.schema = schema;
    this.direct = direct;
    this.asBound = new boolean[direct == null ? 0 : direct.length];
    for (int i = 0; i < asBound.length; i++) {
      ParameterColumn column = direct[i];
      asBound[i] = column != null && column.type().type() != SqlType.CHAR
          && parameterTypes.get(column.index()).type() == column.type().type();
    }
  }

  private static final int CACHE_SLOTS = 32;
  /**
   * The last results of {@link #of} by plan identity: a server keeps one PreparedPlan per
   * prepared statement, and compiling the VALUES expressions again for every batch was a tenth of
   * a 1000-row batch's CPU. Holds at most {@value #CACHE_SLOTS} plans.
   */
  private static final AtomicReferenceArray<Cached> CACHE = new AtomicReferenceArray<>(CACHE_SLOTS);

  private record Cached(PreparedPlan plan, BatchInsert insert) {}

  /** The batch insert of {@code plan}, or null when the plan is not of the shape above. */
  static BatchInsert of(PreparedPlan plan) {
    int slot = (System.identityHashCode(plan) & Integer.MAX_VALUE) % CACHE_SLOTS;
    Cached cached = CACHE.get(slot);
    if (cached != null && cached.plan() == plan) {
      return cached.insert();
    }
    BatchInsert insert = build(plan);
    CACHE.set(slot, new Cached(plan, insert));
    return insert;
  }

  private static BatchInsert build(PreparedPlan plan) {
    if (plan.kind() != PreparedPlan.Kind.DML || !(plan.root() instanceof PhysicalInsert insert)
        || !(insert.input() instanceof PhysicalValues values) || values.rows().size() != 1) {
      return null;
    }
    // A PhysicalInsert that carries more than these components (a conflict clause: its update
    // count per set is not always 1) differs from its plain copy and takes the general path.
    if (!insert.equals(new PhysicalInsert(insert.table(), insert.input(), insert.fields(),
        insert.distribution(), insert.estimatedRows()))) {
      return null;
    }
    List<PhysicalExpr> row = values.rows().get(0);
    List<Field> fields = values.fields();
    if (row.size() != fields.size()) {
      return null;
    }
    List<ParameterColumn> parameterColumns = new ArrayList<>();
    List<VectorExpression> columns = new ArrayList<>(row.size());
    ParameterColumn[] direct = new ParameterColumn[row.size()];
    for (int i = 0; i < row.size(); i++) {
      PhysicalExpr expression = row.get(i);
      if (direct == null || expression.type().type() == SqlType.DECIMAL) {
        direct = null;
      } else if (expression instanceof PhysicalExpr.Parameter parameter
          && parameter.index() < plan.parameterTypes().size()) {
        direct[i] = new ParameterColumn(parameter.index(), parameter.type());
      } else if (!(expression instanceof PhysicalExpr.Literal)) {
        direct = null; // a literal stays null in direct: evaluated once per statement
      }
      if (!expression.type().equals(fields.get(i).type())) {
        return null;
      }
      PhysicalExpr overColumns = overParameterColumns(expression, plan.parameterTypes().size(),
          parameterColumns);
      if (overColumns == null) {
        return null;
      }
      columns.add(ExpressionCompiler.compile(overColumns));
    }
    return new BatchInsert(insert, List.copyOf(parameterColumns), columns, Schemas.of(fields), direct,
        plan.parameterTypes());
  }

  /**
   * The checks {@code Executor.validateParameters} makes per set, made per column: the count of
   * parameters, and each value's Java class (a primitive column of the parameter's own type
   * holds nothing else). Errors are the same INVALID_PARAMETER_VALUE (22023).
   */
  static void validate(PreparedPlan plan, ColumnBatch sets) {
    List<ColumnType> types = plan.parameterTypes();
    if (sets.columnCount() != types.size()) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
          "statement has %d parameters but %d values were given", types.size(), sets.columnCount());
    }
    for (int i = 0; i < types.size(); i++) {
      BatchColumn column = sets.column(i);
      if (column.layout() != BatchColumn.Layout.OBJECTS && column.type() == types.get(i).type()) {
        continue;
      }
      Class<?> expected = types.get(i).type().javaClass();
      for (int set = 0; set < column.size(); set++) {
        Object value = column.get(set);
        if (value != null && !expected.isInstance(value)) {
          throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
              "parameter %d must be a %s (%s) but is a %s: %s", i + 1, types.get(i),
              expected.getSimpleName(), value.getClass().getSimpleName(), value);
        }
      }
    }
  }

  PhysicalInsert node() {
    return insert;
  }

  /** The operator producing the rows of {@code sets} (already checked against the types). */
  Operator input(ParameterSets sets, ExecutionContext context) {
    return direct != null ? new DirectRows(sets, context) : new RowsOperator(sets, context);
  }

  /** Whether the rows skip the vectors (for tests). */
  boolean isDirect() {
    return direct != null;
  }

  /**
   * The rows of the sets without vectors ({@link RowSource}); read through {@link #next()} it
   * is the vector path.
   */
  private final class DirectRows implements Operator, RowSource {
    private final ParameterSets sets;
    private final ExecutionContext context;
    private final RowsOperator vectors;
    private Object[] literals;
    private int next;

    DirectRows(ParameterSets sets, ExecutionContext context) {
      this.sets = sets;
      this.context = context;
      this.vectors = new RowsOperator(sets, context);
    }

    /** The literal columns' values, evaluated once over one row as the vector path would. */
    private Object[] literals() {
      Object[] values = new Object[direct.length];
      try (VectorSchemaRoot none = Batches.of(List.of(), 1)) {
        for (int i = 0; i < direct.length; i++) {
          if (direct[i] == null) {
            try (FieldVector vector = columns.get(i).evaluate(none, context)) {
              values[i] = VectorValues.get(vector, 0);
            }
          }
        }
      }
      return values;
    }

    @Override
    public Object[] nextRow() {
      if (next >= sets.size()) {
        return null;
      }
      if (literals == null) {
        literals = literals();
      }
      int set = next++;
      Object[] row = new Object[direct.length];
      for (int i = 0; i < row.length; i++) {
        ParameterColumn column = direct[i];
        if (column == null) {
          row[i] = literals[i];
          continue;
        }
        Object value = sets.get(set, column.index());
        row[i] = value == null || asBound[i] ? value : ExpressionCompiler.coerceParameter(value, column.type());
      }
      return row;
    }

    @Override
    public int remainingRows() {
      return sets.size() - next;
    }

    /**
     * All the sets as columns: a column bound as its own type is read in place, another
     * parameter's values are brought to the column's type once each (as {@link #nextRow}), a
     * literal repeats.
     */
    @Override
    public dev.quaver.storage.row.ColumnRows columnRows() {
      if (next != 0) {
        return null;
      }
      if (literals == null) {
        literals = literals();
      }
      int count = sets.size();
      BatchColumn[] inPlace = new BatchColumn[direct.length];
      Object[][] values = new Object[direct.length][];
      for (int i = 0; i < direct.length; i++) {
        ParameterColumn column = direct[i];
        if (column == null) {
          continue; // a literal: literals[i]
        }
        BatchColumn batch = asBound[i] ? sets.column(column.index()) : null;
        if (batch != null) {
          inPlace[i] = batch;
          continue;
        }
        Object[] coerced = new Object[count];
        for (int set = 0; set < count; set++) {
          Object value = sets.get(set, column.index());
          coerced[set] = value == null || asBound[i] ? value : ExpressionCompiler.coerceParameter(value, column.type());
        }
        values[i] = coerced;
      }
      next = count;
      return new ParameterColumnRows(count, inPlace, values, literals);
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public VectorSchemaRoot next() {
      return vectors.next();
    }

    @Override
    public void close() {
      vectors.close();
    }
  }

  /**
   * {@code expression} with every {@code ?} replaced by a read of input column {@code index}, or
   * null when it reads a column or an outer row (then it is not a VALUES row of parameters).
   */
  private static PhysicalExpr overParameterColumns(PhysicalExpr expression, int parameterCount,
      List<ParameterColumn> inputs) {
    if (expression instanceof PhysicalExpr.Literal) {
      return expression;
    }
    if (expression instanceof PhysicalExpr.Parameter parameter) {
      if (parameter.index() >= parameterCount) {
        return null;
      }
      ParameterColumn column = new ParameterColumn(parameter.index(), parameter.type());
      int input = inputs.indexOf(column);
      if (input < 0) {
        input = inputs.size();
        inputs.add(column);
      }
      return new PhysicalExpr.InputRef(input, parameter.type(), true);
    }
    if (expression instanceof PhysicalExpr.Call call) {
      List<PhysicalExpr> operands = new ArrayList<>(call.operands().size());
      for (PhysicalExpr operand : call.operands()) {
        PhysicalExpr rewritten = overParameterColumns(operand, parameterCount, inputs);
        if (rewritten == null) {
          return null;
        }
        operands.add(rewritten);
      }
      return new PhysicalExpr.Call(call.function(), operands, call.type(), call.nullable());
    }
    return null; // InputRef, CorrelationRef
  }

  /**
   * Emits the rows in chunks: the parameter columns of a chunk as vectors (each value brought to
   * its parameter type as a {@code ?} node would), then each VALUES expression over them.
   */
  private final class RowsOperator implements Operator {
    private final ParameterSets sets;
    private final ExecutionContext context;
    private final int chunkRows;
    private int next;
    private VectorSchemaRoot current;

    RowsOperator(ParameterSets sets, ExecutionContext context) {
      this.sets = sets;
      this.context = context;
      this.chunkRows = Math.max(1, context.batchRows());
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public VectorSchemaRoot next() {
      context.checkCanceled();
      release();
      if (next >= sets.size()) {
        return null;
      }
      int from = next;
      int to = Math.min(sets.size(), from + chunkRows);
      next = to;
      try (VectorSchemaRoot parameters = parameterColumns(from, to, context)) {
        List<FieldVector> vectors = new ArrayList<>(columns.size());
        try {
          for (VectorExpression column : columns) {
            vectors.add(column.evaluate(parameters, context));
          }
        } catch (RuntimeException | Error e) {
          vectors.forEach(FieldVector::close);
          throw e;
        }
        current = Batches.of(vectors, to - from);
        return current;
      }
    }

    private VectorSchemaRoot parameterColumns(int from, int to, EvaluationContext context) {
      List<FieldVector> vectors = new ArrayList<>(parameterColumns.size());
      try {
        for (ParameterColumn column : parameterColumns) {
          ColumnType type = column.type();
          int p = column.index();
          FieldVector vector = ArrowTypes.field("p" + (p + 1), type).createVector(context.allocator());
          vectors.add(vector);
          vector.setInitialCapacity(to - from);
          vector.allocateNew();
          for (int row = from; row < to; row++) {
            Object value = ExpressionCompiler.coerceParameter(sets.get(row, p), type);
            ArrowTypes.set(vector, row - from, type, value);
          }
          vector.setValueCount(to - from);
        }
      } catch (RuntimeException | Error e) {
        vectors.forEach(FieldVector::close);
        throw e;
      }
      return Batches.of(vectors, to - from);
    }

    @Override
    public void close() {
      release();
    }

    private void release() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
