package dev.quaver.protocol;

import dev.quaver.type.ColumnType;
import java.util.List;

/**
 * A prepared statement's id, the types of its {@code ?} parameters (in order) and its result
 * columns (empty when it returns no rows).
 */
public record PrepareOk(int statementId, List<ColumnType> parameterTypes, List<ColumnInfo> columns)
    implements Message {
  public PrepareOk {
    parameterTypes = List.copyOf(parameterTypes);
    columns = List.copyOf(columns);
  }

  @Override
  public MessageType type() {
    return MessageType.PREPARE_OK;
  }
}
