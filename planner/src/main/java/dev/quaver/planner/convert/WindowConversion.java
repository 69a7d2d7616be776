package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.PhysicalWindow;
import dev.quaver.planner.physical.SortKey;
import dev.quaver.planner.physical.WindowCall;
import dev.quaver.planner.physical.WindowFrame;
import dev.quaver.planner.physical.WindowFunction;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;

/**
 * Converts a Project whose expressions contain window functions (RexOver) into
 *
 * <pre>
 * Project(original expressions, each RexOver replaced by a reference to its column)
 *   Window(partition, order, calls)        -- one per distinct (PARTITION BY, ORDER BY)
 *     Sort(partition keys ASC NULLS FIRST, order keys)
 *       ...                                -- the next window, or:
 *         Project(input columns, computed arguments and keys)   -- only if any is computed
 *           input
 * </pre>
 *
 * Calls of one window share the sort and one pass; each call has its own frame. Identical
 * RexOvers are computed once. Stateless.
 */
final class WindowConversion {
  private static final Distribution SINGLE = Distribution.single();

  private WindowConversion() {}

  static PhysicalNode convert(RelConverter converter, Project project) {
    PhysicalNode input = converter.convert(project.getInput());
    Columns columns = new Columns(converter, input);
    // Distinct RexOvers grouped by window, in order of first appearance.
    Map<String, RexOver> overs = new LinkedHashMap<>();
    for (RexNode expression : project.getProjects()) {
      expression.accept(new RexShuttle() {
        @Override
        public RexNode visitOver(RexOver over) {
          overs.putIfAbsent(over.toString(), over);
          return over;
        }
      });
    }
    Map<String, List<RexOver>> windows = new LinkedHashMap<>();
    Map<String, Window> shapes = new LinkedHashMap<>();
    for (RexOver over : overs.values()) {
      Window window = window(columns, over.getWindow());
      String key = window.partitionKeys() + "|" + window.orderKeys();
      windows.computeIfAbsent(key, k -> new ArrayList<>()).add(over);
      shapes.putIfAbsent(key, window);
    }
    // Arguments first (they may add computed columns), then the windows on top.
    Map<String, List<WindowCall>> calls = new LinkedHashMap<>();
    for (Map.Entry<String, List<RexOver>> entry : windows.entrySet()) {
      List<WindowCall> list = new ArrayList<>();
      for (RexOver over : entry.getValue()) {
        list.add(call(converter, columns, over, "$W" + overs.keySet().stream().toList().indexOf(over.toString())));
      }
      calls.put(entry.getKey(), list);
    }
    PhysicalNode node = columns.project(project);
    Map<String, Integer> overColumns = new LinkedHashMap<>();
    for (Map.Entry<String, List<WindowCall>> entry : calls.entrySet()) {
      Window window = shapes.get(entry.getKey());
      List<SortKey> sortKeys = new ArrayList<>();
      for (int key : window.partitionKeys()) {
        sortKeys.add(new SortKey(key, false, true));
      }
      sortKeys.addAll(window.orderKeys());
      double rows = node.estimatedRows();
      if (!sortKeys.isEmpty()) {
        node = new PhysicalSort(node, sortKeys, 0, -1, SINGLE, rows);
      }
      int base = node.fields().size();
      List<RexOver> windowOvers = windows.get(entry.getKey());
      for (int i = 0; i < windowOvers.size(); i++) {
        overColumns.put(windowOvers.get(i).toString(), base + i);
      }
      node = new PhysicalWindow(node, window.partitionKeys(), window.orderKeys(), entry.getValue(), SINGLE, rows);
    }
    List<Field> windowFields = node.fields();
    List<RexNode> replaced = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      replaced.add(expression.accept(new RexShuttle() {
        @Override
        public RexNode visitOver(RexOver over) {
          return new RexInputRef(overColumns.get(over.toString()), over.getType());
        }
      }));
    }
    List<PhysicalExpr> expressions = converter.rex(windowFields).convertAll(replaced);
    return new PhysicalProject(node, expressions, RelConverter.fields(project, expressions), SINGLE,
        converter.rows(project));
  }

  private record Window(List<Integer> partitionKeys, List<SortKey> orderKeys) {}

  private static Window window(Columns columns, RexWindow window) {
    List<Integer> partition = new ArrayList<>();
    for (RexNode key : window.partitionKeys) {
      int column = columns.of(key);
      if (!partition.contains(column)) {
        partition.add(column);
      }
    }
    List<SortKey> order = new ArrayList<>();
    for (RexFieldCollation collation : window.orderKeys) {
      boolean descending = collation.getDirection().isDescending();
      boolean nullsFirst = switch (collation.getNullDirection()) {
        case FIRST -> true;
        case LAST -> false;
        default -> !descending; // NULLs sort LOW: first in ASC, last in DESC
      };
      order.add(new SortKey(columns.of(collation.left), descending, nullsFirst));
    }
    return new Window(partition, order);
  }

  private static WindowCall call(RelConverter converter, Columns columns, RexOver over, String name) {
    if (over.isDistinct()) {
      throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "DISTINCT in window function %s is not supported",
          over.getAggOperator().getName());
    }
    ColumnType type = TypeMapping.toColumnType(over.getType());
    boolean nullable = over.getType().isNullable();
    WindowFunction function = function(over);
    List<Integer> arguments = new ArrayList<>();
    long offset = 0;
    List<RexNode> operands = over.getOperands();
    if (function == WindowFunction.LAG || function == WindowFunction.LEAD) {
      arguments.add(columns.of(operands.get(0)));
      offset = 1;
      if (operands.size() > 1) {
        if (!(operands.get(1) instanceof RexLiteral literal) || literal.getValueAs(Long.class) == null) {
          throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
              "the offset of %s must be a constant integer, not %s", function, operands.get(1));
        }
        offset = literal.getValueAs(Long.class);
        if (offset < 0) {
          throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "the offset of %s must not be negative: %d",
              function, offset);
        }
      }
      if (operands.size() > 2) {
        arguments.add(columns.of(operands.get(2), type));
      }
    } else {
      for (RexNode operand : operands) {
        arguments.add(columns.of(operand));
      }
    }
    if (function == WindowFunction.COUNT && arguments.isEmpty()) {
      function = WindowFunction.COUNT_STAR;
    }
    return new WindowCall(function, arguments, offset, frame(over.getWindow()), type, nullable, name);
  }

  private static WindowFunction function(RexOver over) {
    SqlKind kind = over.getAggOperator().getKind();
    switch (kind) {
      case ROW_NUMBER:
        return WindowFunction.ROW_NUMBER;
      case RANK:
        return WindowFunction.RANK;
      case DENSE_RANK:
        return WindowFunction.DENSE_RANK;
      case LAG:
        return WindowFunction.LAG;
      case LEAD:
        return WindowFunction.LEAD;
      case FIRST_VALUE:
        return WindowFunction.FIRST_VALUE;
      case LAST_VALUE:
        return WindowFunction.LAST_VALUE;
      case COUNT:
        return WindowFunction.COUNT;
      case SUM:
        return WindowFunction.SUM;
      case SUM0:
        return WindowFunction.SUM0;
      case AVG:
        return WindowFunction.AVG;
      case MIN:
        return WindowFunction.MIN;
      case MAX:
        return WindowFunction.MAX;
      default:
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "window function %s is not supported",
            over.getAggOperator().getName());
    }
  }

  private static WindowFrame frame(RexWindow window) {
    return new WindowFrame(window.isRows(), bound(window.getLowerBound()), bound(window.getUpperBound()));
  }

  private static WindowFrame.Bound bound(RexWindowBound bound) {
    if (bound.isCurrentRow()) {
      return WindowFrame.Bound.currentRow();
    }
    if (bound.isUnbounded()) {
      return bound.isPreceding() ? WindowFrame.Bound.unboundedPreceding() : WindowFrame.Bound.unboundedFollowing();
    }
    BigDecimal offset = bound.getOffset() instanceof RexLiteral literal ? literal.getValueAs(BigDecimal.class) : null;
    if (offset == null) {
      throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "window frame bound %s is not supported", bound);
    }
    if (offset.signum() < 0) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "frame offset must not be negative: %s", offset);
    }
    return new WindowFrame.Bound(bound.isPreceding() ? WindowFrame.BoundKind.PRECEDING : WindowFrame.BoundKind.FOLLOWING,
        offset);
  }

  /**
   * The columns the windows read: the input's, plus computed ones (an argument or key that is an
   * expression) appended by a Project under the first Sort.
   */
  private static final class Columns {
    private final RelConverter converter;
    private final PhysicalNode input;
    private final List<PhysicalExpr> expressions = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private final Map<String, Integer> computed = new LinkedHashMap<>();

    Columns(RelConverter converter, PhysicalNode input) {
      this.converter = converter;
      this.input = input;
      for (int i = 0; i < input.fields().size(); i++) {
        Field field = input.fields().get(i);
        expressions.add(new PhysicalExpr.InputRef(i, field.type(), field.nullable()));
        fields.add(field);
      }
    }

    int of(RexNode node) {
      return of(node, null);
    }

    /** The column holding {@code node} (cast to {@code type} when that is given and differs). */
    int of(RexNode node, ColumnType type) {
      if (node instanceof RexInputRef ref && (type == null || input.fields().get(ref.getIndex()).type().equals(type))) {
        return ref.getIndex();
      }
      String key = node + (type == null ? "" : "::" + type);
      Integer known = computed.get(key);
      if (known != null) {
        return known;
      }
      PhysicalExpr expr = converter.rex(input.fields()).convert(node);
      if (type != null) {
        expr = RexConverter.cast(expr, type);
      }
      expressions.add(expr);
      fields.add(new Field("$A" + computed.size(), expr.type(), expr.nullable()));
      computed.put(key, expressions.size() - 1);
      return expressions.size() - 1;
    }

    PhysicalNode project(Project project) {
      if (computed.isEmpty()) {
        return input;
      }
      return new PhysicalProject(input, expressions, fields, SINGLE, input.estimatedRows());
    }
  }
}
