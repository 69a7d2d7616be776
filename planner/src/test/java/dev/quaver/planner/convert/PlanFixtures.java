package dev.quaver.planner.convert;

import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.ColumnStatistics;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;

/** Tables, columns, statistics and plan lookups shared by the access-path planning tests. */
final class PlanFixtures {
  private PlanFixtures() {}

  /** The first node of {@code type} in a depth-first walk of the plan, or null. */
  static <T> T find(PhysicalNode node, Class<T> type) {
    if (type.isInstance(node)) {
      return type.cast(node);
    }
    for (PhysicalNode input : node.inputs()) {
      T found = find(input, type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Creates a table distributed and keyed by {@code primaryKey}, in 4 partitions. */
  static TableDef table(StorageEngine engine, String name, List<Integer> primaryKey, List<ColumnDef> columns) {
    return engine.catalog().createTable(new TableDef(0, name, columns, primaryKey, primaryKey, 4, List.of()));
  }

  /** A nullable column without a default. */
  static ColumnDef column(String name, ColumnType type) {
    return new ColumnDef(name, type, true, null);
  }

  /** An INTEGER column with an even 32-bucket histogram over [min, max]. */
  static ColumnStatistics numeric(double distinct, int min, int max) {
    List<Object> histogram = new ArrayList<>();
    for (int i = 0; i <= 32; i++) {
      histogram.add((int) (min + (long) (max - min) * i / 32));
    }
    return new ColumnStatistics(0, min, max, distinct, null, histogram, List.of());
  }
}
