package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import java.util.Objects;

/**
 * REINDEX: rebuilds each of {@code indexes} from its table's rows, in one commit. No input.
 * Output as PhysicalInsert: one BIGINT column "rows", here the number of indexes rebuilt.
 */
public record PhysicalReindex(List<Target> indexes, List<Field> fields, Distribution distribution)
    implements PhysicalNode {
  /** One index to rebuild: its name and the table it belongs to (as planned). */
  public record Target(TableDef table, String index) {
    public Target {
      Objects.requireNonNull(table, "table is null");
      Objects.requireNonNull(index, "index is null");
    }
  }

  public PhysicalReindex {
    indexes = List.copyOf(indexes);
    fields = List.copyOf(fields);
    Objects.requireNonNull(distribution, "distribution is null");
  }

  @Override
  public double estimatedRows() {
    return 1;
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of();
  }
}
