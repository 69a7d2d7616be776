package dev.quaver.executor.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Builds batches and expressions for expression tests; checks that no Arrow memory leaks. */
abstract class ExpressionTestBase {
  /** 2024-03-15T10:20:30.456 UTC. */
  static final long START_MILLIS = 1710498030456L;

  BufferAllocator allocator;
  final List<Object> parameters = new ArrayList<>();
  final List<VectorSchemaRoot> roots = new ArrayList<>();

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    roots.forEach(VectorSchemaRoot::close);
    assertThat(allocator.getAllocatedMemory()).as("bytes outstanding").isZero();
    allocator.close();
  }

  EvaluationContext context() {
    return new EvaluationContext() {
      @Override
      public BufferAllocator allocator() {
        return allocator;
      }

      @Override
      public Object parameter(int index) {
        return parameters.get(index);
      }

      @Override
      public Object correlationValue(int correlationId, int index) {
        return correlationId * 100 + index;
      }

      @Override
      public long statementStartMillis() {
        return START_MILLIS;
      }
    };
  }

  /** A batch with one column per type; rows[i][c] is the Java value of column c in row i. */
  VectorSchemaRoot batch(List<ColumnType> types, Object[]... rows) {
    List<Field> fields = new ArrayList<>();
    for (int c = 0; c < types.size(); c++) {
      fields.add(ArrowTypes.field("c" + c, types.get(c)));
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
    roots.add(root);
    root.allocateNew();
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < types.size(); c++) {
        ArrowTypes.set(root.getVector(c), r, types.get(c), rows[r][c]);
      }
    }
    root.setRowCount(rows.length);
    return root;
  }

  /** A one-column batch. */
  VectorSchemaRoot column(ColumnType type, Object... values) {
    Object[][] rows = new Object[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new Object[] {values[i]};
    }
    return batch(List.of(type), rows);
  }

  static PhysicalExpr ref(int index, ColumnType type) {
    return new PhysicalExpr.InputRef(index, type, true);
  }

  static PhysicalExpr lit(Object value, ColumnType type) {
    return new PhysicalExpr.Literal(value, type);
  }

  static PhysicalExpr text(String value) {
    return new PhysicalExpr.Literal(value, ColumnType.TEXT);
  }

  static PhysicalExpr call(ScalarFunction function, ColumnType type, PhysicalExpr... operands) {
    return new PhysicalExpr.Call(function, Arrays.asList(operands), type, true);
  }

  static PhysicalExpr cast(PhysicalExpr operand, ColumnType type) {
    return call(ScalarFunction.CAST, type, operand);
  }

  List<Object> eval(PhysicalExpr expression, VectorSchemaRoot input) {
    VectorExpression compiled = ExpressionCompiler.compile(expression);
    try (FieldVector result = compiled.evaluate(input, context())) {
      assertThat(result.getValueCount()).isEqualTo(input.getRowCount());
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < input.getRowCount(); i++) {
        values.add(ArrowTypes.get(result, i, expression.type()));
      }
      return values;
    }
  }

  /** Evaluates an expression without input columns. */
  Object value(PhysicalExpr expression) {
    return ExpressionCompiler.evaluateConstant(expression, context());
  }

  void assertFails(PhysicalExpr expression, VectorSchemaRoot input, ErrorCode code) {
    assertThatThrownBy(() -> eval(expression, input))
        .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  void assertFails(PhysicalExpr expression, ErrorCode code) {
    assertThatThrownBy(() -> value(expression))
        .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  static List<Object> values(Object... values) {
    return Arrays.asList(values);
  }
}
