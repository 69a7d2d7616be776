package dev.quaver.bench.exec;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.SqlType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.BitSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.codehaus.janino.SimpleCompiler;

/**
 * The generated-code side of the filter + project comparison (issue #6 item 3): turns a WHERE
 * predicate and one projected expression into Java source for a single fused loop over the batch
 * and compiles it with Janino (on the class path through Calcite), once per plan. Covers what the
 * benchmark needs, not all of SQL: comparisons of INTEGER / BIGINT / DATE columns with each other
 * and with integral literals, AND, OR, and +, -, * over such columns with the SQL overflow check
 * (22003 past the result type). Rows pass when the predicate is true (NULLs never pass); the
 * projection is NULL when an operand column is. Columns are copied out of Arrow in bulk and read
 * with VarHandle views, exactly as the vectorized kernels read them, so the comparison measures
 * the fused loop against kernel-at-a-time evaluation and nothing else.
 */
public final class GeneratedFilterProject {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** A compiled filter + project: the projected values of the passing rows, as a new vector. */
  public interface Kernel {
    FieldVector apply(VectorSchemaRoot input, BufferAllocator allocator);
  }

  private GeneratedFilterProject() {}

  /** Generates and compiles the kernel (≈ ms; do it once per plan). */
  public static Kernel compile(PhysicalExpr predicate, PhysicalExpr projection) throws Exception {
    String source = source(predicate, projection);
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(GeneratedFilterProject.class.getClassLoader());
    compiler.cook(source);
    Class<?> type = compiler.getClassLoader().loadClass("dev.quaver.generated.FilterProject");
    return (Kernel) type.getDeclaredConstructor().newInstance();
  }

  /** The Java source of the kernel. */
  static String source(PhysicalExpr predicate, PhysicalExpr projection) {
    BitSet columns = new BitSet();
    collect(predicate, columns);
    collect(projection, columns);
    BitSet projected = new BitSet();
    collect(projection, projected);
    boolean wide = projection.type().type() == SqlType.BIGINT;
    StringBuilder s = new StringBuilder();
    s.append("package dev.quaver.generated;\n")
        .append("import dev.quaver.bench.exec.GeneratedFilterProject;\n")
        .append("public final class FilterProject implements GeneratedFilterProject.Kernel {\n")
        .append("  public org.apache.arrow.vector.FieldVector apply(org.apache.arrow.vector.VectorSchemaRoot in,"
            + " org.apache.arrow.memory.BufferAllocator allocator) {\n")
        .append("    int n = in.getRowCount();\n");
    for (int c = columns.nextSetBit(0); c >= 0; c = columns.nextSetBit(c + 1)) {
      s.append("    byte[] d").append(c).append(" = GeneratedFilterProject.data(in, ").append(c).append(");\n");
      s.append("    byte[] v").append(c).append(" = GeneratedFilterProject.validity(in, ").append(c).append(");\n");
    }
    s.append("    byte[] out = new byte[n * ").append(wide ? 8 : 4).append("];\n")
        .append("    byte[] valid = new byte[(n + 7) / 8];\n")
        .append("    int count = 0;\n")
        .append("    for (int i = 0; i < n; i++) {\n")
        .append("      if (").append(predicateCode(predicate)).append(") {\n");
    StringBuilder notNull = new StringBuilder("true");
    for (int c = projected.nextSetBit(0); c >= 0; c = projected.nextSetBit(c + 1)) {
      notNull.append(" && GeneratedFilterProject.valid(v").append(c).append(", i)");
    }
    s.append("        if (").append(notNull).append(") {\n")
        .append("          long r = ").append(valueCode(projection)).append(";\n");
    if (!wide) {
      s.append("          GeneratedFilterProject.putInt(out, count, GeneratedFilterProject.checkInt(r));\n");
    } else {
      s.append("          GeneratedFilterProject.putLong(out, count, r);\n");
    }
    s.append("          valid[count >> 3] |= (byte) (1 << (count & 7));\n")
        .append("        }\n")
        .append("        count++;\n")
        .append("      }\n")
        .append("    }\n")
        .append("    return GeneratedFilterProject.vector(").append(wide).append(", out, valid, count, allocator);\n")
        .append("  }\n}\n");
    return s.toString();
  }

