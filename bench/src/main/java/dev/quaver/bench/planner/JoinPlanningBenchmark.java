package dev.quaver.bench.planner;

import dev.quaver.planner.cost.JoinEnumerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Join ordering time of {@link JoinEnumerator} for chain and star join graphs of {@code n}
 * relations: dynamic programming up to 10, greedy beyond (docs/cost-model.md §3; the goal is a
 * 20-table join under 100 ms). Run with
 * {@code java -jar bench/target/benchmarks.jar JoinPlanning} after {@code mvn -pl bench -am package}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1)
public class JoinPlanningBenchmark {
  @Param({"5", "10", "20", "40"})
  int relations;

  @Param({"chain", "star"})
  String shape;

  private double[] rows;
  private List<JoinEnumerator.Edge> edges;

  @Setup
  public void graph() {
    rows = new double[relations];
    edges = new ArrayList<>();
    for (int i = 0; i < relations; i++) {
      rows[i] = i == 0 ? 6_000_000 : 1_000 + 997L * i % 50_000;
      if (i > 0) {
        int other = shape.equals("chain") ? i - 1 : 0;
        edges.add(new JoinEnumerator.Edge((1L << i) | (1L << other), 1 / rows[i]));
      }
    }
  }

  @Benchmark
  public JoinEnumerator.Tree order() {
    return JoinEnumerator.order(rows, edges);
  }
}
