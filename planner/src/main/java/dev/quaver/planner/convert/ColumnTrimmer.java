package dev.quaver.planner.convert;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregatePhase;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalFilter;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalLimit;
import dev.quaver.planner.physical.PhysicalNestedLoopJoin;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalSetOp;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.PhysicalTableScan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Removes the columns nobody above uses from a converted (single-partition) physical plan, top
 * down (#6): a scan reads only the columns its consumers use; a hash join outputs its left
 * columns and only the right columns used above it ({@link PhysicalHashJoin#rightOutput()}), so
 * a dimension's filter column or join key is not gathered for every joined row nor shuffled;
 * optionally, a filter whose condition needs columns its consumer does not gets a column-only
 * projection on top (the executor moves those vectors without copying); a projection drops its
 * unused expressions, reads through a column-only projection below it, and disappears when it
 * only renames its input. Join keys, residual conditions, filters, group keys
 * and aggregate arguments keep their columns.
 *
 * <p>Calcite's field trimming (PlannerPhases) already narrows scans under projections; it cannot
 * narrow a join's output, which is always both inputs' columns: that is what this pass is for.
 * Nodes it does not know (windows, correlates, set operations' insides, DML) keep their subtree
 * as converted; sorts, limits, set operations and nested-loop joins keep all their input columns
 * but their inputs are trimmed below them.
 *
 * <p>Thread safety: immutable; one instance per plan.
 */
public final class ColumnTrimmer {
  private final boolean filterProjections;

  private ColumnTrimmer(boolean filterProjections) {
    this.filterProjections = filterProjections;
  }

  /** A trimmed node and where each column of the original node went ({@code -1}: dropped). */
  private record Trimmed(PhysicalNode node, int[] map) {
    static Trimmed identity(PhysicalNode node) {
      int[] map = new int[node.fields().size()];
      Arrays.setAll(map, i -> i);
      return new Trimmed(node, map);
    }
  }

  /** {@code root} with unused columns removed; its own output columns are all kept, in order. */
  public static PhysicalNode trim(PhysicalNode root) {
    return trim(root, false);
  }

  /**
   * {@link #trim(PhysicalNode)}; {@code filterProjections}: also put a column-only projection above
   * a filter whose condition reads columns nobody above uses. Off by default: in the SSB A/B runs
   * at load ~20 (docs/bench-olap.md) the queries that got such projections over their fact or
   * customer scan (Q1.2, Q4.3) were 10-30% slower, the extra operator costing more than the
   * narrower join input saved; a join's right side drops those columns anyway (rightOutput).
   */
  public static PhysicalNode trim(PhysicalNode root, boolean filterProjections) {
    return new ColumnTrimmer(filterProjections).trim(root, all(root.fields().size())).node();
  }

  /**
   * {@code node} narrowed to (at least) the {@code required} columns, in their original order;
   * with all columns required the output has the original layout.
   */
  private Trimmed trim(PhysicalNode node, BitSet required) {
    if (node instanceof PhysicalProject project) {
      return project(project, required);
    }
    if (node instanceof PhysicalFilter filter) {
      return filter(filter, required);
    }
    if (node instanceof PhysicalTableScan scan && !scan.withRowKey()) {
      return scan(scan, required);
    }
    if (node instanceof PhysicalHashJoin join) {
      return hashJoin(join, required);
    }
    if (node instanceof PhysicalHashAggregate aggregate && aggregate.phase() == AggregatePhase.SINGLE) {
      return aggregate(aggregate);
    }
    if (node instanceof PhysicalSort sort) {
      return Trimmed.identity(new PhysicalSort(whole(sort.input()), sort.keys(), sort.offset(), sort.fetch(),
          sort.distribution(), sort.estimatedRows()));
    }
    if (node instanceof PhysicalLimit limit) {
      return Trimmed.identity(new PhysicalLimit(whole(limit.input()), limit.offset(), limit.fetch(),
          limit.offsetParameter(), limit.fetchParameter(), limit.distribution(), limit.estimatedRows()));
    }
    if (node instanceof PhysicalNestedLoopJoin join) {
      return Trimmed.identity(new PhysicalNestedLoopJoin(whole(join.left()), whole(join.right()), join.joinType(),
          join.condition(), join.fields(), join.distribution(), join.estimatedRows()));
    }
    if (node instanceof PhysicalSetOp setOp) {
      List<PhysicalNode> inputs = new ArrayList<>();
      for (PhysicalNode input : setOp.inputs()) {
        inputs.add(whole(input));
      }
      return Trimmed.identity(new PhysicalSetOp(inputs, setOp.kind(), setOp.all(), setOp.fields(),
          setOp.distribution(), setOp.estimatedRows()));
    }
    return Trimmed.identity(node);
  }

  /** {@code node} with every output column kept (same layout), its subtree trimmed. */
  private PhysicalNode whole(PhysicalNode node) {
    return trim(node, all(node.fields().size())).node();
  }

  private Trimmed project(PhysicalProject project, BitSet required) {
    List<Integer> kept = columns(required, project.expressions().size());
    BitSet used = new BitSet();
    for (int i : kept) {
      refs(project.expressions().get(i), used);
    }
    Trimmed in = trim(project.input(), used);
    List<PhysicalExpr> expressions = new ArrayList<>(kept.size());
    List<Field> fields = new ArrayList<>(kept.size());
    int[] map = dropped(project.expressions().size());
    PhysicalNode input = in.node();
    List<PhysicalExpr> columnsOnly = input instanceof PhysicalProject below ? columnsOnly(below) : null;
    for (int i : kept) {
      map[i] = expressions.size();
      PhysicalExpr expression = remap(project.expressions().get(i), in.map());
      // Over a column-only projection (one this pass put above a filter): read its input directly.
      expressions.add(columnsOnly == null ? expression : substitute(expression, columnsOnly));
      fields.add(project.fields().get(i));
    }
    if (columnsOnly != null) {
      input = ((PhysicalProject) input).input();
    }
    if (renamesOnly(expressions, fields, input)) {
      return new Trimmed(input, map);
    }
    return new Trimmed(new PhysicalProject(input, expressions, fields, project.distribution(),
        project.estimatedRows()), map);
  }

  /** The expressions of {@code project} when all are input columns, else null. */
  private static List<PhysicalExpr> columnsOnly(PhysicalProject project) {
    for (PhysicalExpr expression : project.expressions()) {
      if (!(expression instanceof PhysicalExpr.InputRef)) {
        return null;
      }
    }
    return project.expressions();
  }

  /** {@code expression} with each input column {@code i} replaced by {@code columns[i]} (input columns). */
  private static PhysicalExpr substitute(PhysicalExpr expression, List<PhysicalExpr> columns) {
    if (expression instanceof PhysicalExpr.InputRef ref) {
      PhysicalExpr.InputRef column = (PhysicalExpr.InputRef) columns.get(ref.index());
      return new PhysicalExpr.InputRef(column.index(), ref.type(), ref.nullable());
    }
    if (expression instanceof PhysicalExpr.Call call) {
      List<PhysicalExpr> operands = new ArrayList<>(call.operands().size());
      for (PhysicalExpr operand : call.operands()) {
        operands.add(substitute(operand, columns));
      }
      return new PhysicalExpr.Call(call.function(), operands, call.type(), call.nullable());
    }
    return expression;
  }

  /** Whether {@code expressions} are the input's columns in order, with the same types. */
  private static boolean renamesOnly(List<PhysicalExpr> expressions, List<Field> fields, PhysicalNode input) {
    if (expressions.size() != input.fields().size()) {
      return false;
    }
    for (int i = 0; i < expressions.size(); i++) {
      Field source = input.fields().get(i);
      if (!(expressions.get(i) instanceof PhysicalExpr.InputRef ref) || ref.index() != i
          || !source.type().equals(fields.get(i).type()) || source.nullable() != fields.get(i).nullable()) {
        return false;
      }
    }
    return true;
  }

  private Trimmed filter(PhysicalFilter filter, BitSet required) {
    BitSet used = (BitSet) required.clone();
    refs(filter.condition(), used);
    Trimmed in = trim(filter.input(), used);
    PhysicalFilter trimmed = new PhysicalFilter(in.node(), remap(filter.condition(), in.map()),
        filter.distribution(), filter.estimatedRows());
    // Columns only the condition reads: a column-only projection may drop them after the filter.
    List<Integer> kept = new ArrayList<>();
    int[] map = dropped(in.map().length);
    for (int i = 0; i < in.map().length; i++) {
      if (in.map()[i] >= 0 && required.get(i)) {
        map[i] = kept.size();
        kept.add(in.map()[i]);
      }
    }
    if (!filterProjections || kept.isEmpty() || kept.size() == trimmed.fields().size()) {
      return new Trimmed(trimmed, in.map());
    }
    List<PhysicalExpr> expressions = new ArrayList<>(kept.size());
    List<Field> fields = new ArrayList<>(kept.size());
    for (int column : kept) {
      Field field = trimmed.fields().get(column);
      expressions.add(new PhysicalExpr.InputRef(column, field.type(), field.nullable()));
      fields.add(field);
    }
    return new Trimmed(new PhysicalProject(trimmed, expressions, fields, filter.distribution(),
        filter.estimatedRows()), map);
  }

  private Trimmed scan(PhysicalTableScan scan, BitSet required) {
    BitSet used = (BitSet) required.clone();
    if (scan.filter() != null) {
      refs(scan.filter(), used);
    }
    List<Integer> kept = columns(used, scan.columns().size());
    int[] map = dropped(scan.columns().size());
    List<Integer> columns = new ArrayList<>(kept.size());
    List<Field> fields = new ArrayList<>(kept.size());
    for (int i : kept) {
      map[i] = columns.size();
      columns.add(scan.columns().get(i));
      fields.add(scan.fields().get(i));
    }
    if (columns.size() == scan.columns().size()) {
      return Trimmed.identity(scan);
    }
    return new Trimmed(new PhysicalTableScan(scan.table(), columns, false,
        scan.filter() == null ? null : remap(scan.filter(), map), fields, scan.distribution(),
        scan.estimatedRows()), map);
  }

  private Trimmed hashJoin(PhysicalHashJoin join, BitSet required) {
    int leftWidth = join.left().fields().size();
    List<Integer> oldRight = join.rightColumns();
    BitSet leftUsed = new BitSet();
    BitSet rightUsed = new BitSet();
    for (int column = required.nextSetBit(0); column >= 0; column = required.nextSetBit(column + 1)) {
      if (column < leftWidth) {
        leftUsed.set(column);
      } else {
        rightUsed.set(oldRight.get(column - leftWidth));
      }
    }
    join.leftKeys().forEach(leftUsed::set);
    join.rightKeys().forEach(rightUsed::set);
    if (join.residual() != null) {
      BitSet residual = new BitSet();
      refs(join.residual(), residual);
      for (int column = residual.nextSetBit(0); column >= 0; column = residual.nextSetBit(column + 1)) {
        (column < leftWidth ? leftUsed : rightUsed).set(column < leftWidth ? column : column - leftWidth);
      }
    }
    Trimmed left = trim(join.left(), leftUsed);
    Trimmed right = trim(join.right(), rightUsed);
    int newLeftWidth = left.node().fields().size();
    int[] concatenated = new int[leftWidth + join.right().fields().size()];
    for (int i = 0; i < concatenated.length; i++) {
      int mapped = i < leftWidth ? left.map()[i] : right.map()[i - leftWidth];
      concatenated[i] = mapped < 0 ? -1 : i < leftWidth ? mapped : newLeftWidth + mapped;
    }
    int[] map = dropped(join.fields().size());
    List<Field> fields = new ArrayList<>(left.node().fields());
    for (int i = 0; i < leftWidth; i++) {
      map[i] = left.map()[i];
    }
    List<Integer> rightOutput = null;
    if (join.joinType().projectsRight()) {
      rightOutput = new ArrayList<>();
      for (int column = required.nextSetBit(leftWidth); column >= 0; column = required.nextSetBit(column + 1)) {
        int rightColumn = right.map()[oldRight.get(column - leftWidth)];
        map[column] = newLeftWidth + rightOutput.size();
        rightOutput.add(rightColumn);
        fields.add(right.node().fields().get(rightColumn));
      }
    }
    return new Trimmed(new PhysicalHashJoin(left.node(), right.node(), join.joinType(),
        mapAll(join.leftKeys(), left.map()), mapAll(join.rightKeys(), right.map()),
        join.residual() == null ? null : remap(join.residual(), concatenated), fields, join.distribution(),
        join.estimatedRows(), rightOutput), map);
  }

  private Trimmed aggregate(PhysicalHashAggregate aggregate) {
    BitSet used = new BitSet();
    aggregate.groupKeys().forEach(used::set);
    for (AggregateCall call : aggregate.calls()) {
      call.arguments().forEach(used::set);
      if (call.filterColumn() >= 0) {
        used.set(call.filterColumn());
      }
    }
    Trimmed in = trim(aggregate.input(), used);
    List<AggregateCall> calls = new ArrayList<>(aggregate.calls().size());
    for (AggregateCall call : aggregate.calls()) {
      calls.add(new AggregateCall(call.function(), mapAll(call.arguments(), in.map()), call.distinct(),
          call.filterColumn() < 0 ? call.filterColumn() : in.map()[call.filterColumn()], call.type(),
          call.nullable(), call.literal(), call.name()));
    }
    return Trimmed.identity(new PhysicalHashAggregate(in.node(), mapAll(aggregate.groupKeys(), in.map()), calls,
        aggregate.phase(), aggregate.fields(), aggregate.distribution(), aggregate.estimatedRows()));
  }

  /**
   * The set columns of {@code required} below {@code width}; when none is set, the first column
   * (a node keeps at least one column: a batch of no columns would lose its row count).
   */
  private static List<Integer> columns(BitSet required, int width) {
    List<Integer> columns = new ArrayList<>();
    for (int i = required.nextSetBit(0); i >= 0 && i < width; i = required.nextSetBit(i + 1)) {
      columns.add(i);
    }
    if (columns.isEmpty() && width > 0) {
      columns.add(0);
    }
    return columns;
  }

  private static List<Integer> mapAll(List<Integer> columns, int[] map) {
    List<Integer> mapped = new ArrayList<>(columns.size());
    for (int column : columns) {
      mapped.add(checked(map, column));
    }
    return mapped;
  }

  private static int checked(int[] map, int column) {
    int mapped = map[column];
    if (mapped < 0) {
      throw new IllegalStateException("column " + column + " is used but was trimmed");
    }
    return mapped;
  }

  /** Adds the input columns {@code expression} reads to {@code used}. */
  static void refs(PhysicalExpr expression, BitSet used) {
    if (expression instanceof PhysicalExpr.InputRef ref) {
      used.set(ref.index());
    } else if (expression instanceof PhysicalExpr.Call call) {
      for (PhysicalExpr operand : call.operands()) {
        refs(operand, used);
      }
    }
  }

  /** {@code expression} with each input column {@code i} renumbered to {@code map[i]}. */
  static PhysicalExpr remap(PhysicalExpr expression, int[] map) {
    if (expression instanceof PhysicalExpr.InputRef ref) {
      int column = checked(map, ref.index());
      return column == ref.index() ? ref : new PhysicalExpr.InputRef(column, ref.type(), ref.nullable());
    }
    if (expression instanceof PhysicalExpr.Call call) {
      List<PhysicalExpr> operands = new ArrayList<>(call.operands().size());
      for (PhysicalExpr operand : call.operands()) {
        operands.add(remap(operand, map));
      }
      return new PhysicalExpr.Call(call.function(), operands, call.type(), call.nullable());
    }
    return expression;
  }

  private static BitSet all(int width) {
    BitSet all = new BitSet(width);
    all.set(0, width);
    return all;
  }

  private static int[] dropped(int width) {
    int[] map = new int[width];
    Arrays.fill(map, -1);
    return map;
  }
}
