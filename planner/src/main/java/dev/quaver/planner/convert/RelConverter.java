package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.AggregatePhase;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalCorrelate;
import dev.quaver.planner.physical.PhysicalFilter;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalLimit;
import dev.quaver.planner.physical.PhysicalNestedLoopJoin;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.planner.physical.SortKey;
import dev.quaver.planner.schema.CatalogTable;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Converts an optimized logical plan into Quaver's physical plan, bottom up. Issue #2 plans are
 * single-partition: every node has Distribution.single(). Column pruning happens here for the
 * shape the field-trimming phase leaves: a Project directly above a TableScan scans only the
 * columns the Project uses.
 *
 * <p>Thread safety: confined to one planning thread.
 */
public final class RelConverter {
  private static final Distribution SINGLE = Distribution.single();

  private final RexBuilder rexBuilder;
  private final RelMetadataQuery metadata;
  private final Map<CorrelationId, List<Field>> correlations = new HashMap<>();
  private final Map<CorrelationId, Integer> correlationIds = new HashMap<>();
  private final dev.quaver.planner.SessionSettings settings;

  public RelConverter(RexBuilder rexBuilder, RelMetadataQuery metadata) {
    this(rexBuilder, metadata, dev.quaver.planner.SessionSettings.DEFAULTS);
  }

  /** {@code settings}: the session's; planner-affecting ones (access_path) steer the conversion. */
  public RelConverter(RexBuilder rexBuilder, RelMetadataQuery metadata,
      dev.quaver.planner.SessionSettings settings) {
    this.rexBuilder = rexBuilder;
    this.metadata = metadata;
    this.settings = settings;
  }

