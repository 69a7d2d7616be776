package dev.quaver.executor.expr;

import dev.quaver.type.SqlType;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Generates a {@link GeneratedFilter} for a predicate made only of comparisons (=, <>, <, <=, >,
 * >=) between integral / date / time / timestamp columns and integral literals or other such
 * columns, combined with AND and OR: one Java loop, compiled by Janino, that tests a row's whole
 * predicate with short-circuit {@code &&} / {@code ||}. In a WHERE, a row passes only when the
 * predicate is TRUE, so under AND / OR (no NOT) a comparison with a NULL operand can be read as
 * false. Other predicates get no generated class (null). The filter + project benchmark
 * (docs/operators.md, "Performance") measured this loop faster than the selection-vector
 * kernels, which is why RowFilter prefers it. Compilation costs milliseconds, so compiled classes
 * are cached by predicate (the planner's expression records compare structurally), bounded.
 *
 * <p>Thread safety: thread-safe (the cache is synchronized).
 */
final class FilterCodegen {
  private static final int CACHE_SIZE = 512;
  private static final Map<String, GeneratedFilter> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, GeneratedFilter> eldest) {
      return size() > CACHE_SIZE;
    }
  };
  private static final AtomicLong COMPILED = new AtomicLong();

  private FilterCodegen() {}

  /** The generated filter of {@code node}, or null when it is not of the generated form. */
  static GeneratedFilter generate(ExprNode node) {
    StringBuilder condition = new StringBuilder();
    if (!condition(node, condition)) {
      return null;
    }
    String body = condition.toString();
    synchronized (CACHE) {
      GeneratedFilter cached = CACHE.get(body);
      if (cached != null) {
        return cached;
      }
    }
    GeneratedFilter filter = compile(body);
    if (filter != null) {
      synchronized (CACHE) {
        CACHE.put(body, filter);
      }
    }
    return filter;
  }

  /** How many classes were compiled in this JVM (tests check the cache). */
  static long compiledCount() {
    return COMPILED.get();
  }

  /** The columns a generated condition reads. */
  static BitSet columns(ExprNode node) {
    BitSet columns = new BitSet();
    node.collectInputs(columns);
    return columns;
  }

  /** The compiled class, or null when Janino fails (then RowFilter uses its kernels). */
  private static GeneratedFilter compile(String condition) {
    String source = "public final class Filter extends " + GeneratedFilter.class.getName() + " {\n"
        + "  public int select(byte[][] data, byte[][] valid, int rowCount, int[] positions) {\n"
        + "    int count = 0;\n"
        + "    for (int i = 0; i < rowCount; i++) {\n"
        + "      if (" + condition + ") {\n"
        + "        positions[count++] = i;\n"
        + "      }\n"
        + "    }\n"
        + "    return count;\n"
        + "  }\n"
        + "}\n";
    try {
      SimpleCompiler compiler = new SimpleCompiler();
      compiler.setParentClassLoader(FilterCodegen.class.getClassLoader());
      compiler.cook(source);
      COMPILED.incrementAndGet();
      return (GeneratedFilter) compiler.getClassLoader().loadClass("Filter").getDeclaredConstructor().newInstance();
    } catch (CompileException | ReflectiveOperationException | LinkageError e) {
      return null; // not expected; the selection-vector kernels then run the predicate
    }
  }

  /** Appends the Java condition of {@code node}; false when it is not of the generated form. */
  static boolean condition(ExprNode node, StringBuilder out) {
    if (node instanceof AndOrNode logic) {
      out.append('(');
      for (int i = 0; i < node.children.size(); i++) {
        if (i > 0) {
          out.append(logic.isAnd() ? " && " : " || ");
        }
        if (!condition(node.children.get(i), out)) {
          return false;
        }
      }
      out.append(')');
      return true;
    }
    if (!(node instanceof ComparisonNode comparison) || comparison.kind() != ComparisonNode.Kind.LONG) {
      return false;
    }
    String operator = switch (comparison.function()) {
      case EQUALS -> "==";
      case NOT_EQUALS -> "!=";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      case GREATER_THAN_OR_EQUAL -> ">=";
      default -> null;
    };
    if (operator == null) {
      return false;
    }
    StringBuilder left = new StringBuilder();
    StringBuilder right = new StringBuilder();
    StringBuilder valid = new StringBuilder();
    if (!operand(node.children.get(0), left, valid) || !operand(node.children.get(1), right, valid)) {
      return false;
    }
    out.append('(').append(valid).append(left).append(' ').append(operator).append(' ').append(right).append(')');
    return true;
  }

  /** Appends the operand's long value and its non-NULL test ({@code valid(..) && }); false when not generated. */
  private static boolean operand(ExprNode node, StringBuilder value, StringBuilder valid) {
    if (node instanceof ConstantNode constant && constant.isLiteral()) {
      Object literal = constant.literalValue();
      if (literal == null) {
        valid.append("false && ");
        value.append("0L");
        return true;
      }
      if (literal instanceof Long || literal instanceof Integer || literal instanceof Short
          || literal instanceof Byte) {
        value.append(((Number) literal).longValue()).append('L');
        return true;
      }
      return false;
    }
    if (!(node instanceof InputRefNode ref)) {
      return false;
    }
    int width = width(node.type().type());
    if (width == 0) {
      return false;
    }
    int c = ref.index();
    String helper = GeneratedFilter.class.getName();
    valid.append(helper).append(".valid(valid[").append(c).append("], i) && ");
    value.append(helper).append(".int").append(width).append("(data[").append(c).append("], i)");
    return true;
  }

  /** Bytes per value of the column types read as longs (ArrowTypes' vectors); 0 for others. */
  static int width(SqlType type) {
    return switch (type) {
      case TINYINT -> 1;
      case SMALLINT -> 2;
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> 4;
      case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> 8;
      default -> 0;
    };
  }
}
