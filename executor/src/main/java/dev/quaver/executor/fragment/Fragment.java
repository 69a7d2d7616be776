package dev.quaver.executor.fragment;

import dev.quaver.planner.physical.PhysicalExchange;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalSort;
import java.util.List;
import java.util.Objects;

/**
 * A piece of the physical plan between exchanges: {@code root} and its subtree down to (and
 * including, as leaves read from other fragments) the exchanges in {@code inputs}. It runs
 * {@code instances} times in parallel, instance i reading partition i of its tables and of its
 * hash-shuffled inputs; it sends its rows into {@code output} (null for the top fragment, which
 * the statement pulls). When {@code mergeSort} is set, the output is gathered by the ordered
 * merge that replaces that sort: each instance sorts its rows by its keys (top-N with its
 * fetch) before sending. Immutable.
 */
public record Fragment(int id, PhysicalNode root, int instances, PhysicalExchange output,
    List<PhysicalExchange> inputs, PhysicalSort mergeSort) {
  public Fragment {
    Objects.requireNonNull(root, "root is null");
    inputs = List.copyOf(inputs);
    if (instances < 1) {
      throw new IllegalArgumentException("fragment " + id + " with " + instances + " instances");
    }
  }
}
