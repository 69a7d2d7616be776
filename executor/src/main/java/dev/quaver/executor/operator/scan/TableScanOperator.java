package dev.quaver.executor.operator.scan;

import dev.quaver.executor.fragment.FragmentInstance;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.storage.ScanPredicate;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.columnar.KeyFilter;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads a table at the statement's snapshot ({@code storage.currentSnapshot()} taken once at
 * statement start, so every scan of one statement sees the same data). The storage scan's
 * batches have the same lifetime rule as operator batches, so they are passed on without a copy.
 * The plan's filter is applied by a FilterOperator that the OperatorBuilder stacks on top; its
 * simple conjuncts, and the build-key ranges of hash joins above ({@link RuntimeKeyRanges}), are
 * passed to storage as advisory zone-map predicates, and the build keys as advisory key filters. In
 * instance i of a partitioned fragment ({@code context.instance()}), a partitioned scan reads
 * only table partition i ({@code StorageEngine.scanPartition}).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class TableScanOperator implements Operator {
  private final PhysicalTableScan node;
  private final ExecutionContext context;
  private final Schema schema;
  private final List<RuntimeKeyRanges.RuntimeRange> runtimeRanges = new ArrayList<>(2);
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
      List<ScanPredicate> ranges = runtimeRanges();
      if (ranges == null) { // a join above has an empty build side: no row of this scan can match
        finished = true;
        return null;
      }
      scan = open(ranges);
    }
    VectorSchemaRoot batch = scan.next();
    if (batch == null) {
      finished = true;
      close();
    }
    return batch;
  }

  /** Adds a join's build-key range, applied when this scan opens if the build is complete by then. */
  void addRuntimeRange(RuntimeKeyRanges.RuntimeRange range) {
    runtimeRanges.add(range);
  }

  /** The SQL type of the table's column {@code column} (an ordinal into the table's columns). */
  SqlType tableColumnType(int column) {
    return node.table().columns().get(column).type().type();
  }

  /** Zone-map predicates from completed join builds; null when one of them is empty. */
  private List<ScanPredicate> runtimeRanges() {
    List<ScanPredicate> predicates = new ArrayList<>();
    for (RuntimeKeyRanges.RuntimeRange range : runtimeRanges) {
      KeyRangeCollector collector = range.collector();
      if (!collector.complete()) {
        continue;
      }
      if (collector.empty(range.key())) {
        return null;
      }
      long lo = collector.min(range.key());
      long hi = collector.max(range.key());
      long typeMin = switch (range.type()) {
        case TINYINT -> Byte.MIN_VALUE;
        case SMALLINT -> Short.MIN_VALUE;
        case BIGINT -> Long.MIN_VALUE;
        default -> Integer.MIN_VALUE;
      };
      long typeMax = switch (range.type()) {
        case TINYINT -> Byte.MAX_VALUE;
        case SMALLINT -> Short.MAX_VALUE;
        case BIGINT -> Long.MAX_VALUE;
        default -> Integer.MAX_VALUE;
      };
      if (lo > typeMax || hi < typeMin) {
        return null;
      }
      predicates.add(new ScanPredicate(range.column(), ScanPredicate.Op.GE,
          value(range.type(), Math.max(lo, typeMin))));
      predicates.add(new ScanPredicate(range.column(), ScanPredicate.Op.LE,
          value(range.type(), Math.min(hi, typeMax))));
      KeyFilter filter = range.filter() ? collector.filter(range.key()) : null;
      if (filter != null) {
        predicates.add(new ScanPredicate(range.column(), ScanPredicate.Op.EQ, filter));
      }
    }
    return predicates;
  }

  /** {@code value} as the Java class of {@code type} (SqlType's javadoc). */
  private static Object value(SqlType type, long value) {
    return switch (type) {
      case TINYINT -> (byte) value;
      case SMALLINT -> (short) value;
      case BIGINT -> value;
      default -> (int) value;
    };
  }

  private TableScan open(List<ScanPredicate> runtime) {
    int[] columns = node.columns().stream().mapToInt(Integer::intValue).toArray();
    List<ScanPredicate> predicates = ScanPredicates.extract(node.filter(), node.table(), node.columns(), context);
    predicates.addAll(runtime);
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
