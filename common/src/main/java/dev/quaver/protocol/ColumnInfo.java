package dev.quaver.protocol;

import dev.quaver.type.ColumnType;
import java.util.Objects;

/**
 * A result or table column as the client sees it: name, type, nullability and (protocol version
 * 2) its origin; a version 1 peer neither sends nor receives the origin ({@link ColumnOrigin#NONE}).
 */
public record ColumnInfo(String name, ColumnType type, boolean nullable, ColumnOrigin origin) {
  public ColumnInfo {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    origin = origin == null ? ColumnOrigin.NONE : origin;
  }

  /** A column without a known origin (computed, or from a version 1 peer). */
  public ColumnInfo(String name, ColumnType type, boolean nullable) {
    this(name, type, nullable, ColumnOrigin.NONE);
  }
}
