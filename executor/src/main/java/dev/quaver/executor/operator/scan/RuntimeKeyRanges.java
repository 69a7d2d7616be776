package dev.quaver.executor.operator.scan;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalFilter;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runtime key ranges of hash joins (issue #6, SSB): a hash join reads its whole build (right)
 * input before it pulls its first probe (left) batch, so by the time a table scan on the probe
 * side opens, the build keys' minimum and maximum are known. For an inner, semi or right join a
 * probe row whose key lies outside that range cannot match and is dropped, so the scan may pass
 * {@code key >= min AND key <= max} to storage as advisory zone-map predicates. In SSB the
 * dimension filter {@code d_year = 1993} thus keeps one year of {@code lineorder}, which is
 * stored ordered by its order date: the other row groups are not read at all.
 *
 * <p>One instance per operator tree being built (OperatorBuilder). The probe key is traced from
 * the join down its left input through filters, projections of plain column references and the
 * left side of further hash joins to a scan column of the same SQL type (TINYINT, SMALLINT,
 * INTEGER, BIGINT or DATE); exchanges end the trace (another fragment opens that scan). A scan
 * plan node built more than once in this tree (a correlated input) gets no range. Switched off
 * with {@code -Dquaver.exec.runtimeKeyRanges=false} (A/B runs).
 *
 * <p>Besides the range, the scan gets the build keys themselves as a {@link
 * dev.quaver.storage.columnar.KeyFilter} (a bitset over the range, or a Bloom filter), which a
 * columnar scan tests on the key column of each row group before it loads the other columns:
 * in SSB Q2.1 (part 1/25, supplier 1/5) about 1% of lineorder's rows leave the scan. Several
 * joins of a star may each hand a filter to the same scan. The joins still compare keys (a
 * filter may pass a row that has no match, never drop one that has). Switched off alone with
 * {@code -Dquaver.exec.runtimeKeyFilters=false} (A/B runs; the ranges stay).
 *
 * <p>Thread safety: confined to the thread that builds the operator tree.
 */
public final class RuntimeKeyRanges {
  /** Read per operator tree, so an in-process A/B run can flip it between statements. */
  private final boolean enabled =
      !"false".equals(System.getProperty("quaver.exec.runtimeKeyRanges"));
  /** Also hand the scans the build keys as filters (read like {@link #enabled}). */
  private final boolean filters =
      enabled && !"false".equals(System.getProperty("quaver.exec.runtimeKeyFilters"));
  private final Map<PhysicalTableScan, TableScanOperator> built = new IdentityHashMap<>();
  private final Map<PhysicalTableScan, Boolean> repeated = new IdentityHashMap<>();

  /** The scan operator of {@code node}, remembered so a join above it can give it a key range. */
  public TableScanOperator scan(PhysicalTableScan node, ExecutionContext context) {
    TableScanOperator operator = new TableScanOperator(node, context);
    if (built.put(node, operator) != null) {
      repeated.put(node, Boolean.TRUE);
    }
    return operator;
  }

  /**
   * Call after both inputs of {@code join} were built: returns {@code right} wrapped in a
   * {@link KeyRangeCollector} whose ranges the probe-side scans found by the trace will use, or
   * {@code right} itself when there is no such scan.
   */
  public Operator build(PhysicalHashJoin join, Operator right) {
    JoinType type = join.joinType();
    if (!enabled || !(type == JoinType.INNER || type == JoinType.SEMI || type == JoinType.RIGHT)) {
      return right;
    }
    List<int[]> targets = new ArrayList<>(); // {key index, scan column ordinal}
    List<TableScanOperator> scans = new ArrayList<>();
    for (int k = 0; k < join.leftKeys().size(); k++) {
      SqlType buildType = join.right().fields().get(join.rightKeys().get(k)).type().type();
      if (!supported(buildType)) {
        continue;
      }
      Trace trace = trace(join.left(), join.leftKeys().get(k));
      if (trace == null || repeated.containsKey(trace.scan()) || !built.containsKey(trace.scan())) {
        continue;
      }
      int tableColumn = trace.scan().columns().get(trace.column());
      if (trace.scan().table().columns().get(tableColumn).type().type() != buildType) {
        continue;
      }
      targets.add(new int[] {k, tableColumn});
      scans.add(built.get(trace.scan()));
    }
    if (targets.isEmpty()) {
      return right;
    }
    int[] keys = join.rightKeys().stream().mapToInt(Integer::intValue).toArray();
    boolean[] collect = new boolean[keys.length];
    for (int[] target : targets) {
      collect[target[0]] = filters;
    }
    KeyRangeCollector collector = new KeyRangeCollector(right, keys, collect);
    for (int t = 0; t < targets.size(); t++) {
      int tableColumn = targets.get(t)[1];
      SqlType columnType = scans.get(t).tableColumnType(tableColumn);
      scans.get(t).addRuntimeRange(new RuntimeRange(collector, targets.get(t)[0], tableColumn, columnType,
          filters));
    }
    return collector;
  }

  /** A scan column reached from a probe key. */
  private record Trace(PhysicalTableScan scan, int column) {}

  /** Follows output column {@code column} of {@code node} down to a scan column, or null. */
  private static Trace trace(PhysicalNode node, int column) {
    while (true) {
      if (node instanceof PhysicalTableScan scan) {
        return column < scan.columns().size() ? new Trace(scan, column) : null;
      } else if (node instanceof PhysicalFilter filter) {
        node = filter.input();
      } else if (node instanceof PhysicalProject project) {
        if (!(project.expressions().get(column) instanceof PhysicalExpr.InputRef ref)) {
          return null;
        }
        column = ref.index();
        node = project.input();
      } else if (node instanceof PhysicalHashJoin join && join.joinType() != JoinType.RIGHT
          && join.joinType() != JoinType.FULL && column < join.left().fields().size()) {
        node = join.left(); // left columns come first and pass unchanged
      } else {
        return null;
      }
    }
  }

  private static boolean supported(SqlType type) {
    return type == SqlType.TINYINT || type == SqlType.SMALLINT || type == SqlType.INTEGER
        || type == SqlType.BIGINT || type == SqlType.DATE;
  }

  /**
   * One key range a scan applies when it opens: key {@code key} of {@code collector} on
   * {@code column}; with {@code filter}, the collector's key filter too.
   */
  record RuntimeRange(KeyRangeCollector collector, int key, int column, SqlType type, boolean filter) {}
}
