package dev.quaver.executor.expr;

import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.SqlType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A predicate kernel over a selection vector: given the ascending positions of the rows still in
 * play, keeps (compacted in place, order kept) those where the predicate is true. Only built for
 * predicates that cannot raise, so which rows an operand sees never changes the outcome. AND
 * narrows operand by operand; OR unites what each operand keeps of the rows not yet kept; a
 * comparison of an integral / date / time column with a literal is a range test on the column's
 * bytes, one of a string column with a literal (or an IN list) a test on its UTF-8 bytes
 * ({@link StringSelector}); anything else evaluates its expression node (on the selected rows only when they are few)
 * and keeps the true rows.
 *
 * <p>Thread safety: immutable.
 */
abstract class Selector {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Keeps the positions among {@code positions[0, count)} where the predicate is true, moved to
   * the front in their order; returns how many.
   */
  abstract int narrow(VectorSchemaRoot input, EvaluationContext context, ColumnBytes columns, int[] positions,
      int count);

  /** The selector of a BOOLEAN node that cannot raise. */
  static Selector of(ExprNode node) {
    if (node instanceof AndOrNode logic) {
      Selector in = StringSelector.ofIn(logic);
      if (in != null) {
        return in;
      }
      List<Selector> operands = new ArrayList<>();
      for (ExprNode child : node.children) {
        operands.add(of(child));
      }
      return logic.isAnd() ? new And(operands) : new Or(operands);
    }
    if (node instanceof ComparisonNode comparison) {
      Selector range = Range.of(comparison);
      if (range != null) {
        return range;
      }
      Selector strings = StringSelector.of(comparison);
      if (strings != null) {
        return strings;
      }
    }
    return new Evaluated(node);
  }

  /** Every operand in turn narrows what the previous ones kept. */
  private static final class And extends Selector {
    private final List<Selector> operands;

    And(List<Selector> operands) {
      this.operands = operands;
    }

    @Override
    int narrow(VectorSchemaRoot input, EvaluationContext context, ColumnBytes columns, int[] positions, int count) {
      for (Selector operand : operands) {
        if (count == 0) {
          break;
        }
        count = operand.narrow(input, context, columns, positions, count);
      }
      return count;
    }
  }

  /** Each operand tests the rows no earlier operand kept; a row is kept when one of them keeps it. */
  private static final class Or extends Selector {
    private final List<Selector> operands;

    Or(List<Selector> operands) {
      this.operands = operands;
    }

    @Override
    int narrow(VectorSchemaRoot input, EvaluationContext context, ColumnBytes columns, int[] positions, int count) {
      boolean[] kept = new boolean[input.getRowCount()];
      int[] open = java.util.Arrays.copyOf(positions, count);
      int openCount = count;
      int[] trial = new int[count];
      for (Selector operand : operands) {
        if (openCount == 0) {
          break;
        }
        System.arraycopy(open, 0, trial, 0, openCount);
        int accepted = operand.narrow(input, context, columns, trial, openCount);
        for (int k = 0; k < accepted; k++) {
          kept[trial[k]] = true;
        }
        int still = 0;
        for (int k = 0; k < openCount; k++) {
          if (!kept[open[k]]) {
            open[still++] = open[k];
          }
        }
        openCount = still;
      }
      int out = 0;
      for (int k = 0; k < count; k++) {
        if (kept[positions[k]]) {
          positions[out++] = positions[k];
        }
      }
      return out;
    }
  }

  /**
   * {@code a op b} as {@code b op' a} for the comparisons =, <>, <, <=, >, >=; null for any other
   * function (also used by StringSelector).
   */
  static ScalarFunction flip(ScalarFunction function) {
    if (function == null) {
      return null;
    }
    return switch (function) {
      case EQUALS, NOT_EQUALS -> function;
      case LESS_THAN -> ScalarFunction.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> ScalarFunction.GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> ScalarFunction.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> ScalarFunction.LESS_THAN_OR_EQUAL;
      default -> null;
    };
  }

  /**
   * {@code column op literal} on an integral, date, time or timestamp column as the test
   * {@code lo <= value <= hi} (or its negation for {@code <>}); NULL values are never kept.
   */
  private static final class Range extends Selector {
    private final int column;
    private final long lo;
    private final long hi;
    private final boolean negate;
    private final Evaluated fallback;

    private Range(int column, long lo, long hi, boolean negate, Evaluated fallback) {
      this.column = column;
      this.lo = lo;
      this.hi = hi;
      this.negate = negate;
      this.fallback = fallback;
    }

