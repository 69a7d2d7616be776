package dev.quaver.protocol;

import dev.quaver.type.ColumnType;
import java.util.Objects;

/** A result or table column as the client sees it: name, type and nullability. */
public record ColumnInfo(String name, ColumnType type, boolean nullable) {
  public ColumnInfo {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
  }
}
