package dev.quaver.executor.exchange;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The receiving end of an exchange as an operator: returns the batches the exchange delivers to
 * this fragment instance, in arrival order. The batches are owned by the exchange's source and
 * valid until the next call, as the Operator contract says.
 *
 * <p>Thread safety: confined to the fragment instance's thread.
 */
public final class ExchangeSourceOperator implements Operator {
  private final Exchange.Source source;
  private final Schema schema;
  private final ExecutionContext context;

  public ExchangeSourceOperator(Exchange.Source source, Schema schema, ExecutionContext context) {
    this.source = source;
    this.schema = schema;
    this.context = context;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    return source.next();
  }

  @Override
  public void close() {
    source.close();
  }
}
