package dev.quaver.planner.cost;

import dev.quaver.planner.cost.StatisticsLookup.ColumnInfo;
import dev.quaver.storage.stats.ColumnStatistics;
import dev.quaver.storage.stats.ValueCount;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The fraction of rows of {@code input} that satisfy a predicate: from the most common values,
 * the distinct count (equality with a value known only at execution: rows per key) and the
 * equi-height histogram of the referenced column when it has statistics, else from
 * fixed defaults (equality 0.1, range 1/3, anything else 0.25). Stateless.
 */
final class Selectivity {
  static final double EQUALITY = 0.1;
  static final double RANGE = 1.0 / 3;
  static final double OTHER = 0.25;
  private static final double MINIMUM = 1e-9;

  private Selectivity() {}

  static double of(RelNode input, RexNode condition, StatisticsLookup stats, RexBuilder rexBuilder) {
    if (condition == null || condition.isAlwaysTrue()) {
      return 1;
    }
    if (condition.isAlwaysFalse()) {
      return MINIMUM;
    }
    return clamp(estimate(input, condition, stats, rexBuilder));
  }

  private static double estimate(RelNode input, RexNode condition, StatisticsLookup stats, RexBuilder rexBuilder) {
    if (!(condition instanceof RexCall call)) {
      return OTHER;
    }
    List<RexNode> operands = call.getOperands();
    switch (call.getKind()) {
      case AND: {
        double product = 1;
        for (RexNode operand : operands) {
          product *= of(input, operand, stats, rexBuilder);
        }
        return product;
      }
      case OR: {
        double none = 1;
        for (RexNode operand : operands) {
          none *= 1 - of(input, operand, stats, rexBuilder);
        }
        return 1 - none;
      }
      case NOT:
        return 1 - of(input, operands.get(0), stats, rexBuilder);
      case SEARCH:
        return of(input, RexUtil.expandSearch(rexBuilder, null, call), stats, rexBuilder);
      case IS_NULL:
      case IS_NOT_NULL: {
        ColumnInfo column = column(input, operands.get(0), stats);
        double nulls = column == null ? EQUALITY : column.nullFraction();
        return call.getKind() == SqlKind.IS_NULL ? nulls : 1 - nulls;
      }
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(input, call, stats);
      default:
        return OTHER;
    }
  }

  private static double comparison(RelNode input, RexCall call, StatisticsLookup stats) {
    RexNode left = RexUtil.removeCast(call.getOperands().get(0));
    RexNode right = RexUtil.removeCast(call.getOperands().get(1));
    SqlKind kind = call.getKind();
    if (left instanceof RexLiteral && !(right instanceof RexLiteral)) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    ColumnInfo column = column(input, left, stats);
    if (right instanceof RexInputRef) {
      ColumnInfo other = column(input, right, stats);
      if (kind == SqlKind.EQUALS) {
        double distinct = Math.max(column == null ? 1 / EQUALITY : column.distinct(),
            other == null ? 1 / EQUALITY : other.distinct());
        return 1 / distinct;
      }
      return kind == SqlKind.NOT_EQUALS ? 1 - EQUALITY : RANGE;
    }
    Object value = right instanceof RexLiteral literal ? value(literal) : null;
    if (kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS) {
      double equal = column == null ? EQUALITY
          : right instanceof RexLiteral || RexUtil.containsInputRef(right) ? equality(column, value)
          : rowsPerKey(column);
      return kind == SqlKind.EQUALS ? equal : 1 - equal;
    }
    if (column == null || value == null) {
      return RANGE;
    }
    double below = fractionBelow(column.stats(), value);
    if (Double.isNaN(below)) {
      return RANGE;
    }
    double nonNull = 1 - column.nullFraction();
    boolean less = kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL;
    return nonNull * (less ? below : 1 - below);
  }

  /**
   * Fraction of rows equal to a value known only at execution ({@code ?}, an outer reference):
   * the rows of an average key, the non-NULL rows over the distinct count (issue #7: the rows a
   * key read returns, from the key's distinct count rather than the general guess).
   */
  private static double rowsPerKey(ColumnInfo column) {
    return Math.max(1 - column.nullFraction(), 0) / column.distinct();
  }

  /** Fraction of rows equal to {@code value}: its most-common-value count, else an even share. */
  private static double equality(ColumnInfo column, Object value) {
    try {
      return equalityOf(column, value);
    } catch (ClassCastException e) {
      return 1 / column.distinct();
    }
  }

  private static double equalityOf(ColumnInfo column, Object value) {
    ColumnStatistics stats = column.stats();
    long commonRows = 0;
    for (ValueCount common : stats.mostCommon()) {
      if (value != null && compare(common.value(), value) == 0) {
        return common.count() / column.tableRows();
      }
      commonRows += common.count();
    }
    if (value != null && stats.min() != null && (compare(value, stats.min()) < 0 || compare(value, stats.max()) > 0)) {
      return MINIMUM;
    }
    double rest = Math.max(0, column.tableRows() - stats.nullCount() - commonRows) / column.tableRows();
    double otherValues = Math.max(1, column.distinct() - stats.mostCommon().size());
    return Math.max(rest / otherValues, 1 / column.tableRows());
  }

  /** Fraction of non-NULL values below {@code value} by the histogram (NaN when incomparable). */
  static double fractionBelow(ColumnStatistics stats, Object value) {
    List<Object> bounds = stats.histogram();
    if (bounds.size() < 2) {
      return Double.NaN;
    }
    try {
      if (compare(value, bounds.get(0)) <= 0) {
        return 0;
      }
      int buckets = bounds.size() - 1;
      for (int i = 0; i < buckets; i++) {
        Object low = bounds.get(i);
        Object high = bounds.get(i + 1);
        if (compare(value, high) < 0) {
          return (i + within(low, high, value)) / buckets;
        }
      }
      return 1;
    } catch (ClassCastException e) {
      return Double.NaN;
    }
  }

  private static double within(Object low, Object high, Object value) {
    if (low instanceof Number l && high instanceof Number h && value instanceof Number v) {
      double span = h.doubleValue() - l.doubleValue();
      return span <= 0 ? 0.5 : Math.min(1, Math.max(0, (v.doubleValue() - l.doubleValue()) / span));
    }
    return 0.5;
  }

  private static ColumnInfo column(RelNode input, RexNode operand, StatisticsLookup stats) {
    RexNode stripped = RexUtil.removeCast(operand);
    return stripped instanceof RexInputRef ref ? stats.column(input, ref.getIndex()) : null;
  }

  /** A literal as a value comparable with the statistics' Java values (numbers as BigDecimal). */
  private static Object value(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    switch (literal.getType().getSqlTypeName()) {
      case CHAR:
      case VARCHAR:
        return literal.getValueAs(String.class);
      case DATE:
      case TIME:
        return literal.getValueAs(Integer.class);
      case TIMESTAMP:
        return literal.getValueAs(Long.class);
      case BOOLEAN:
        return literal.getValueAs(Boolean.class);
      default:
        BigDecimal number = literal.getValueAs(BigDecimal.class);
        return number;
    }
  }

  /** Compares statistics values and literals; numbers of any class compare by value. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return x.stripTrailing().compareTo(y.stripTrailing());
    }
    return ((Comparable) a).compareTo(b);
  }

  private static double clamp(double value) {
    if (Double.isNaN(value)) {
      return OTHER;
    }
    return Math.min(1, Math.max(MINIMUM, value));
  }
}
