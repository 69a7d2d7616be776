package dev.quaver.executor.profile;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.physical.PhysicalNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One EXPLAIN ANALYZE run: {@link #wrap} is the OperatorBuilder's decorator (one profile per
 * plan node), {@link #drain} pulls every row of the root (rows are counted, not returned; a DML
 * root writes and commits as it would without EXPLAIN, as in PostgreSQL), and {@link #lines}
 * appends each node's actuals to its EXPLAIN line (the lines list the nodes in pre-order, as
 * ExplainPrinter prints them) and adds a total line.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class ExplainAnalyze {
  private final ExecutionContext context;
  private final Map<PhysicalNode, OperatorProfile> profiles = new IdentityHashMap<>();
  private long totalNanos;
  private long totalRows;

  public ExplainAnalyze(ExecutionContext context) {
    this.context = context;
  }

  /** Wraps {@code operator}, built for {@code node}, in a profiling operator. */
  public Operator wrap(PhysicalNode node, Operator operator) {
    return new ProfiledOperator(operator, profiles.computeIfAbsent(node, n -> new OperatorProfile()), context);
  }

  /** Pulls the root to its end. */
  public void drain(Operator root) {
    long start = System.nanoTime();
    for (var batch = root.next(); batch != null; batch = root.next()) {
      totalRows += batch.getRowCount();
    }
    totalNanos = System.nanoTime() - start;
  }

  /**
   * The EXPLAIN lines with each node's actuals appended; a node that never ran (a correlate's
   * inner side for an empty outer input) shows "never executed".
   * Requires: {@link #drain} ran and the root operator is closed (spill counters are final).
   */
  public List<String> lines(PhysicalNode root, List<String> explainLines) {
    List<PhysicalNode> nodes = new ArrayList<>();
    preOrder(root, nodes);
    List<String> lines = new ArrayList<>();
    boolean aligned = explainLines != null && explainLines.size() == nodes.size();
    for (int i = 0; i < nodes.size(); i++) {
      OperatorProfile profile = profiles.get(nodes.get(i));
      String actuals = profile == null ? " (never executed)" : profile.format();
      lines.add(aligned ? explainLines.get(i) + actuals
          : "  ".repeat(depth(root, nodes.get(i), 0)) + nodes.get(i).getClass().getSimpleName() + actuals);
    }
    if (!aligned && explainLines != null) {
      lines.addAll(0, explainLines);
    }
    lines.add(String.format(Locale.ROOT, "Total: rows=%d time=%.3fms peak_memory=%dB", totalRows, totalNanos / 1e6,
        context.allocator().getPeakMemoryAllocation()));
    return lines;
  }

  private static void preOrder(PhysicalNode node, List<PhysicalNode> nodes) {
    nodes.add(node);
    for (PhysicalNode input : node.inputs()) {
      preOrder(input, nodes);
    }
  }

  private static int depth(PhysicalNode node, PhysicalNode target, int depth) {
    if (node == target) {
      return depth;
    }
    for (PhysicalNode input : node.inputs()) {
      int found = depth(input, target, depth + 1);
      if (found >= 0) {
        return found;
      }
    }
    return -1;
  }
}
