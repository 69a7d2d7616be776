package dev.quaver.executor;

import dev.quaver.planner.physical.Field;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A finished DML or DDL statement: only its update count remains. Immutable. */
record CountExecution(long updateCount) implements QueryExecution {
  @Override
  public boolean returnsRows() {
    return false;
  }

  @Override
  public List<Field> fields() {
    return List.of();
  }

  @Override
  public VectorSchemaRoot next() {
    return null;
  }

  @Override
  public void cancel() {}

  @Override
  public void close() {}
}