  private static String predicateCode(PhysicalExpr expr) {
    PhysicalExpr.Call call = (PhysicalExpr.Call) expr;
    ScalarFunction f = call.function();
    if (f == ScalarFunction.AND || f == ScalarFunction.OR) {
      StringBuilder s = new StringBuilder("(");
      for (int i = 0; i < call.operands().size(); i++) {
        s.append(i == 0 ? "" : f == ScalarFunction.AND ? " && " : " || ").append(predicateCode(call.operands().get(i)));
      }
      return s.append(')').toString();
    }
    String op = switch (f) {
      case EQUALS -> "==";
      case NOT_EQUALS -> "!=";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      case GREATER_THAN_OR_EQUAL -> ">=";
      default -> throw new IllegalArgumentException("not generated: " + f);
    };
    PhysicalExpr a = call.operands().get(0);
    PhysicalExpr b = call.operands().get(1);
    return "(" + notNull(a) + " && " + notNull(b) + " && " + valueCode(a) + " " + op + " " + valueCode(b) + ")";
  }

  private static String notNull(PhysicalExpr expr) {
    if (expr instanceof PhysicalExpr.InputRef ref) {
      return "GeneratedFilterProject.valid(v" + ref.index() + ", i)";
    }
    return "true";
  }

  private static String valueCode(PhysicalExpr expr) {
    if (expr instanceof PhysicalExpr.InputRef ref) {
      String read = ref.type().type() == SqlType.BIGINT ? "getLong" : "getInt";
      return "GeneratedFilterProject." + read + "(d" + ref.index() + ", i)";
    }
    if (expr instanceof PhysicalExpr.Literal literal) {
      return ((Number) literal.value()).longValue() + "L";
    }
    PhysicalExpr.Call call = (PhysicalExpr.Call) expr;
    String method = switch (call.function()) {
      case PLUS -> "addExact";
      case MINUS -> "subtractExact";
      case MULTIPLY -> "multiplyExact";
      default -> throw new IllegalArgumentException("not generated: " + call.function());
    };
    return "Math." + method + "(" + valueCode(call.operands().get(0)) + ", " + valueCode(call.operands().get(1)) + ")";
  }

  private static void collect(PhysicalExpr expr, BitSet columns) {
    if (expr instanceof PhysicalExpr.InputRef ref) {
      columns.set(ref.index());
    } else if (expr instanceof PhysicalExpr.Call call) {
      call.operands().forEach(operand -> collect(operand, columns));
    }
  }

  // Helpers called by the generated code (Janino does not compile signature-polymorphic VarHandle calls).

  public static byte[] data(VectorSchemaRoot input, int column) {
    FieldVector vector = input.getVector(column);
    int width = vector instanceof org.apache.arrow.vector.BigIntVector ? 8 : 4;
    byte[] bytes = new byte[input.getRowCount() * width];
    vector.getDataBuffer().getBytes(0, bytes);
    return bytes;
  }

  public static byte[] validity(VectorSchemaRoot input, int column) {
    byte[] bits = new byte[(input.getRowCount() + 7) / 8];
    input.getVector(column).getValidityBuffer().getBytes(0, bits);
    return bits;
  }

  public static boolean valid(byte[] bits, int i) {
    return (bits[i >> 3] & (1 << (i & 7))) != 0;
  }

  public static long getInt(byte[] data, int i) {
    return (int) INTS.get(data, i << 2);
  }

  public static long getLong(byte[] data, int i) {
    return (long) LONGS.get(data, i << 3);
  }

  public static int checkInt(long value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw dev.quaver.error.QuaverException.of(dev.quaver.error.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
          "INTEGER out of range: %s", value);
    }
    return (int) value;
  }

  public static void putInt(byte[] out, int k, int value) {
    INTS.set(out, k << 2, value);
  }

  public static void putLong(byte[] out, int k, long value) {
    LONGS.set(out, k << 3, value);
  }

  public static FieldVector vector(boolean wide, byte[] out, byte[] valid, int count, BufferAllocator allocator) {
    org.apache.arrow.vector.BaseFixedWidthVector vector = wide
        ? new org.apache.arrow.vector.BigIntVector("expr", allocator)
        : new org.apache.arrow.vector.IntVector("expr", allocator);
    vector.allocateNew(Math.max(count, 1));
    if (count > 0) {
      vector.getDataBuffer().setBytes(0, out, 0, (long) count * (wide ? 8 : 4));
      vector.getValidityBuffer().setBytes(0, valid, 0, (count + 7) / 8);
    }
    vector.setValueCount(count);
    return vector;
  }
}
