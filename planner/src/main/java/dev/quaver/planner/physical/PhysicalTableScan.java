package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import java.util.Objects;

/**
 * Reads {@code columns} (ordinals of the table's columns) of a table at the statement's snapshot.
 * When {@code withRowKey}, one more column is appended holding each row's key (VARBINARY; its
 * Field has type VARCHAR as a placeholder and is only consumed by PhysicalUpdate/PhysicalDelete).
 * {@code filter}, when present, is a predicate over the scan's output columns that the scan may
 * use to skip data; the executor still applies it exactly.
 */
public record PhysicalTableScan(
    TableDef table,
    List<Integer> columns,
    boolean withRowKey,
    PhysicalExpr filter,
    List<Field> fields,
    Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalTableScan {
    Objects.requireNonNull(table, "table is null");
    columns = List.copyOf(columns);
    fields = List.copyOf(fields);
    Objects.requireNonNull(distribution, "distribution is null");
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of();
  }
}
