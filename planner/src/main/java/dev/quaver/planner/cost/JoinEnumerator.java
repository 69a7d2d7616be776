package dev.quaver.planner.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the order and shape of a tree of inner joins over {@code n} factors (a join graph:
 * factor row counts and predicates, each over a set of factors with a selectivity). Up to
 * {@link #DP_LIMIT} factors: dynamic programming over connected subsets (DPsub with a
 * connectivity test, bushy trees, every split of a connected set into two connected, joined
 * halves); more factors: greedy operator ordering (repeatedly join the connected pair with the
 * smallest result). Cross products only between disconnected components, smallest first. The
 * smaller side of every join becomes the build (right) side. Cost: {@link CostModel#hashJoin}
 * per join, summed, with the output rows of each join. Stateless.
 */
public final class JoinEnumerator {
  /** Largest join solved exactly; 3^10 splits take about a millisecond. */
  public static final int DP_LIMIT = 10;
  /** Bytes per row assumed while ordering (the widths are not known yet). */
  private static final double ROW_BYTES = 32;

  private JoinEnumerator() {}

  /** A predicate over a set of factors (bit i = factor i) and its selectivity. */
  public record Edge(long factors, double selectivity) {}

  /** A join tree: a factor or a join of two trees, with its factor set, rows and cost. */
  public sealed interface Tree permits Leaf, Node {
    long factors();

    double rows();

    double cost();
  }

  public record Leaf(int factor, double rows) implements Tree {
    @Override
    public long factors() {
      return 1L << factor;
    }

    @Override
    public double cost() {
      return 0;
    }
  }

  /** {@code right} is the build side. */
  public record Node(Tree left, Tree right, double rows, double cost) implements Tree {
    @Override
    public long factors() {
      return left.factors() | right.factors();
    }
  }

  /** The best tree over all factors (at most 63). */
  public static Tree order(double[] rows, List<Edge> edges) {
    int n = rows.length;
    if (n > 63) {
      throw new IllegalArgumentException("at most 63 join factors, got " + n);
    }
    List<Tree> components = new ArrayList<>();
    for (long component : components(n, edges)) {
      components.add(Long.bitCount(component) <= DP_LIMIT
          ? dynamic(component, rows, edges) : greedy(component, rows, edges));
    }
    // Cross products between disconnected components: smallest first.
    components.sort(Comparator.comparingDouble(Tree::rows));
    Tree tree = components.get(0);
    for (int i = 1; i < components.size(); i++) {
      tree = join(tree, components.get(i), tree.rows() * components.get(i).rows(), false);
    }
    return tree;
  }

  /** Connected components of the join graph, as factor sets. */
  static List<Long> components(int n, List<Edge> edges) {
    List<Long> components = new ArrayList<>();
    long unassigned = n == 64 ? -1L : (1L << n) - 1;
    while (unassigned != 0) {
      long component = Long.lowestOneBit(unassigned);
      boolean grown = true;
      while (grown) {
        grown = false;
        for (Edge edge : edges) {
          if ((edge.factors() & component) != 0 && (edge.factors() & ~component) != 0) {
            component |= edge.factors();
            grown = true;
          }
        }
      }
      component &= unassigned;
      components.add(component);
      unassigned &= ~component;
    }
    return components;
  }

  private static Tree dynamic(long set, double[] rows, List<Edge> edges) {
    int[] factors = bits(set);
    int k = factors.length;
    // Work over local indexes 0..k-1.
    List<Edge> local = new ArrayList<>();
    for (Edge edge : edges) {
      if ((edge.factors() & ~set) == 0 && Long.bitCount(edge.factors()) >= 1) {
        local.add(new Edge(localize(edge.factors(), factors), edge.selectivity()));
      }
    }
    int size = 1 << k;
    double[] setRows = new double[size];
    Tree[] best = new Tree[size];
    for (int i = 0; i < k; i++) {
      best[1 << i] = new Leaf(factors[i], rows[factors[i]]);
    }
    for (int s = 1; s < size; s++) {
      int low = Integer.numberOfTrailingZeros(s);
      int rest = s & (s - 1);
      double r = rows[factors[low]] * (rest == 0 ? 1 : setRows[rest]);
      for (Edge edge : local) {
        long e = edge.factors();
        if ((e & (1L << low)) != 0 && (e & ~s) == 0) {
          r *= edge.selectivity();
        }
      }
      setRows[s] = Math.max(1, r);
    }
    for (int s = 1; s < size; s++) {
      if (Integer.bitCount(s) < 2) {
        continue;
      }
      Tree chosen = null;
      // Each unordered split once: s1 holds the lowest factor of s.
      int lowest = s & -s;
      for (int s1 = (s - 1) & s; s1 > 0; s1 = (s1 - 1) & s) {
        if ((s1 & lowest) == 0) {
          continue;
        }
        int s2 = s ^ s1;
        if (best[s1] == null || best[s2] == null || !connects(local, s1, s2)) {
          continue;
        }
        Tree candidate = join(best[s1], best[s2], setRows[s], true);
        if (chosen == null || candidate.cost() < chosen.cost()) {
          chosen = candidate;
        }
      }
      best[s] = chosen;
    }
    Tree result = best[size - 1];
    // Connected only through predicates over three or more factors: no split into two connected
    // halves exists, so let the greedy method (which falls back to the smallest pair) decide.
    return result != null ? result : greedy(set, rows, edges);
  }

  private static Tree greedy(long set, double[] rows, List<Edge> edges) {
    List<Tree> trees = new ArrayList<>();
    for (int factor : bits(set)) {
      trees.add(new Leaf(factor, rows[factor]));
    }
    while (trees.size() > 1) {
      int bestI = -1;
      int bestJ = -1;
      double bestRows = Double.MAX_VALUE;
      double[][] selectivity = new double[trees.size()][];
      boolean[][] connected = new boolean[trees.size()][];
      for (int i = 0; i < trees.size(); i++) {
        selectivity[i] = new double[trees.size()];
        connected[i] = new boolean[trees.size()];
        java.util.Arrays.fill(selectivity[i], 1);
      }
      for (Edge edge : edges) {
        int first = -1;
        int second = -1;
        boolean pair = true;
        for (int t = 0; t < trees.size() && pair; t++) {
          if ((trees.get(t).factors() & edge.factors()) != 0) {
            if (first < 0) {
              first = t;
            } else if (second < 0) {
              second = t;
            } else {
              pair = false;
            }
          }
        }
        if (pair && second >= 0) {
          selectivity[first][second] *= edge.selectivity();
          connected[first][second] = true;
        }
      }
      for (int i = 0; i < trees.size(); i++) {
        for (int j = i + 1; j < trees.size(); j++) {
          if (!connected[i][j]) {
            continue;
          }
          double r = trees.get(i).rows() * trees.get(j).rows() * selectivity[i][j];
          if (r < bestRows) {
            bestRows = r;
            bestI = i;
            bestJ = j;
          }
        }
      }
      if (bestI < 0) {
        // Only hyperedges over three or more trees remain: join the two smallest trees.
        trees.sort(Comparator.comparingDouble(Tree::rows));
        bestI = 0;
        bestJ = 1;
        bestRows = trees.get(0).rows() * trees.get(1).rows();
      }
      Tree merged = join(trees.get(bestI), trees.get(bestJ), Math.max(1, bestRows), true);
      trees.remove(bestJ);
      trees.set(bestI, merged);
    }
    return trees.get(0);
  }

  /** Joins two trees with the smaller one as build side. */
  private static Tree join(Tree a, Tree b, double outputRows, boolean connected) {
    Tree probe = a.rows() >= b.rows() ? a : b;
    Tree build = probe == a ? b : a;
    double cost = connected
        ? CostModel.hashJoin(build.rows(), build.rows() * ROW_BYTES, probe.rows(), outputRows, 1)
        : CostModel.nestedLoopJoin(probe.rows(), build.rows(), outputRows);
    return new Node(probe, build, outputRows, a.cost() + b.cost() + cost);
  }

  private static boolean connects(List<Edge> edges, int s1, int s2) {
    long union = s1 | s2;
    for (Edge edge : edges) {
      long e = edge.factors();
      if ((e & ~union) == 0 && (e & s1) != 0 && (e & s2) != 0) {
        return true;
      }
    }
    return false;
  }

  private static int[] bits(long set) {
    int[] bits = new int[Long.bitCount(set)];
    int i = 0;
    for (long rest = set; rest != 0; rest &= rest - 1) {
      bits[i++] = Long.numberOfTrailingZeros(rest);
    }
    return bits;
  }

  private static long localize(long global, int[] factors) {
    long local = 0;
    for (int i = 0; i < factors.length; i++) {
      if ((global & (1L << factors[i])) != 0) {
        local |= 1L << i;
      }
    }
    return local;
  }
}
