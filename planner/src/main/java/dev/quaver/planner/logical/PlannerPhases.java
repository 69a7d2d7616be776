package dev.quaver.planner.logical;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;

/**
 * The optimizer as one ordered list of phases (STYLE.md §10; docs/planner.md mirrors it). Each
 * phase rewrites the logical plan as a whole. The order matters:
 *
 * <ol>
 *   <li>subquery removal runs first because every later rule expects plain relational nodes;
 *   <li>decorrelation turns the Correlates it produced into joins (what it cannot remains a
 *       Correlate and runs as PhysicalCorrelate);
 *   <li>filter pushdown moves WHERE predicates into join conditions with the cheap ("dumb")
 *       FilterIntoJoin, before any rule infers predicates over a deep join tree (on a 64-table
 *       comma join that inference dominated planning time);
 *   <li>simplification simplifies expressions and pushes what is left, so that join ordering
 *       sees the join graph (a plan without joins gets the cheaper single-input simplification);
 *   <li>join ordering (TODO(#7): replaced by Quaver's cost-based DP/greedy planner) reorders
 *       inner joins so that comma joins never build cross products when a predicate links them
 *       (JoinOrdering: Calcite's LoptOptimizeJoinRule needs minutes for 64 tables);
 *   <li>field trimming runs last so that every scan reads only the columns used above it.
 * </ol>
 *
 * Phases that cannot change a plan are skipped ({@link #optimize}): this keeps the planning of
 * the many thousands of distinct simple statements of a SQL logic test cheap.
 *
 * Immutable.
 */
public final class PlannerPhases {
  /** One rewrite of the whole plan. */
  public interface Rewrite {
    RelNode apply(RelNode rel, RelBuilder relBuilder);
  }

  /** A named phase with its purpose (for docs and debugging) and its rewrite. */
  public record Phase(String name, String purpose, Rewrite rewrite) {
    public Phase {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(purpose, "purpose is null");
      Objects.requireNonNull(rewrite, "rewrite is null");
    }
  }

  private static final List<Phase> PHASES = List.of(
      new Phase("subquery-removal",
          "rewrite IN / EXISTS / scalar subqueries (RexSubQuery) into joins and Correlates",
          hep(HepMatchOrder.DEPTH_FIRST,
              CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
              CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
              CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)),
      new Phase("decorrelation",
          "turn Correlates into joins with aggregates where Calcite's RelDecorrelator can",
          RelDecorrelator::decorrelateQuery),
      new Phase("filter-pushdown",
          "merge filters and push them into and below joins, before anything infers predicates",
          hep(HepMatchOrder.DEPTH_FIRST,
              CoreRules.FILTER_MERGE,
              CoreRules.FILTER_PROJECT_TRANSPOSE,
              CoreRules.FILTER_INTO_JOIN_DUMB,
              CoreRules.JOIN_CONDITION_PUSH)),
      new Phase("simplification",
          "simplify expressions, merge projects, push join-key expressions into projects",
          hep(HepMatchOrder.DEPTH_FIRST,
              CoreRules.FILTER_REDUCE_EXPRESSIONS,
              CoreRules.FILTER_MERGE,
              CoreRules.PROJECT_MERGE,
              CoreRules.PROJECT_REMOVE,
              CoreRules.FILTER_INTO_JOIN,
              CoreRules.JOIN_CONDITION_PUSH,
              CoreRules.JOIN_PUSH_EXPRESSIONS,
              CoreRules.FILTER_PROJECT_TRANSPOSE,
              CoreRules.FILTER_AGGREGATE_TRANSPOSE,
              CoreRules.FILTER_SET_OP_TRANSPOSE,
              CoreRules.AGGREGATE_PROJECT_MERGE,
              CoreRules.UNION_MERGE)),
      new Phase("single-input-simplification",
          "the simplification phase for plans without joins: merges and transposes only; the"
              + " expression-reducing rules (predicate inference over the whole input and RexSimplify"
              + " of every condition) cost most of a simple statement's planning and buy little"
              + " when there is no join to derive predicates across",
          hep(HepMatchOrder.DEPTH_FIRST,
              CoreRules.FILTER_MERGE,
              CoreRules.PROJECT_MERGE,
              CoreRules.PROJECT_REMOVE,
              CoreRules.FILTER_PROJECT_TRANSPOSE,
              CoreRules.FILTER_AGGREGATE_TRANSPOSE,
              CoreRules.FILTER_SET_OP_TRANSPOSE,
              CoreRules.AGGREGATE_PROJECT_MERGE,
              CoreRules.UNION_MERGE)),
      new Phase("join-ordering",
          "order each tree of inner joins by cost: dynamic programming up to 10 factors, greedy beyond",
          JoinOrdering::apply),
      new Phase("field-trimming",
          "drop unused columns everywhere, so scans read only what the plan uses",
          PlannerPhases::trimFields));

  private static final HepProgram CLEAN_UP = new HepProgramBuilder()
      .addRuleCollection(List.of(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE))
      .build();

  private PlannerPhases() {}

  public static List<Phase> phases() {
    return PHASES;
  }

  /**
   * Runs every phase in order, skipping the phases that cannot change this plan: without a
   * subquery there is nothing to remove or decorrelate, without a join there is nothing to push
   * into or order. Each skipped phase saves a HepPlanner (or decorrelator) pass over the whole
   * plan, which is most of the planning time of a simple statement.
   */
  public static RelNode optimize(RelNode rel, RelBuilder relBuilder) {
    PlanFeatures features = PlanFeatures.of(rel);
    RelNode current = NullComparisonFolder.apply(rel);
    for (Phase phase : PHASES) {
      if (!applies(phase.name(), features)) {
        continue;
      }
      current = phase.rewrite().apply(current, relBuilder);
      if (phase.name().equals("decorrelation")) {
        features = PlanFeatures.of(current);
      }
    }
    return current;
  }

  private static boolean applies(String phase, PlanFeatures features) {
    return switch (phase) {
      case "subquery-removal" -> features.subQuery();
      case "decorrelation" -> features.subQuery() || features.correlate();
      case "filter-pushdown", "simplification", "join-ordering" -> features.join();
      case "single-input-simplification" -> !features.join();
      default -> true;
    };
  }

  private static Rewrite hep(HepMatchOrder order, RelOptRule... rules) {
    HepProgram program = new HepProgramBuilder()
        .addMatchOrder(order)
        .addRuleCollection(List.of(rules))
        .build();
    return (rel, relBuilder) -> run(program, rel);
  }

  private static RelNode run(HepProgram program, RelNode rel) {
    HepPlanner planner = new HepPlanner(program);
    planner.setExecutor(NoFoldingExecutor.INSTANCE);
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  private static RelNode trimFields(RelNode rel, RelBuilder relBuilder) {
    // The trimmer asks for predicate metadata, which rejects comparisons with a NULL literal.
    RelNode trimmed = new RelFieldTrimmer(null, relBuilder).trim(NullComparisonFolder.apply(rel));
    return run(CLEAN_UP, trimmed);
  }
}
