package dev.quaver.executor.exchange;

/**
 * Moves the batches of one plan edge from the P instances of the producing fragment to the C
 * instances of the consuming one: each producer sends through its {@link Sink} and finishes;
 * each consumer reads its {@link Source} until every producer has finished. {@link #abort} wakes
 * and fails every waiting side (a failed or cancelled query); {@link #close} frees batches still
 * in flight. The in-process implementation is {@link InProcessExchange}; a network one would
 * send the batches as Arrow IPC.
 *
 * <p>Thread safety: implementations are safe for concurrent use by all producers and consumers.
 */
public interface Exchange extends AutoCloseable {
  /** The sending end of producer {@code producer}; {@code waits} is its thread's wait hooks. */
  Sink sink(int producer, Waits waits);

  /** The receiving end of consumer {@code consumer}. */
  Source source(int consumer, Waits waits);

  /** Fails every current and later send and receive with {@code cause}; the first cause wins. */
  void abort(Throwable cause);

  /** Frees every batch still queued. Requires: no producer or consumer is using it any more. */
  @Override
  void close();

  /** The sending end of one producer. Thread safety: confined to the producer's thread. */
  interface Sink {
    /** Sends the rows of {@code batch} (still owned by the caller); waits while queues are full. */
    void send(org.apache.arrow.vector.VectorSchemaRoot batch);

    /**
     * Sends the rows of {@code batch}; when {@code transferable} (the producer's
     * {@code Operator#lastBatchTransferable()}) the sink may move the batch's buffers into its
     * own vectors instead of copying them, leaving the caller's vectors empty (the caller still
     * closes its batch). Default: {@link #send(org.apache.arrow.vector.VectorSchemaRoot)}.
     */
    default void send(org.apache.arrow.vector.VectorSchemaRoot batch, boolean transferable) {
      send(batch);
    }

    /** This producer sends no more batches. */
    void finish();
  }

  /** The receiving end of one consumer. Thread safety: confined to the consumer's thread. */
  interface Source extends AutoCloseable {
    /**
     * The next batch, or null once every producer finished and all was read. The batch belongs
     * to the source and is valid until the next call or {@link #close()} (the Operator rule).
     */
    org.apache.arrow.vector.VectorSchemaRoot next();

    @Override
    void close();
  }

  /**
   * What a thread does around a wait on a full or empty queue: checks the statement's cancel
   * flag, and gives its worker permit back while it waits so another fragment instance can run.
   */
  interface Waits {
    Waits NONE = new Waits() {};

    default void checkCanceled() {}

    default void beforeWait() {}

    default void afterWait() {}
  }
}