  public PhysicalNode convert(RelNode rel) {
    if (rel instanceof TableScan scan) {
      CatalogTable table = catalogTable(scan);
      int count = scan.getRowType().getFieldCount();
      List<Integer> all = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        all.add(i);
      }
      return scan(table, all, rows(rel));
    }
    if (rel instanceof Project project && RexOver.containsOver(project.getProjects(), null)) {
      return WindowConversion.convert(this, project);
    }
    if (rel instanceof Project project) {
      return convertProject(project);
    }
    if (rel instanceof Filter filter) {
      PhysicalNode input = convert(filter.getInput());
      PhysicalExpr condition = rex(input.fields()).convert(filter.getCondition());
      PhysicalNode access = input instanceof PhysicalTableScan scan
          ? AccessPathConversion.choose(this, filter, scan, condition, settings) : null;
      if (access != null) {
        return access; // issue #7: read by primary key or index instead of the full scan
      }
      return new PhysicalFilter(input, condition, SINGLE, rows(rel));
    }
    if (rel instanceof Join join) {
      return JoinConversion.convert(this, join);
    }
    if (rel instanceof Correlate correlate) {
      return convertCorrelate(correlate);
    }
    if (rel instanceof Aggregate aggregate) {
      return convertAggregate(aggregate);
    }
    if (rel instanceof Sort sort) {
      return convertSort(sort);
    }
    if (rel instanceof SetOp setOp) {
      return SetOpConversion.convert(this, setOp);
    }
    if (rel instanceof Values values) {
      return SetOpConversion.convertValues(this, values);
    }
    throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "plan node %s is not supported",
        rel.getRelTypeName());
  }

  RexConverter rex(List<Field> inputFields) {
    return new RexConverter(rexBuilder, inputFields, IntUnaryOperator.identity(), correlations);
  }

  RexConverter rex(List<Field> inputFields, IntUnaryOperator mapping) {
    return new RexConverter(rexBuilder, inputFields, mapping, correlations);
  }

  RexBuilder rexBuilder() {
    return rexBuilder;
  }

  double rows(RelNode rel) {
    try {
      Double rows = metadata.getRowCount(rel);
      return rows == null ? CatalogTable.DEFAULT_ROW_COUNT : rows;
    } catch (RuntimeException e) {
      return CatalogTable.DEFAULT_ROW_COUNT;
    }
  }

  /** Output fields of {@code rel} named from its row type with the given types. */
  static List<Field> fields(RelNode rel, List<PhysicalExpr> expressions) {
    List<String> names = rel.getRowType().getFieldNames();
    List<Field> fields = new ArrayList<>(expressions.size());
    for (int i = 0; i < expressions.size(); i++) {
      fields.add(new Field(names.get(i), expressions.get(i).type(), expressions.get(i).nullable()));
    }
    return fields;
  }

  private static CatalogTable catalogTable(TableScan scan) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null) {
      throw new IllegalStateException("scan of a table that is not in the catalog: " + scan.getTable());
    }
    return table;
  }

  /** A scan of the given ordinals of the table's row type; ordinal = column count means the row key. */
  private static PhysicalTableScan scan(CatalogTable table, List<Integer> ordinals, double rows) {
    TableDef def = table.table();
    List<Integer> columns = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    boolean withRowKey = false;
    for (int ordinal : ordinals) {
      if (ordinal == def.columns().size()) {
        withRowKey = true;
        continue;
      }
      ColumnDef column = def.columns().get(ordinal);
      columns.add(ordinal);
      fields.add(new Field(column.name(), column.type(), column.nullable()));
    }
    if (withRowKey) {
      fields.add(new Field(CatalogTable.ROW_KEY_COLUMN, ColumnType.TEXT, false));
    }
    return new PhysicalTableScan(def, columns, withRowKey, null, fields, SINGLE, rows);
  }

  private PhysicalNode convertProject(Project project) {
    PhysicalNode input;
    IntUnaryOperator mapping;
    if (project.getInput() instanceof TableScan scan) {
      // Scan only the used columns, the row key last (scan order), and renumber the references.
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
      List<Integer> ordinals = used.asList();
      input = scan(catalogTable(scan), ordinals, rows(scan));
      int[] positions = new int[scan.getRowType().getFieldCount()];
      for (int i = 0; i < ordinals.size(); i++) {
        positions[ordinals.get(i)] = i;
      }
      mapping = ordinal -> positions[ordinal];
    } else if (project.getInput() instanceof Values values) {
      return constantRows(project, values);
    } else {
      input = convert(project.getInput());
      mapping = IntUnaryOperator.identity();
    }
    RexConverter converter = new RexConverter(rexBuilder, input.fields(), mapping, correlations);
    List<PhysicalExpr> expressions = converter.convertAll(project.getProjects());
    if (isIdentity(expressions, input.fields().size())) {
      return input;
    }
    return new PhysicalProject(input, expressions, fields(project, expressions), SINGLE, rows(project));
  }

  /**
   * Project over literal rows (INSERT ... VALUES (1 + 2, ?), SELECT 1): one PhysicalValues row
   * per tuple, with the tuple's literals substituted for the input references.
   */
  private PhysicalNode constantRows(Project project, Values values) {
    List<List<PhysicalExpr>> rows = new ArrayList<>();
    RexConverter converter = rex(List.of());
    for (List<RexLiteral> tuple : values.getTuples()) {
      List<RexNode> substituted = new ArrayList<>();
      for (RexNode expression : project.getProjects()) {
        substituted.add(expression.accept(new RexShuttle() {
          @Override
          public RexNode visitInputRef(RexInputRef ref) {
            return tuple.get(ref.getIndex());
          }
        }));
      }
      rows.add(converter.convertAll(substituted));
    }
    List<Field> fields = new ArrayList<>();
    List<String> names = project.getRowType().getFieldNames();
    for (int i = 0; i < names.size(); i++) {
      ColumnType type = null;
      boolean nullable = false;
      for (List<PhysicalExpr> row : rows) {
        ColumnType rowType = row.get(i).type();
        type = type == null ? rowType : TypeMapping.commonType(type, rowType);
        if (type == null) {
          type = TypeMapping.toColumnType(project.getRowType().getFieldList().get(i).getType());
        }
        nullable |= row.get(i).nullable();
      }
      if (type == null) {
        type = TypeMapping.toColumnType(project.getRowType().getFieldList().get(i).getType());
      }
      fields.add(new Field(names.get(i), type, nullable));
    }
    List<List<PhysicalExpr>> castRows = new ArrayList<>();
    for (List<PhysicalExpr> row : rows) {
      List<PhysicalExpr> cast = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        cast.add(RexConverter.cast(row.get(i), fields.get(i).type()));
      }
      castRows.add(cast);
    }
    return new PhysicalValues(castRows, fields, SINGLE, rows.size());
  }

  private static boolean isIdentity(List<PhysicalExpr> expressions, int inputWidth) {
    if (expressions.size() != inputWidth) {
      return false;
    }
    for (int i = 0; i < expressions.size(); i++) {
      if (!(expressions.get(i) instanceof PhysicalExpr.InputRef ref) || ref.index() != i) {
        return false;
      }
    }
    return true;
  }

  private PhysicalNode convertCorrelate(Correlate correlate) {
    PhysicalNode left = convert(correlate.getLeft());
    CorrelationId id = correlate.getCorrelationId();
    correlations.put(id, left.fields());
    PhysicalNode right = convert(correlate.getRight());
    JoinType joinType = JoinConversion.joinType(correlate.getJoinType());
    List<Field> fields = JoinConversion.joinFields(left, right, joinType);
    return new PhysicalCorrelate(left, right, joinType, id.getId(), fields, SINGLE, rows(correlate));
  }

  private PhysicalNode convertAggregate(Aggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "GROUPING SETS, ROLLUP and CUBE are not supported");
    }
    PhysicalNode input = convert(aggregate.getInput());
    List<Integer> groupKeys = aggregate.getGroupSet().asList();
    List<Field> fields = new ArrayList<>();
    List<String> names = aggregate.getRowType().getFieldNames();
    for (int i = 0; i < groupKeys.size(); i++) {
      Field key = input.fields().get(groupKeys.get(i));
      fields.add(new Field(names.get(i), key.type(), key.nullable()));
    }
    List<dev.quaver.planner.physical.AggregateCall> calls = new ArrayList<>();
    for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
      String name = names.get(groupKeys.size() + i);
      dev.quaver.planner.physical.AggregateCall call =
          AggregateConversion.convert(aggregate.getAggCallList().get(i), input.fields(), name);
      calls.add(call);
      fields.add(new Field(name, call.type(), call.nullable()));
    }
    return new PhysicalHashAggregate(input, groupKeys, calls, AggregatePhase.SINGLE, fields, SINGLE,
        rows(aggregate));
  }

  private PhysicalNode convertSort(Sort sort) {
    PhysicalNode input = convert(sort.getInput());
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
      boolean descending = collation.getDirection().isDescending();
      boolean nullsFirst = switch (collation.nullDirection) {
        case FIRST -> true;
        case LAST -> false;
        default -> !descending; // NULLs sort LOW: first in ASC, last in DESC
      };
      keys.add(new SortKey(collation.getFieldIndex(), descending, nullsFirst));
    }
    boolean dynamic = sort.offset instanceof RexDynamicParam || sort.fetch instanceof RexDynamicParam;
    double rows = rows(sort);
    if (keys.isEmpty() || dynamic) {
      PhysicalNode sorted = keys.isEmpty() ? input
          : new PhysicalSort(input, keys, 0, -1, SINGLE, rows(sort.getInput()));
      if (sort.offset == null && sort.fetch == null) {
        return sorted;
      }
      RexConverter converter = rex(List.of());
      return new PhysicalLimit(sorted, constant(sort.offset, 0), constant(sort.fetch, -1),
          parameter(converter, sort.offset), parameter(converter, sort.fetch), SINGLE, rows);
    }
    return new PhysicalSort(input, keys, constant(sort.offset, 0), constant(sort.fetch, -1), SINGLE, rows);
  }

  private static long constant(RexNode node, long absent) {
    if (node instanceof RexLiteral literal) {
      Long value = literal.getValueAs(Long.class);
      return value == null ? absent : value;
    }
    return absent;
  }

  private static PhysicalExpr parameter(RexConverter converter, RexNode node) {
    return node instanceof RexDynamicParam ? converter.convert(node) : null;
  }
}
