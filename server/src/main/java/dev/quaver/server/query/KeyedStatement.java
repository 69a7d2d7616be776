package dev.quaver.server.query;

import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.KeysRequest;
import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement prepared with PREPARE_KEYS: every EXECUTE and EXECUTE_BATCH of it also sends the
 * generated keys it asked for. Delegates everything else. Immutable.
 */
record KeyedStatement(EngineStatement statement, KeysRequest keys) implements EngineStatement {
  KeyedStatement {
    Objects.requireNonNull(statement, "statement is null");
    Objects.requireNonNull(keys, "keys is null");
  }

  @Override
  public List<ColumnType> parameterTypes() {
    return statement.parameterTypes();
  }

  @Override
  public List<ColumnInfo> columns() {
    return statement.columns();
  }

  @Override
  public EngineExecution execute(List<Object> parameters) {
    return statement.execute(parameters);
  }

  @Override
  public Optional<long[]> executeInOneCommit(List<List<Object>> parameterSets) {
    return statement.executeInOneCommit(parameterSets);
  }

  @Override
  public Optional<long[]> executeInOneCommit(dev.quaver.protocol.ColumnBatch parameterSets) {
    return statement.executeInOneCommit(parameterSets);
  }

  @Override
  public boolean isOneCommitWrite() {
    return statement.isOneCommitWrite();
  }

  @Override
  public GeneratedKeysCollector keys(KeysRequest request) {
    return statement.keys(request);
  }
}
