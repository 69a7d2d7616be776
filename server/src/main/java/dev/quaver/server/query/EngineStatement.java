package dev.quaver.server.query;

import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.KeysRequest;
import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.Optional;

/**
 * A planned statement that can run many times with different parameters (the server side of a
 * JDBC PreparedStatement, and of each simple query).
 *
 * <p>Thread safety: implementations are safe for concurrent use.
 */
public interface EngineStatement {
  /** The types of the {@code ?} parameters, in order. */
  List<ColumnType> parameterTypes();

  /** The result columns; empty when the statement returns no rows. */
  List<ColumnInfo> columns();

  /**
   * Starts one run. {@code parameters} are Java values of {@link #parameterTypes()} (see
   * SqlType), nulls allowed. DML and DDL are done when this returns.
   */
  EngineExecution execute(List<Object> parameters);

  /**
   * Runs a whole batch of parameter sets as one atomic commit when the statement allows it (an
   * INSERT of values: one WAL record and one sync for the batch) and returns each set's update
   * count; empty when it does not, and the caller runs the sets one at a time.
   */
  default Optional<long[]> executeInOneCommit(List<List<Object>> parameterSets) {
    return Optional.empty();
  }

  /**
   * {@link #executeInOneCommit(List)} over the sets as decoded (each column of its parameter's
   * SqlType): an engine that can reads the columns in place; by default they become lists.
   */
  default Optional<long[]> executeInOneCommit(dev.quaver.protocol.ColumnBatch parameterSets) {
    List<List<Object>> sets = new java.util.ArrayList<>(parameterSets.rowCount());
    for (int row = 0; row < parameterSets.rowCount(); row++) {
      sets.add(parameterSets.row(row));
    }
    return executeInOneCommit(sets);
  }

  /**
   * True when {@link #executeInOneCommit} runs this statement (an INSERT of values that reads no
   * table): short, returns no rows and never waits for the client, so the server may run a single
   * EXECUTE of it on the connection's event loop instead of handing it to a worker.
   */
  default boolean isOneCommitWrite() {
    return false;
  }

  /**
   * A collector of the generated keys {@code request} asks for, for runs of this statement (an
   * INSERT: its target table's identity column, or the named / numbered columns); NONE for a
   * statement that inserts nothing. Unknown columns fail with 42703.
   */
  default GeneratedKeysCollector keys(KeysRequest request) {
    return GeneratedKeysCollector.NONE;
  }
}
