package dev.quaver.executor.profile;

import dev.quaver.executor.fragment.Fragment;
import dev.quaver.executor.fragment.FragmentInstance;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.physical.PhysicalExchange;
import dev.quaver.planner.physical.PhysicalNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One EXPLAIN ANALYZE run: {@link #decorator} gives the OperatorBuilder of each fragment
 * instance its wrapper (one profile per operator instance), {@link #drain} pulls every row of the
 * root (rows are counted, not returned; a DML root writes and commits as it would without
 * EXPLAIN, as in PostgreSQL), and {@link #lines} appends each node's actuals, added up over its
 * instances, to its EXPLAIN line (the lines list the nodes in pre-order, as ExplainPrinter prints
 * them), then one line per fragment of a parallel run and a total line.
 *
 * <p>Thread safety: {@code decorator}'s wrappers may be created from every instance's thread
 * (synchronized); the rest is confined to the statement's thread, after the instances ended.
 */
public final class ExplainAnalyze {
  private final ExecutionContext context;
  private final Map<PhysicalNode, List<Entry>> profiles = new IdentityHashMap<>();
  private List<Fragment> fragments = List.of();
  private long totalNanos;
  private long totalRows;

  public ExplainAnalyze(ExecutionContext context) {
    this.context = context;
  }

  /** Wraps {@code operator}, built for {@code node} in a serial statement, in a profiling operator. */
  public Operator wrap(PhysicalNode node, Operator operator) {
    return wrap(FragmentInstance.SERIAL, node, operator);
  }

  /** The OperatorBuilder decorator for the operators of fragment instance {@code instance}. */
  public BiFunction<PhysicalNode, Operator, Operator> decorator(FragmentInstance instance) {
    return (node, operator) -> wrap(instance, node, operator);
  }

  /** The fragments the statement ran as (none: serial); {@link #lines} adds a line for each. */
  public void fragments(List<Fragment> ran) {
    this.fragments = List.copyOf(ran);
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
  public synchronized List<String> lines(PhysicalNode root, List<String> explainLines) {
    List<PhysicalNode> nodes = new ArrayList<>();
    preOrder(root, nodes);
    List<String> lines = new ArrayList<>();
    boolean aligned = explainLines != null && explainLines.size() == nodes.size();
    for (int i = 0; i < nodes.size(); i++) {
      OperatorProfile profile = total(nodes.get(i));
      String actuals = profile == null ? " (never executed)" : profile.format();
      lines.add(aligned ? explainLines.get(i) + actuals
          : "  ".repeat(depth(root, nodes.get(i), 0)) + nodes.get(i).getClass().getSimpleName() + actuals);
    }
    if (!aligned && explainLines != null) {
      lines.addAll(0, explainLines);
    }
    for (Fragment fragment : fragments) {
      lines.add(fragmentLine(fragment));
    }
    lines.add(String.format(Locale.ROOT, "Total: rows=%d time=%.3fms peak_memory=%dB", totalRows, totalNanos / 1e6,
        context.allocator().getPeakMemoryAllocation()));
    return lines;
  }

  private synchronized Operator wrap(FragmentInstance instance, PhysicalNode node, Operator operator) {
    OperatorProfile profile = new OperatorProfile();
    profiles.computeIfAbsent(node, n -> new ArrayList<>()).add(new Entry(instance.fragmentId(), instance.partition(),
        profile));
    return new ProfiledOperator(operator, profile, context);
  }

  /** A node's profiles added up; instances counts the fragment instances it ran in. */
  private OperatorProfile total(PhysicalNode node) {
    List<Entry> entries = profiles.get(node);
    if (entries == null) {
      return null;
    }
    List<OperatorProfile> list = new ArrayList<>();
    Set<Long> instances = new HashSet<>();
    for (Entry entry : entries) {
      list.add(entry.profile());
      instances.add(((long) entry.fragment() << 32) | entry.partition());
    }
    OperatorProfile total = OperatorProfile.sum(list);
    total.instances = instances.size();
    return total;
  }

  /**
   * "Fragment n (sends to, instances=k): actual_rows=.. batches=.. time=..ms peak_memory=..B
   * spilled=..B": rows, batches and time (summed over instances) of its root operator, the
   * largest peak and the spilled bytes of all its operators.
   */
  private String fragmentLine(Fragment fragment) {
    List<PhysicalNode> nodes = new ArrayList<>();
    fragmentNodes(fragment.root(), nodes);
    OperatorProfile root = total(fragment.root());
    long peak = 0;
    long spilled = 0;
    for (PhysicalNode node : nodes) {
      OperatorProfile profile = total(node);
      if (profile != null) {
        peak = Math.max(peak, profile.peakBytes);
        spilled += profile.spilledBytes;
      }
    }
    String sends = fragment.output() == null ? "result" : "exchange " + fragment.output().distribution();
    return String.format(Locale.ROOT, "Fragment %d (%s, instances=%d): actual_rows=%d batches=%d time=%.3fms"
        + " peak_memory=%dB spilled=%dB", fragment.id(), sends, fragment.instances(), root == null ? 0 : root.rows,
        root == null ? 0 : root.batches, root == null ? 0 : root.nanos / 1e6, peak, spilled);
  }

  /** The nodes of one fragment: down to, and including, the exchanges it reads. */
  private static void fragmentNodes(PhysicalNode node, List<PhysicalNode> nodes) {
    nodes.add(node);
    if (node instanceof PhysicalExchange) {
      return;
    }
    for (PhysicalNode input : node.inputs()) {
      fragmentNodes(input, nodes);
    }
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

  /** One operator instance's profile and the fragment instance it ran in. */
  private record Entry(int fragment, int partition, OperatorProfile profile) {}
}