    static Selector of(ComparisonNode node) {
      if (node.kind() != ComparisonNode.Kind.LONG) {
        return null;
      }
      ExprNode left = node.children.get(0);
      ExprNode right = node.children.get(1);
      ScalarFunction function = flip(flip(node.function())); // null unless =, <>, <, <=, >, >=
      if (function != null && left instanceof ConstantNode && right instanceof InputRefNode) {
        ExprNode swap = left;
        left = right;
        right = swap;
        function = flip(function);
      }
      if (!(left instanceof InputRefNode ref) || !(right instanceof ConstantNode constant) || !constant.isLiteral()
          || left.type().type() == SqlType.BOOLEAN || function == null) {
        return null;
      }
      Object value = constant.literalValue();
      if (value == null) {
        return new Range(ref.index(), 1, 0, false, null); // compared with NULL: never true
      }
      if (!(value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)) {
        return null;
      }
      long c = ((Number) value).longValue();
      Evaluated fallback = new Evaluated(node);
      return switch (function) {
        case EQUALS -> new Range(ref.index(), c, c, false, fallback);
        case NOT_EQUALS -> new Range(ref.index(), c, c, true, fallback);
        case LESS_THAN -> c == Long.MIN_VALUE ? new Range(ref.index(), 1, 0, false, fallback)
            : new Range(ref.index(), Long.MIN_VALUE, c - 1, false, fallback);
        case LESS_THAN_OR_EQUAL -> new Range(ref.index(), Long.MIN_VALUE, c, false, fallback);
        case GREATER_THAN -> c == Long.MAX_VALUE ? new Range(ref.index(), 1, 0, false, fallback)
            : new Range(ref.index(), c + 1, Long.MAX_VALUE, false, fallback);
        case GREATER_THAN_OR_EQUAL -> new Range(ref.index(), c, Long.MAX_VALUE, false, fallback);
        default -> null;
      };
    }

    @Override
    int narrow(VectorSchemaRoot input, EvaluationContext context, ColumnBytes columns, int[] positions, int count) {
      if (lo > hi && !negate) {
        return 0;
      }
      FieldVector vector = input.getVector(column);
      int width = vector instanceof BaseFixedWidthVector fixed && !(vector instanceof BitVector)
          ? fixed.getTypeWidth() : 0;
      if (width != 1 && width != 2 && width != 4 && width != 8) {
        return fallback.narrow(input, context, columns, positions, count);
      }
      byte[] valid = columns.validity(column);
      byte[] data = columns.data(column, width);
      // One loop per width, so that the read is not a switch per row.
      int out = 0;
      switch (width) {
        case 4:
          for (int k = 0; k < count; k++) {
            int row = positions[k];
            long value = (int) INTS.get(data, row << 2);
            if ((valid[row >> 3] & (1 << (row & 7))) != 0 && (value >= lo && value <= hi) != negate) {
              positions[out++] = row;
            }
          }
          break;
        case 8:
          for (int k = 0; k < count; k++) {
            int row = positions[k];
            long value = (long) LONGS.get(data, row << 3);
            if ((valid[row >> 3] & (1 << (row & 7))) != 0 && (value >= lo && value <= hi) != negate) {
              positions[out++] = row;
            }
          }
          break;
        default:
          for (int k = 0; k < count; k++) {
            int row = positions[k];
            long value = width == 2 ? (short) SHORTS.get(data, row << 1) : data[row];
            if ((valid[row >> 3] & (1 << (row & 7))) != 0 && (value >= lo && value <= hi) != negate) {
              positions[out++] = row;
            }
          }
      }
      return out;
    }
  }

  /** Evaluates the node to a BOOLEAN vector and keeps the rows where it is true. */
  static final class Evaluated extends Selector {
    private final ExprNode node;

    Evaluated(ExprNode node) {
      this.node = node;
    }

    @Override
    int narrow(VectorSchemaRoot input, EvaluationContext context, ColumnBytes columns, int[] positions, int count) {
      int rowCount = input.getRowCount();
      boolean whole = Vectors.isCheaperWhole(node, count, rowCount);
      try (FieldVector result = whole ? node.evaluate(input, context)
          : Vectors.evaluateOn(node, input, positions, count, context)) {
        int length = whole ? rowCount : count;
        byte[] valid = new byte[(length + 7) / 8];
        byte[] values = new byte[(length + 7) / 8];
        if (length > 0) {
          result.getValidityBuffer().getBytes(0, valid);
          result.getDataBuffer().getBytes(0, values);
        }
        int out = 0;
        for (int k = 0; k < count; k++) {
          int at = whole ? positions[k] : k;
          if ((valid[at >> 3] & values[at >> 3] & (1 << (at & 7))) != 0) {
            positions[out++] = positions[k];
          }
        }
        return out;
      }
    }
  }
}
