package dev.quaver.executor;

import dev.quaver.executor.fragment.ParallelQuery;
import dev.quaver.planner.physical.Field;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A statement that returns rows (QUERY, EXPLAIN): each {@code next()} pulls one batch from the
 * root operator, so results stream however large they are. At the end, on an error, and on
 * cancel the statement's resources are released at once.
 *
 * <p>Thread safety: confined to one thread, except {@code cancel()}.
 */
final class RowsExecution implements QueryExecution {
  private final Statement statement;
  private final List<Field> fields;
  private boolean finished;

  RowsExecution(Statement statement, List<Field> fields) {
    this.statement = statement;
    this.fields = List.copyOf(fields);
  }

  @Override
  public boolean returnsRows() {
    return true;
  }

  @Override
  public List<Field> fields() {
    return fields;
  }

  @Override
  public long updateCount() {
    return -1;
  }

  @Override
  public VectorSchemaRoot next() {
    if (finished) {
      return null;
    }
    try {
      while (true) {
        statement.context().checkCanceled();
        VectorSchemaRoot batch = statement.root().next();
        if (batch == null) {
          finished = true;
          statement.close();
          return null;
        }
        if (batch.getRowCount() > 0) {
          return batch;
        }
      }
    } catch (Throwable t) {
      finished = true;
      // A parallel statement reports the error that stopped it, not the cancel that followed.
      throw statement.fail(statement.root() instanceof ParallelQuery parallel ? parallel.firstFailureOr(t) : t);
    }
  }

  @Override
  public void cancel() {
    statement.context().cancel();
  }

  @Override
  public void close() {
    finished = true;
    statement.close();
  }
}
