package dev.quaver.executor.operator;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A running operator of the vectorized pull model: the consumer pulls Arrow batches of up to
 * {@code ExecutorConfig.batchRows} rows with {@link #next()}.
 *
 * <p>Call protocol:
 * <ul>
 *   <li>{@link #schema()} may be called at any time; every batch has a schema with the same
 *       vector types in the same order (names may differ).
 *   <li>{@link #next()} returns the next batch, or null at the end (and on every call after it).
 *       The returned batch is owned by this operator and valid until the next call to
 *       {@code next()} or {@code close()}; a consumer that keeps data copies or slices it.
 *       A batch may have zero rows. An operator borrows its inputs' batches under the same rule.
 *   <li>{@code next()} checks the statement's cancel flag and throws QUERY_CANCELED (57014).
 *   <li>{@link #close()} releases every buffer this operator and its inputs hold; it may be called
 *       at any time (also before the end or after an error) and more than once.
 * </ul>
 *
 * <p>Thread safety: confined to the thread running the statement.
 */
public interface Operator extends AutoCloseable {
  Schema schema();

  VectorSchemaRoot next();

  @Override
  void close();
}
