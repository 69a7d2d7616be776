package dev.quaver.planner.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.cost.JoinEnumerator.Edge;
import dev.quaver.planner.cost.JoinEnumerator.Leaf;
import dev.quaver.planner.cost.JoinEnumerator.Node;
import dev.quaver.planner.cost.JoinEnumerator.Tree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinEnumeratorTest {
  @Test
  void starJoinJoinsTheSelectiveDimensionFirstAndBuildsOnTheSmallSide() {
    // fact 0 (6M rows), dimensions 1..3; dimension 3 filtered to 10 rows.
    double[] rows = {6_000_000, 30_000, 2_000, 10};
    List<Edge> edges = List.of(new Edge(0b0011, 1 / 30_000.0), new Edge(0b0101, 1 / 2_000.0),
        new Edge(0b1001, 1 / 2_557.0));
    Tree tree = JoinEnumerator.order(rows, edges);
    // The fact table is first joined with the 10-row dimension, which is built (right).
    Node first = joinOf(tree, 0);
    assertThat(first.left()).isEqualTo(new Leaf(0, 6_000_000));
    assertThat(first.right()).isEqualTo(new Leaf(3, 10));
    assertThat(noCrossProduct(tree, edges)).isTrue();
  }

  @Test
  void chainNeverBuildsACrossProduct() {
    double[] rows = {1000, 10, 1000, 10, 1000};
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < rows.length - 1; i++) {
      edges.add(new Edge((1L << i) | (1L << (i + 1)), 0.01));
    }
    Tree tree = JoinEnumerator.order(rows, edges);
    assertThat(Long.bitCount(tree.factors())).isEqualTo(5);
    assertThat(noCrossProduct(tree, edges)).isTrue();
  }

  @Test
  void disconnectedComponentsAreCrossedLast() {
    double[] rows = {100, 100, 5};
    Tree tree = JoinEnumerator.order(rows, List.of(new Edge(0b011, 0.01)));
    Node top = (Node) tree;
    assertThat(top.right()).isEqualTo(new Leaf(2, 5));
  }

  @Test
  void twentyTableJoinPlansQuickly() {
    // Greedy beyond DP_LIMIT; the bench measures planning time, this only prints it.
    int n = 20;
    double[] rows = new double[n];
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows[i] = 1000 + i * 37;
      if (i > 0) {
        edges.add(new Edge((1L << i) | (1L << (i - 1)), 1.0 / rows[i]));
      }
    }
    long start = System.nanoTime();
    Tree tree = JoinEnumerator.order(rows, edges);
    System.out.printf("20-relation join order: %.2f ms%n", (System.nanoTime() - start) / 1e6);
    assertThat(Long.bitCount(tree.factors())).isEqualTo(n);
    assertThat(noCrossProduct(tree, edges)).isTrue();
  }

  @Test
  void tenTablesUseDynamicProgrammingAndFindTheOptimum() {
    double[] rows = new double[10];
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows[i] = 10 + i * 1000;
      if (i > 0) {
        edges.add(new Edge(1L | (1L << i), 1.0 / rows[i]));
      }
    }
    Tree tree = JoinEnumerator.order(rows, edges);
    assertThat(Long.bitCount(tree.factors())).isEqualTo(10);
    assertThat(noCrossProduct(tree, edges)).isTrue();
  }

  /** The join whose direct input is factor {@code factor}. */
  private static Node joinOf(Tree tree, int factor) {
    Node node = (Node) tree;
    while (true) {
      if (node.left() instanceof Leaf leaf && leaf.factor() == factor
          || node.right() instanceof Leaf right && right.factor() == factor) {
        return node;
      }
      node = (Node) ((node.left().factors() & (1L << factor)) != 0 ? node.left() : node.right());
    }
  }

  /** Every join of the tree has an edge between its two sides. */
  private static boolean noCrossProduct(Tree tree, List<Edge> edges) {
    if (!(tree instanceof Node node)) {
      return true;
    }
    long l = node.left().factors();
    long r = node.right().factors();
    boolean connected = edges.stream().anyMatch(e -> (e.factors() & l) != 0 && (e.factors() & r) != 0
        && (e.factors() & ~(l | r)) == 0);
    return connected && noCrossProduct(node.left(), edges) && noCrossProduct(node.right(), edges);
  }
}
