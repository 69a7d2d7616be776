package dev.quaver.planner.convert;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.planner.physical.KeyRange;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the conjuncts of a scan's filter say about single table columns, for key ranges (issue
 * #7, access paths): {@code column = value}, {@code column IN (values)} (an OR of equalities),
 * {@code column <, <=, >, >= value}, and an OR of such comparisons and of their conjunctions over
 * one column ({@code id < 10 OR id BETWEEN 20 AND 30 OR id = 99}: one key range each), where the
 * column side is a column of the scan (or a widening numeric cast of one) and the value side
 * reads no input column (literals, {@code ?} parameters, outer references, and casts and
 * arithmetic of them), and {@code column IS NULL} (read as the key column's NULL keys). CHAR
 * columns take equalities only: their comparisons ignore trailing
 * spaces, so a CHAR(n) value equals exactly one stored (space-padded) key, but their order is
 * not the key bytes' order for characters below the space. Immutable.
 */
final class KeyConditions {
  /** Ranges of more than this many keys (products of IN lists) stop at the previous column. */
  static final int MAX_RANGES = 1024;

  private final Map<Integer, ColumnConditions> byColumn;

  private KeyConditions(Map<Integer, ColumnConditions> byColumn) {
    this.byColumn = byColumn;
  }

  /**
   * {@code conjuncts} are over the scan's output columns; {@code scanColumns} maps them to table
   * ordinals. Each conjunct carries the index of the filter conjunct it came from ({@code owners}).
   */
  static KeyConditions of(List<PhysicalExpr> conjuncts, List<Integer> owners, List<Integer> scanColumns,
      TableDef table) {
    Map<Integer, ColumnConditions> byColumn = new HashMap<>();
    for (int i = 0; i < conjuncts.size(); i++) {
      if (!(conjuncts.get(i) instanceof PhysicalExpr.Call call)) {
        continue;
      }
      int owner = owners.get(i);
      if (call.function() == ScalarFunction.OR) {
        anyOf(call, scanColumns, table, owner, byColumn);
        continue;
      }
      if (call.function() == ScalarFunction.IS_NULL && call.operands().size() == 1) {
        int column = column(call.operands().get(0), scanColumns, table);
        if (column >= 0 && call.operands().get(0) instanceof PhysicalExpr.InputRef) {
          byColumn.computeIfAbsent(column, c -> new ColumnConditions()).add(ScalarFunction.EQUALS, KeyRange.IS_NULL,
              owner);
        }
        continue;
      }
      Comparison comparison = comparison(call, scanColumns, table);
      if (comparison != null) {
        ColumnConditions conditions = byColumn.computeIfAbsent(comparison.column(), c -> new ColumnConditions());
        conditions.add(comparison.function(), comparison.value(), owner);
      }
    }
    return new KeyConditions(byColumn);
  }

  /** The key ranges over {@code keyColumns} (table ordinals), or null when the leading one is unconstrained. */
  Access ranges(List<Integer> keyColumns) {
    List<List<PhysicalExpr>> prefixes = new ArrayList<>();
    prefixes.add(List.of());
    Set<Integer> consumed = new LinkedHashSet<>();
    int equalColumns = 0;
    boolean nullBound = false;
    List<Interval> intervals = null;
    for (int column : keyColumns) {
      ColumnConditions conditions = byColumn.get(column);
      if (conditions == null) {
        break;
      }
      List<PhysicalExpr> values = conditions.equal != null ? List.of(conditions.equal) : conditions.points();
      if (values != null && (long) prefixes.size() * values.size() <= MAX_RANGES) {
        List<List<PhysicalExpr>> next = new ArrayList<>();
        for (List<PhysicalExpr> prefix : prefixes) {
          for (PhysicalExpr value : values) {
            List<PhysicalExpr> extended = new ArrayList<>(prefix);
            extended.add(value);
            next.add(extended);
          }
        }
        prefixes = next;
        nullBound |= values.stream().anyMatch(KeyRange::isNull);
        consumed.add(conditions.equal != null ? conditions.equalOwner : conditions.anyOwner);
        equalColumns++;
        continue;
      }
      if (conditions.lower != null || conditions.upper != null) {
        intervals = List.of(new Interval(conditions.lower, conditions.lowerInclusive, conditions.upper,
            conditions.upperInclusive));
        if (conditions.lower != null) {
          consumed.add(conditions.lowerOwner);
        }
        if (conditions.upper != null) {
          consumed.add(conditions.upperOwner);
        }
      } else if (conditions.any != null && (long) prefixes.size() * conditions.any.size() <= MAX_RANGES) {
        intervals = conditions.any;
        consumed.add(conditions.anyOwner);
      }
      break;
    }
    if (equalColumns == 0 && intervals == null) {
      return null;
    }
    List<KeyRange> ranges = new ArrayList<>();
    for (List<PhysicalExpr> prefix : prefixes) {
      if (intervals == null) {
        ranges.add(new KeyRange(prefix, null, true, null, true));
        continue;
      }
      for (Interval interval : intervals) {
        ranges.add(new KeyRange(prefix, interval.lower(), interval.lowerInclusive(), interval.upper(),
            interval.upperInclusive()));
      }
    }
    // IS NULL binds a column without making the key unique: a UNIQUE index holds many NULLs.
    return new Access(ranges, equalColumns == keyColumns.size() && !nullBound, List.copyOf(consumed));
  }

  /** Key ranges, whether every key column is bound by equality, and the filter conjuncts used. */
  record Access(List<KeyRange> ranges, boolean point, List<Integer> consumed) {}

  private record Comparison(int column, ScalarFunction function, PhysicalExpr value) {}

  /** Values of one column between {@code lower} and {@code upper} (null: unbounded); a point has both equal. */
  record Interval(PhysicalExpr lower, boolean lowerInclusive, PhysicalExpr upper, boolean upperInclusive) {
    boolean isPoint() {
      return lower != null && lower == upper && lowerInclusive && upperInclusive;
    }
  }

  /**
   * An OR whose every operand constrains the same column: an equality (a point), a comparison
   * (a half-open interval) or an AND of comparisons of that column (an interval, e.g. a
   * BETWEEN). Anything else in any operand leaves the OR to the filter.
   */
  private static void anyOf(PhysicalExpr.Call or, List<Integer> scanColumns, TableDef table, int owner,
      Map<Integer, ColumnConditions> byColumn) {
    List<Interval> intervals = new ArrayList<>();
    int column = -1;
    for (PhysicalExpr operand : flatten(or, ScalarFunction.OR)) {
      ColumnConditions single = new ColumnConditions();
      int operandColumn = -1;
      for (PhysicalExpr part : flatten(operand, ScalarFunction.AND)) {
        Comparison comparison = part instanceof PhysicalExpr.Call call ? comparison(call, scanColumns, table) : null;
        if (comparison == null || operandColumn >= 0 && comparison.column() != operandColumn) {
          return;
        }
        operandColumn = comparison.column();
        single.add(comparison.function(), comparison.value(), owner);
      }
      if (operandColumn < 0 || column >= 0 && operandColumn != column) {
        return;
      }
      column = operandColumn;
      if (single.equal != null) {
        intervals.add(new Interval(single.equal, true, single.equal, true));
      } else {
        intervals.add(new Interval(single.lower, single.lowerInclusive, single.upper, single.upperInclusive));
      }
    }
    if (column >= 0) {
      ColumnConditions conditions = byColumn.computeIfAbsent(column, c -> new ColumnConditions());
      if (conditions.any == null) {
        conditions.any = List.copyOf(intervals);
        conditions.anyOwner = owner;
      }
    }
  }

  private static Comparison comparison(PhysicalExpr.Call call, List<Integer> scanColumns, TableDef table) {
    ScalarFunction function = call.function();
    if (call.operands().size() != 2 || flip(function) == null) {
      return null;
    }
    PhysicalExpr left = call.operands().get(0);
    PhysicalExpr right = call.operands().get(1);
    Comparison found = comparison(function, left, right, scanColumns, table);
    if (found != null && function != ScalarFunction.EQUALS
        && table.columns().get(found.column()).type().type() == SqlType.CHAR) {
      return null; // CHAR order is not the key order (see the class comment)
    }
    return found;
  }

  private static Comparison comparison(ScalarFunction function, PhysicalExpr left, PhysicalExpr right,
      List<Integer> scanColumns, TableDef table) {
    int column = column(left, scanColumns, table);
    if (column >= 0 && isConstant(right) && comparable(table, column, right.type())) {
      return new Comparison(column, function, right);
    }
    column = column(right, scanColumns, table);
    if (column >= 0 && isConstant(left) && comparable(table, column, left.type())) {
      return new Comparison(column, flip(function), left);
    }
    return null;
  }

  /** The table ordinal the expression reads as a key column may be compared, else -1. */
  private static int column(PhysicalExpr expr, List<Integer> scanColumns, TableDef table) {
    PhysicalExpr inner = expr;
    if (expr instanceof PhysicalExpr.Call cast && cast.function() == ScalarFunction.CAST) {
      inner = cast.operands().get(0);
      boolean numeric = inner.type().type().isNumeric() && cast.type().type().isNumeric()
          && widens(inner.type(), cast.type());
      // A CHAR column read as text for a comparison with a string (CAST(code AS VARCHAR(4)) = 'ab'):
      // equalities only, like the CHAR column itself.
      boolean text = inner.type().type() == SqlType.CHAR && cast.type().type().isCharacter()
          && cast.type().length() >= inner.type().length();
      if (!numeric && !text) {
        return -1;
      }
    }
    if (!(inner instanceof PhysicalExpr.InputRef ref) || ref.index() >= scanColumns.size()) {
      return -1;
    }
    return scanColumns.get(ref.index());
  }

  /** A cast that keeps the order of numeric values (to a wider integer, DECIMAL or floating type). */
  private static boolean widens(ColumnType from, ColumnType to) {
    SqlType target = to.type();
    if (target == SqlType.REAL || target == SqlType.DOUBLE || target == SqlType.DECIMAL) {
      return true;
    }
    return from.type().isIntegral() && target.isIntegral() && target.ordinal() >= from.type().ordinal();
  }

  private static boolean comparable(TableDef table, int column, ColumnType valueType) {
    SqlType columnType = table.columns().get(column).type().type();
    SqlType value = valueType.type();
    return columnType == value || columnType.isNumeric() && value.isNumeric()
        || columnType.isCharacter() && value.isCharacter();
  }

  /** Reads no input column and calls nothing but casts and arithmetic. */
  static boolean isConstant(PhysicalExpr expr) {
    if (expr instanceof PhysicalExpr.Literal || expr instanceof PhysicalExpr.Parameter
        || expr instanceof PhysicalExpr.CorrelationRef) {
      return true;
    }
    if (expr instanceof PhysicalExpr.Call call) {
      return switch (call.function()) {
        case CAST, NEGATE, PLUS, MINUS, MULTIPLY -> call.operands().stream().allMatch(KeyConditions::isConstant);
        default -> false;
      };
    }
    return false;
  }

  /** The comparison with its operands swapped, or null when the function is not a comparison. */
  private static ScalarFunction flip(ScalarFunction function) {
    return switch (function) {
      case EQUALS -> ScalarFunction.EQUALS;
      case LESS_THAN -> ScalarFunction.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> ScalarFunction.GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> ScalarFunction.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> ScalarFunction.LESS_THAN_OR_EQUAL;
      default -> null;
    };
  }

  /** The operands of nested calls of {@code function} (AND or OR), flattened. */
  static List<PhysicalExpr> flatten(PhysicalExpr expr, ScalarFunction function) {
    List<PhysicalExpr> out = new ArrayList<>();
    if (expr instanceof PhysicalExpr.Call call && call.function() == function) {
      for (PhysicalExpr operand : call.operands()) {
        out.addAll(flatten(operand, function));
      }
    } else {
      out.add(expr);
    }
    return out;
  }

  /** The first equality, OR of intervals (an IN list: of points), lower and upper bound found for one column. */
  private static final class ColumnConditions {
    PhysicalExpr equal;
    int equalOwner;
    List<Interval> any;
    int anyOwner;
    PhysicalExpr lower;
    boolean lowerInclusive;
    int lowerOwner;
    PhysicalExpr upper;
    boolean upperInclusive;
    int upperOwner;

    /** The OR's values when every interval of it is a point (an IN list), else null. */
    List<PhysicalExpr> points() {
      if (any == null || !any.stream().allMatch(Interval::isPoint)) {
        return null;
      }
      return any.stream().map(Interval::lower).toList();
    }

    void add(ScalarFunction function, PhysicalExpr value, int owner) {
      switch (function) {
        case EQUALS -> {
          if (equal == null) {
            equal = value;
            equalOwner = owner;
          }
        }
        case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
          if (lower == null) {
            lower = value;
            lowerInclusive = function == ScalarFunction.GREATER_THAN_OR_EQUAL;
            lowerOwner = owner;
          }
        }
        default -> {
          if (upper == null) {
            upper = value;
            upperInclusive = function == ScalarFunction.LESS_THAN_OR_EQUAL;
            upperOwner = owner;
          }
        }
      }
    }
  }
}
