package dev.quaver.executor.expr;

import dev.quaver.planner.expr.ScalarFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code column op 'literal'} (=, <>, <, <=, >, >=) and {@code column IN ('a', 'b', ...)} (an OR
 * of equalities on one column) on a string column, tested on the column's UTF-8 bytes: no String
 * per row. The dimension-table filters of star queries (s_region = 'ASIA', p_brand1 BETWEEN ...,
 * c_city IN (...)) used to decode every value to a Java String first.
 *
 * <p>Same results as {@link ComparisonNode}, which orders by {@code String.compareTo} (UTF-16
 * code units): unsigned UTF-8 byte order is code point order, and the two agree whenever the
 * literal's characters are all below U+D800 (at the first difference the literal's unit is then
 * below every surrogate and every unit of U+E000..U+FFFF), so order comparisons with any other
 * literal keep the String path. Byte equality is String equality for well-formed literals (the
 * column's bytes were encoded from Strings). With a CHAR operand ({@code PADDED_STRING}) trailing
 * spaces are ignored on both sides: the literal is stripped once, each value's trailing 0x20
 * bytes skipped (a 0x20 byte is always a space in UTF-8). NULL values are never kept; a column
 * that is not variable-width falls back to evaluating the node. {@code -Dquaver.executor.stringBytes=false}
 * (read per compiled predicate) keeps the String path, for A/B measurements.
 *
 * <p>Thread safety: immutable.
 */
final class StringSelector extends Selector {
  /** Read when a predicate is compiled; {@code false} keeps the String path (A/B runs). */
  static final String SWITCH = "quaver.executor.stringBytes";

  private final int column;
  /** The operator as {@code column op literal}; EQUALS for an IN list. */
  private final ScalarFunction function;
  private final byte[][] literals;
  private final boolean padded;
  private final Selector fallback;

  private StringSelector(int column, ScalarFunction function, byte[][] literals, boolean padded,
      Selector fallback) {
    this.column = column;
    this.function = function;
    this.literals = literals;
    this.padded = padded;
    this.fallback = fallback;
  }

  /** The selector of a string comparison of a column with a literal; null when it does not apply. */
  static Selector of(ComparisonNode node) {
    if (!enabled()) {
      return null;
    }
    Operands operands = operands(node);
    if (operands == null) {
      return null;
    }
    return new StringSelector(operands.column, operands.function, new byte[][] {operands.literal},
        operands.padded, new Evaluated(node));
  }

  /**
   * The selector of an OR whose operands all test one string column for equality with a literal
   * (what {@code IN ('a', 'b')} becomes); null otherwise.
   */
  static Selector ofIn(AndOrNode node) {
    if (!enabled() || node.isAnd() || node.children.size() < 2) {
      return null;
    }
    List<byte[]> literals = new ArrayList<>();
    Operands first = null;
    for (ExprNode child : node.children) {
      if (!(child instanceof ComparisonNode comparison)) {
        return null;
      }
      Operands operands = operands(comparison);
      if (operands == null || operands.function != ScalarFunction.EQUALS
          || first != null && (operands.column != first.column || operands.padded != first.padded)) {
        return null;
      }
      first = first == null ? operands : first;
      literals.add(operands.literal);
    }
    return new StringSelector(first.column, ScalarFunction.EQUALS, literals.toArray(byte[][]::new), first.padded,
        new Evaluated(node));
  }

  private static boolean enabled() {
    return !"false".equals(System.getProperty(SWITCH));
  }

  /** A column, an operator and a literal's bytes, as {@code column op literal}. */
  private record Operands(int column, ScalarFunction function, byte[] literal, boolean padded) {}

  private static Operands operands(ComparisonNode node) {
    if (node.kind() != ComparisonNode.Kind.STRING && node.kind() != ComparisonNode.Kind.PADDED_STRING) {
      return null;
    }
    ExprNode left = node.children.get(0);
    ExprNode right = node.children.get(1);
    ScalarFunction function = Selector.flip(Selector.flip(node.function())); // null unless =, <>, <, <=, >, >=
    if (function != null && left instanceof ConstantNode && right instanceof InputRefNode) {
      ExprNode swap = left;
      left = right;
      right = swap;
      function = Selector.flip(function);
    }
    if (function == null || !(left instanceof InputRefNode ref) || !(right instanceof ConstantNode constant)
        || !constant.isLiteral() || !(constant.literalValue() instanceof String text)) {
      return null;
    }
    boolean padded = node.kind() == ComparisonNode.Kind.PADDED_STRING;
    if (padded) {
      text = SqlText.stripTrailingSpaces(text);
    }
    boolean ordered = function != ScalarFunction.EQUALS && function != ScalarFunction.NOT_EQUALS;
    if (ordered ? !belowSurrogates(text) : !wellFormed(text)) {
      return null;
    }
    return new Operands(ref.index(), function, text.getBytes(StandardCharsets.UTF_8), padded);
  }

  private static boolean belowSurrogates(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= Character.MIN_SURROGATE) {
        return false;
      }
    }
    return true;
  }

  /** No unpaired surrogate (which UTF-8 encoding would replace, making byte equality differ). */
  private static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Override
  int narrow(VectorSchemaRoot input, EvaluationContext context, ColumnBytes columns, int[] positions, int count) {
    FieldVector vector = input.getVector(column);
    if (!(vector instanceof BaseVariableWidthVector)) {
      return fallback.narrow(input, context, columns, positions, count);
    }
    byte[] valid = columns.validity(column);
    int[] offsets = columns.offsets(column);
    byte[] data = columns.variableData(column);
    if (function == ScalarFunction.EQUALS || function == ScalarFunction.NOT_EQUALS) {
      return literals.length == 1 ? equal(valid, offsets, data, positions, count)
          : in(valid, offsets, data, positions, count);
    }
    byte[] literal = literals[0];
    int out = 0;
    for (int k = 0; k < count; k++) {
      int row = positions[k];
      if ((valid[row >> 3] & (1 << (row & 7))) == 0) {
        continue;
      }
      int start = offsets[row];
      int end = padded ? unpaddedEnd(data, start, offsets[row + 1]) : offsets[row + 1];
      int sign = Arrays.compareUnsigned(data, start, end, literal, 0, literal.length);
      boolean keep = switch (function) {
        case LESS_THAN -> sign < 0;
        case LESS_THAN_OR_EQUAL -> sign <= 0;
        case GREATER_THAN -> sign > 0;
        default -> sign >= 0;
      };
      if (keep) {
        positions[out++] = row;
      }
    }
    return out;
  }

  /** = or <> with one literal: the lengths first, the bytes only when they agree. */
  private int equal(byte[] valid, int[] offsets, byte[] data, int[] positions, int count) {
    byte[] literal = literals[0];
    int length = literal.length;
    boolean negate = function == ScalarFunction.NOT_EQUALS;
    int out = 0;
    for (int k = 0; k < count; k++) {
      int row = positions[k];
      if ((valid[row >> 3] & (1 << (row & 7))) == 0) {
        continue;
      }
      int start = offsets[row];
      int end = padded ? unpaddedEnd(data, start, offsets[row + 1]) : offsets[row + 1];
      boolean same = end - start == length && Arrays.equals(data, start, end, literal, 0, length);
      if (same != negate) {
        positions[out++] = row;
      }
    }
    return out;
  }

  /** IN: kept when some literal has the value's length and bytes. */
  private int in(byte[] valid, int[] offsets, byte[] data, int[] positions, int count) {
    int out = 0;
    for (int k = 0; k < count; k++) {
      int row = positions[k];
      if ((valid[row >> 3] & (1 << (row & 7))) == 0) {
        continue;
      }
      int start = offsets[row];
      int end = padded ? unpaddedEnd(data, start, offsets[row + 1]) : offsets[row + 1];
      int length = end - start;
      for (byte[] literal : literals) {
        if (literal.length == length && Arrays.equals(data, start, end, literal, 0, length)) {
          positions[out++] = row;
          break;
        }
      }
    }
    return out;
  }

  /** The end of {@code data[start, end)} without its trailing spaces. */
  private static int unpaddedEnd(byte[] data, int start, int end) {
    while (end > start && data[end - 1] == ' ') {
      end--;
    }
    return end;
  }
}
