package dev.quaver.protocol;

import java.util.List;
import java.util.Objects;

/** A secondary index of a table: its name, uniqueness and column ordinals. */
public record IndexInfo(String name, boolean unique, List<Integer> columns) {
  public IndexInfo {
    Objects.requireNonNull(name, "name is null");
    columns = List.copyOf(columns);
  }
}
