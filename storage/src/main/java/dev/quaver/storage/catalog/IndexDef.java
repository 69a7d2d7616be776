package dev.quaver.storage.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A secondary index on a table ({@code CREATE [UNIQUE] INDEX}); {@code columns} are ordinals in
 * the table's column list. A UNIQUE index is enforced on every write (NULLs never collide, as in
 * SQL). Immutable.
 */
public record IndexDef(String name, List<Integer> columns, boolean unique) {
  public IndexDef {
    Objects.requireNonNull(name, "name is null");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no columns");
    }
  }
}
