package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the rows of a table whose key lies in {@code ranges}, by key from the row store, instead
 * of scanning the whole table (issue #7, access paths): the primary key when {@code index} is
 * null, else the secondary index of that name ({@code keyColumns} are its columns, ordinals of
 * the table). Output as {@link PhysicalTableScan}: {@code columns} then, when
 * {@code withRowKey}, the row key. The ranges may return more rows than match, so the executor
 * always applies {@code filter} (the whole predicate the ranges came from, over the output
 * columns) exactly. {@code cost} and {@code scanCost} are the cost model's estimates of this
 * read and of the rejected full scan, in its units (nanoseconds of one core).
 */
public record PhysicalIndexScan(
    TableDef table,
    String index,
    IndexAccess access,
    List<Integer> keyColumns,
    List<KeyRange> ranges,
    List<Integer> columns,
    boolean withRowKey,
    PhysicalExpr filter,
    List<Field> fields,
    Distribution distribution,
    double estimatedRows,
    double cost,
    double scanCost) implements PhysicalNode {
  public PhysicalIndexScan {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(access, "access is null");
    Objects.requireNonNull(filter, "filter is null");
    Objects.requireNonNull(distribution, "distribution is null");
    keyColumns = List.copyOf(keyColumns);
    ranges = List.copyOf(ranges);
    columns = List.copyOf(columns);
    fields = List.copyOf(fields);
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("index scan of " + table.name() + " without key ranges");
    }
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of();
  }

  /** The same scan with another distribution and row estimate. */
  public PhysicalIndexScan withDistribution(Distribution newDistribution) {
    return new PhysicalIndexScan(table, index, access, keyColumns, ranges, columns, withRowKey, filter, fields,
        newDistribution, estimatedRows, cost, scanCost);
  }

  /** The access-path decision for EXPLAIN: this read's cost and the rejected scan's. */
  public String decision() {
    return String.format(Locale.ROOT, "%s %.3fms chosen over scan %.3fms", access.label(), cost / 1e6,
        scanCost / 1e6);
  }
}
