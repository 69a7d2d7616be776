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
 *   <li>{@link #lastBatchTransferable()}, asked right after {@code next()} returned a batch, says
 *       whether the caller may take that batch's buffers over instead of borrowing it (the
 *       ownership-transfer variant of the rule above).
 * </ul>
 *
 * <p>Thread safety: confined to the thread running the statement.
 */
public interface Operator extends AutoCloseable {
  Schema schema();

  VectorSchemaRoot next();

  /**
   * Whether the batch the last {@link #next()} returned may be handed over instead of copied:
   * every buffer of it was allocated for that batch alone (not shared with an input's batch, a
   * cache or a reused output vector), and this operator will never read or write those buffers
   * again, only close the batch (at its next call or {@code close()}). A caller may then move the
   * buffers into vectors of its own (Arrow {@code TransferPair#transfer}, which leaves this
   * operator's vectors empty, so its later close frees nothing) before it calls {@code next()}
   * again. Why: an exchange otherwise copies every batch it queues, because a producer that
   * reuses its buffers (the columnar scan) would overwrite a queued batch.
   *
   * <p>Default false (the batch is only borrowed); an operator that builds a fresh batch per call
   * and does not pass an input's batch through overrides it, per batch when that varies (a filter
   * that returns its input's batch unchanged when every row passes says false for that batch).
   * Asked only after {@code next()} returned a non-null batch.
   */
  default boolean lastBatchTransferable() {
    return false;
  }

  @Override
  void close();
}
