package dev.quaver.executor.operator.scan;

import dev.quaver.executor.fragment.FragmentInstance;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.columnar.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads a table at the statement's snapshot ({@code storage.currentSnapshot()} taken once at
 * statement start, so every scan of one statement sees the same data). The storage scan's
 * batches have the same lifetime rule as operator batches, so they are passed on without a copy.
 * The plan's filter is applied by a FilterOperator that the OperatorBuilder stacks on top. In
 * instance i of a partitioned fragment ({@code context.instance()}), a partitioned scan reads
 * only table partition i ({@code StorageEngine.scanPartition}).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class TableScanOperator implements Operator {
  private final PhysicalTableScan node;
  private final ExecutionContext context;
  private final Schema schema;
  private TableScan scan;
  private boolean finished;

  public TableScanOperator(PhysicalTableScan node, ExecutionContext context) {
    this.node = node;
    this.context = context;
    this.schema = scanSchema(node.fields(), node.columns().size(), node.withRowKey());
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    if (finished) {
      return null;
    }
    if (scan == null) {
      scan = open();
    }
    VectorSchemaRoot batch = scan.next();
    if (batch == null) {
      finished = true;
      close();
    }
    return batch;
  }

  private TableScan open() {
    int[] columns = node.columns().stream().mapToInt(Integer::intValue).toArray();
    var predicates = ScanPredicates.extract(node.filter(), node.table(), node.columns(), context);
    FragmentInstance instance = context.instance();
    if (instance.partitionCount() > 1 && !node.withRowKey()
        && node.distribution().kind() != Distribution.Kind.SINGLE) {
      int partitions = context.storage().scanPartitions(node.table());
      if (partitions != instance.partitionCount()) {
        throw new IllegalStateException("fragment of " + instance.partitionCount() + " instances scans table "
            + node.table().name() + " of " + partitions + " partitions");
      }
      return context.storage().scanPartition(node.table(), context.snapshot(), columns, context.allocator(),
          context.batchRows(), predicates, instance.partition());
    }
    return context.storage().scan(node.table(), context.snapshot(), columns, node.withRowKey(),
        context.allocator(), context.batchRows(), predicates);
  }

  @Override
  public void close() {
    if (scan != null) {
      scan.close();
      scan = null;
    }
  }

  /**
   * The batch schema of a scan: the plan's first {@code columnCount} fields, then the row key
   * column when {@code withRowKey} (named by the plan's extra field, if any). Shared with
   * IndexScanOperator, whose batches look the same.
   */
  static Schema scanSchema(List<Field> planFields, int columnCount, boolean withRowKey) {
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
    for (int i = 0; i < columnCount; i++) {
      fields.add(ArrowTypes.field(planFields.get(i).name(), planFields.get(i).type()));
    }
    if (withRowKey) {
      fields.add(ArrowTypes.rowKeyField(planFields.size() > columnCount
          ? planFields.get(columnCount).name() : "$rowkey"));
    }
    return new Schema(fields);
  }
}
