package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One value for every row of the batch: a literal, a parameter, a correlation value or the
 * statement's clock. The value is read from the context once per batch and filled into the result.
 *
 * <p>Thread safety: immutable.
 */
final class ConstantNode extends ExprNode {
  private final Function<EvaluationContext, Object> value;
  private final boolean isLiteral;
  private final Object literal;

  private ConstantNode(ColumnType type, Function<EvaluationContext, Object> value, boolean isLiteral,
      Object literal) {
    super(type, List.of());
    this.value = value;
    this.isLiteral = isLiteral;
    this.literal = literal;
  }

  static ConstantNode literal(Object value, ColumnType type) {
    Object coerced = Casts.coerce(value, type);
    return new ConstantNode(type, context -> coerced, true, coerced);
  }

  /** A value looked up per batch (parameter, correlation, clock), brought to {@code type}. */
  static ConstantNode perBatch(ColumnType type, Function<EvaluationContext, Object> value) {
    return new ConstantNode(type, context -> Casts.coerce(value.apply(context), type), false, null);
  }

  boolean isLiteral() {
    return isLiteral;
  }

  /** The literal's value. Requires: {@link #isLiteral()}. */
  Object literalValue() {
    return literal;
  }

  Object value(EvaluationContext context) {
    return value.apply(context);
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    return Vectors.fill(type, value.apply(context), input.getRowCount(), context.allocator());
  }

  @Override
  boolean mayRaise() {
    return !isLiteral; // a parameter may not fit its type
  }
}
