package dev.quaver.planner.cost;

import dev.quaver.planner.schema.CatalogTable;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;

/**
 * The most rows a filter over one table can return when it binds every column of the primary
 * key or of a UNIQUE index to values (issue #7: row estimates above key reads): one row per
 * combination of bound values ({@code id = ?}: 1, {@code id IN (1, 2, 3)}: 3, a composite key:
 * the product of its columns' value counts). A fact of the catalog, not a statistic, so it holds
 * for tables never analyzed too, where the general selectivity guess (a tenth of an assumed
 * million rows) would otherwise be what the operators above a point get see. Stateless.
 */
final class KeyRowBound {
  /** No key is bound: no bound. */
  static final double NONE = Double.POSITIVE_INFINITY;

  private KeyRowBound() {}

  /** The bound of {@code condition} over {@code input}, or {@link #NONE}. */
  static double of(RelNode input, RexNode condition) {
    TableDef table = scannedTable(input);
    if (table == null || table.id() < 0) {
      return NONE;
    }
    Map<Integer, Integer> values = new HashMap<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      bound(input, conjunct, table, values);
    }
    if (values.isEmpty()) {
      return NONE;
    }
    List<List<Integer>> uniqueKeys = new ArrayList<>();
    if (table.hasPrimaryKey()) {
      uniqueKeys.add(table.primaryKey());
    }
    for (IndexDef index : table.indexes()) {
      if (index.unique()) {
        uniqueKeys.add(index.columns());
      }
    }
    double best = NONE;
    for (List<Integer> key : uniqueKeys) {
      double combinations = 1;
      for (int column : key) {
        Integer count = values.get(column);
        if (count == null) {
          combinations = NONE;
          break;
        }
        combinations *= count;
      }
      best = Math.min(best, combinations);
    }
    return best;
  }

  /** The table {@code input} reads, through projections of plain columns and filters only. */
  private static TableDef scannedTable(RelNode input) {
    RelNode node = input;
    for (int depth = 0; depth < 50; depth++) {
      if (node instanceof HepRelVertex vertex) {
        node = vertex.getCurrentRel();
      } else if (node instanceof TableScan scan) {
        CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
        return table == null ? null : table.table();
      } else if (node instanceof Filter filter) {
        node = filter.getInput();
      } else if (node instanceof Project project
          && project.getProjects().stream().allMatch(RexInputRef.class::isInstance)) {
        node = project.getInput();
      } else {
        return null;
      }
    }
    return null;
  }

  /** Records how many values {@code conjunct} allows a column of {@code table} (the fewest seen). */
  private static void bound(RelNode input, RexNode conjunct, TableDef table, Map<Integer, Integer> values) {
    if (!(conjunct instanceof RexCall call)) {
      return;
    }
    int column = -1;
    int count = 0;
    if (call.getKind() == SqlKind.EQUALS) {
      column = boundColumn(input, table, call.getOperands().get(0), call.getOperands().get(1));
      if (column < 0) {
        column = boundColumn(input, table, call.getOperands().get(1), call.getOperands().get(0));
      }
      count = 1;
    } else if (call.getKind() == SqlKind.SEARCH && call.getOperands().get(1) instanceof RexLiteral literal
        && literal.getValue() instanceof Sarg<?> sarg && sarg.isPoints()) {
      column = columnOf(input, table, call.getOperands().get(0));
      count = sarg.pointCount + (sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE ? 1 : 0);
    } else if (call.getKind() == SqlKind.OR) {
      for (RexNode operand : call.getOperands()) {
        if (!(operand instanceof RexCall eq) || eq.getKind() != SqlKind.EQUALS) {
          return;
        }
        int c = boundColumn(input, table, eq.getOperands().get(0), eq.getOperands().get(1));
        if (c < 0) {
          c = boundColumn(input, table, eq.getOperands().get(1), eq.getOperands().get(0));
        }
        if (c < 0 || column >= 0 && c != column) {
          return;
        }
        column = c;
        count++;
      }
    }
    if (column >= 0 && count > 0) {
      values.merge(column, count, Math::min);
    }
  }

  /** The table column of {@code columnSide} when {@code valueSide} reads no input row, else -1. */
  private static int boundColumn(RelNode input, TableDef table, RexNode columnSide, RexNode valueSide) {
    if (RexUtil.containsInputRef(valueSide) || !RexUtil.isDeterministic(valueSide)) {
      return -1;
    }
    return columnOf(input, table, columnSide);
  }

  /**
   * The table column {@code operand} reads unchanged (a plain reference, or a cast that maps
   * distinct values to distinct values: integer to a wider integer or DECIMAL, CHAR(n) to a
   * string type of at least n characters), else -1.
   */
  private static int columnOf(RelNode input, TableDef table, RexNode operand) {
    RexNode node = operand;
    if (node.getKind() == SqlKind.CAST) {
      RexNode inner = ((RexCall) node).getOperands().get(0);
      SqlTypeName from = inner.getType().getSqlTypeName();
      SqlTypeName to = node.getType().getSqlTypeName();
      boolean injective = SqlTypeName.INT_TYPES.contains(from)
          && (to == SqlTypeName.DECIMAL || SqlTypeName.INT_TYPES.contains(to)
              && SqlTypeName.INT_TYPES.indexOf(to) >= SqlTypeName.INT_TYPES.indexOf(from))
          // a CHAR(n) read as text of at least n characters keeps its padding
          || from == SqlTypeName.CHAR && SqlTypeName.CHAR_TYPES.contains(to)
              && node.getType().getPrecision() >= inner.getType().getPrecision();
      if (!injective) {
        return -1;
      }
      node = inner;
    }
    if (!(node instanceof RexInputRef ref)) {
      return -1;
    }
    ColumnOrigin origin = ColumnOrigin.of(input, ref.getIndex());
    return origin != null && origin.table().id() == table.id() ? origin.column() : -1;
  }
}
