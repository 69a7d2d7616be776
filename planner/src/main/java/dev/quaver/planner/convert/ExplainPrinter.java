package dev.quaver.planner.convert;

import dev.quaver.planner.cost.PlanAnnotations;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.PhysicalCorrelate;
import dev.quaver.planner.physical.PhysicalDelete;
import dev.quaver.planner.physical.PhysicalExchange;
import dev.quaver.planner.physical.PhysicalFilter;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalLimit;
import dev.quaver.planner.physical.PhysicalNestedLoopJoin;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalSetOp;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.planner.physical.PhysicalUpdate;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.planner.physical.SortKey;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * EXPLAIN text of a physical plan: one operator per line, children indented by two spaces, each
 * line {@code Name(attributes) distribution=... rows=... cost=...ms [decision]}: the cost is the
 * cost model's estimate for the subtree, the decision (joins and aggregations) names the chosen
 * distribution and the rejected alternative with their bytes moved. Deterministic: the same plan
 * always prints the same text, e.g.
 *
 * <pre>
 * HashJoin(type=INNER, keys=[0]=[0], right=[C2]) distribution=single rows=1500.0
 *   TableScan(table=T1, columns=[A1, B1]) distribution=single rows=1000.0
 *   TableScan(table=T2, columns=[A2, C2]) distribution=single rows=1000.0
 * </pre>
 *
 * <p>{@code right=[...]} names the right input's columns a join outputs after its left ones when
 * it does not output all of them (unused columns trimmed, #6).
 */
public final class ExplainPrinter {
  private ExplainPrinter() {}

  /** The plan as text without costs or decisions (a plan not made by the cost-based planner). */
  public static List<String> print(PhysicalNode root) {
    return print(root, PlanAnnotations.NONE);
  }

  /** The plan as text with the costs and decisions the planner recorded for its nodes. */
  public static List<String> print(PhysicalNode root, PlanAnnotations annotations) {
    List<String> lines = new ArrayList<>();
    print(root, 0, lines, annotations);
    return lines;
  }

  private static void print(PhysicalNode node, int depth, List<String> lines, PlanAnnotations annotations) {
    Double cost = annotations.cost(node);
    String decision = annotations.decision(node);
    lines.add("  ".repeat(depth) + describe(node) + " distribution=" + node.distribution()
        + " rows=" + String.format(Locale.ROOT, "%.1f", node.estimatedRows())
        + (cost == null ? "" : " cost=" + cost(cost))
        + (decision == null ? "" : " [" + decision + "]"));
    for (PhysicalNode input : node.inputs()) {
      print(input, depth + 1, lines, annotations);
    }
  }

  /** An estimated cost (nanoseconds of one core, docs/cost-model.md) as milliseconds. */
  private static String cost(double nanos) {
    return String.format(Locale.ROOT, "%.3fms", nanos / 1e6);
  }

  static String describe(PhysicalNode node) {
    if (node instanceof PhysicalTableScan scan) {
      List<String> columns = scan.columns().stream()
          .map(i -> scan.table().columns().get(i).name()).collect(Collectors.toList());
      return "TableScan(table=" + scan.table().name() + ", columns=" + columns
          + (scan.withRowKey() ? ", rowKey" : "")
          + (scan.filter() != null ? ", filter=" + expr(scan.filter()) : "") + ")";
    }
    if (node instanceof dev.quaver.planner.physical.PhysicalIndexScan scan) {
      return AccessPathExplain.describe(scan);
    }
    if (node instanceof PhysicalFilter filter) {
      return "Filter(condition=" + expr(filter.condition()) + ")";
    }
    if (node instanceof PhysicalProject project) {
      return "Project(" + exprs(project.expressions()) + ")";
    }
    if (node instanceof PhysicalHashJoin join) {
      return "HashJoin(type=" + join.joinType() + ", keys=" + join.leftKeys() + "=" + join.rightKeys()
          + (join.residual() != null ? ", residual=" + expr(join.residual()) : "")
          + (join.rightOutput() != null ? ", right=" + join.rightOutput().stream()
              .map(i -> join.right().fields().get(i).name()).collect(Collectors.toList()) : "") + ")";
    }
    if (node instanceof PhysicalNestedLoopJoin join) {
      return "NestedLoopJoin(type=" + join.joinType()
          + (join.condition() != null ? ", condition=" + expr(join.condition()) : "") + ")";
    }
    if (node instanceof PhysicalCorrelate correlate) {
      return "Correlate(type=" + correlate.joinType() + ", id=$cor" + correlate.correlationId() + ")";
    }
    if (node instanceof PhysicalHashAggregate aggregate) {
      return "HashAggregate(group=" + aggregate.groupKeys() + ", calls=["
          + aggregate.calls().stream().map(ExplainPrinter::aggregate).collect(Collectors.joining(", "))
          + "], phase=" + aggregate.phase() + ")";
    }
    if (node instanceof PhysicalSort sort) {
      return "Sort(keys=[" + sort.keys().stream().map(ExplainPrinter::key).collect(Collectors.joining(", "))
          + "]" + limits(sort.offset(), sort.fetch()) + ")";
    }
    if (node instanceof PhysicalLimit limit) {
      String offset = limit.offsetParameter() != null ? expr(limit.offsetParameter()) : "" + limit.offset();
      String fetch = limit.fetchParameter() != null ? expr(limit.fetchParameter()) : "" + limit.fetch();
      return "Limit(offset=" + offset + ", fetch=" + fetch + ")";
    }
    if (node instanceof PhysicalSetOp setOp) {
      return "SetOp(kind=" + setOp.kind() + ", all=" + setOp.all() + ")";
    }
    if (node instanceof PhysicalValues values) {
      return "Values(rows=" + values.rows().size() + ", columns=" + values.fields().size() + ")";
    }
    if (node instanceof PhysicalInsert insert) {
      return "Insert(table=" + insert.table().name() + ")";
    }
    if (node instanceof PhysicalUpdate update) {
      return "Update(table=" + update.table().name() + ")";
    }
    if (node instanceof PhysicalDelete delete) {
      return "Delete(table=" + delete.table().name() + ")";
    }
    if (node instanceof dev.quaver.planner.physical.PhysicalWindow window) {
      return "Window(partition=" + window.partitionKeys() + ", order=[" + window.orderKeys().stream()
          .map(ExplainPrinter::key).collect(Collectors.joining(", ")) + "], calls=" + window.calls() + ")";
    }
    if (node instanceof PhysicalExchange exchange) {
      return "Exchange(" + exchange.distribution() + ")";
    }
    return node.getClass().getSimpleName();
  }

  private static String limits(long offset, long fetch) {
    return (offset > 0 ? ", offset=" + offset : "") + (fetch >= 0 ? ", fetch=" + fetch : "");
  }

  private static String key(SortKey key) {
    return key.column() + (key.descending() ? " DESC" : " ASC") + (key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
  }

  private static String aggregate(AggregateCall call) {
    return call.function() + (call.distinct() ? "(DISTINCT " : "(")
        + call.arguments().stream().map(i -> "$" + i).collect(Collectors.joining(", ")) + ")"
        + (call.filterColumn() >= 0 ? " FILTER $" + call.filterColumn() : "")
        + (call.literal() != null ? " " + call.literal() : "");
  }

  private static String exprs(List<PhysicalExpr> expressions) {
    return expressions.stream().map(ExplainPrinter::expr).collect(Collectors.joining(", "));
  }

  /** An expression as text: $i inputs, ?i parameters, $corN.$i outer references, FUNC(args). */
  public static String expr(PhysicalExpr expr) {
    if (expr instanceof PhysicalExpr.InputRef ref) {
      return "$" + ref.index();
    }
    if (expr instanceof PhysicalExpr.Parameter parameter) {
      return "?" + parameter.index();
    }
    if (expr instanceof PhysicalExpr.CorrelationRef ref) {
      return "$cor" + ref.correlationId() + ".$" + ref.index();
    }
    if (expr instanceof PhysicalExpr.Literal literal) {
      if (literal.value() == null) {
        return "NULL:" + literal.type();
      }
      return literal.type().type().isCharacter() ? "'" + literal.value() + "'" : String.valueOf(literal.value())
          + (literal.type().type() == SqlType.INTEGER || literal.type().type() == SqlType.BOOLEAN
              ? "" : ":" + literal.type());
    }
    PhysicalExpr.Call call = (PhysicalExpr.Call) expr;
    if (call.function() == dev.quaver.planner.expr.ScalarFunction.CAST) {
      return "CAST(" + expr(call.operands().get(0)) + " AS " + call.type() + ")";
    }
    return call.function() + "(" + exprs(call.operands()) + ")";
  }
}
