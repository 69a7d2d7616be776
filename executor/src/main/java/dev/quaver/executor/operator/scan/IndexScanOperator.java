package dev.quaver.executor.operator.scan;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.physical.KeyRange;
import dev.quaver.planner.physical.PhysicalIndexScan;
import dev.quaver.storage.KeyBounds;
import dev.quaver.storage.TableScan;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the rows of a {@link PhysicalIndexScan}'s key ranges from the row store at the
 * statement's snapshot (issue #7, access paths): evaluates the ranges' bounds once (parameters
 * and outer references as they are when the operator first runs), converts them to the key
 * columns' types ({@link KeyBoundValues}) and asks the storage for a key-range read. Every range
 * that can match nothing is dropped; with none left no storage read happens at all. The plan's
 * filter is applied by a FilterOperator that the OperatorBuilder stacks on top, as for scans.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class IndexScanOperator implements Operator {
  private final PhysicalIndexScan node;
  private final ExecutionContext context;
  private final Schema schema;
  private TableScan scan;
  private boolean finished;

  public IndexScanOperator(PhysicalIndexScan node, ExecutionContext context) {
    this.node = node;
    this.context = context;
    this.schema = TableScanOperator.scanSchema(node.fields(), node.columns().size(), node.withRowKey());
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
      List<KeyBounds> ranges = ranges();
      if (ranges.isEmpty()) {
        finished = true;
        return null;
      }
      int[] columns = node.columns().stream().mapToInt(Integer::intValue).toArray();
      scan = context.storage().keyRangeScan(node.table(), node.index(), ranges, context.snapshot(), columns,
          node.withRowKey(), context.allocator(), context.batchRows());
    }
    VectorSchemaRoot batch = scan.next();
    if (batch == null) {
      finished = true;
      close();
    }
    return batch;
  }

  /** The storage ranges of the plan's key ranges at this execution. */
  List<KeyBounds> ranges() {
    List<ColumnType> keyTypes = node.keyColumns().stream()
        .map(column -> node.table().columns().get(column).type()).toList();
    List<KeyBounds> ranges = new ArrayList<>(node.ranges().size());
    for (KeyRange range : node.ranges()) {
      KeyBounds bounds = KeyBoundValues.bounds(range, keyTypes, context);
      if (bounds != null) {
        ranges.add(bounds);
      }
    }
    return ranges;
  }

  @Override
  public void close() {
    if (scan != null) {
      scan.close();
      scan = null;
    }
  }
}
