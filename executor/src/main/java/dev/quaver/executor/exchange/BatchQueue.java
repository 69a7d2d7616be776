package dev.quaver.executor.exchange;

import java.util.ArrayDeque;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A bounded queue of batches from {@code producers} producers to one consumer: {@link #put}
 * waits while {@code capacity} batches are queued (backpressure), {@link #take} waits while it is
 * empty and returns null once every producer called {@link #producerFinished} and the queue is
 * drained. {@link #abort} makes every wait throw its cause. Waiting threads call
 * {@link Exchange.Waits#beforeWait()} / {@code afterWait()} outside the lock (they hand back a
 * worker permit, which must never be waited for under this lock) and poll the cancel flag.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class BatchQueue {
  private static final long POLL_MILLIS = 20;

  private final ArrayDeque<VectorSchemaRoot> batches = new ArrayDeque<>();
  private final int capacity;
  private int openProducers;
  private RuntimeException abort;

  BatchQueue(int capacity, int producers) {
    this.capacity = capacity;
    this.openProducers = producers;
  }

  /** Queues {@code batch} (ownership passes to the queue; closed here if the queue is aborted). */
  void put(VectorSchemaRoot batch, Exchange.Waits waits) {
    synchronized (this) {
      if (tryPut(batch)) {
        return;
      }
    }
    waits.beforeWait();
    try {
      synchronized (this) {
        while (!tryPut(batch)) {
          waitOrCancel(waits, batch);
        }
      }
    } finally {
      waits.afterWait();
    }
  }

  /** The next batch (now owned by the caller), or null at the end. */
  VectorSchemaRoot take(Exchange.Waits waits) {
    synchronized (this) {
      if (canTake()) {
        return poll();
      }
    }
    waits.beforeWait();
    try {
      synchronized (this) {
        while (!canTake()) {
          waitOrCancel(waits, null);
        }
        return poll();
      }
    } finally {
      waits.afterWait();
    }
  }

  synchronized void producerFinished() {
    openProducers--;
    notifyAll();
  }

  synchronized void abort(RuntimeException cause) {
    if (abort == null) {
      abort = cause;
    }
    notifyAll();
  }

  /** Closes every queued batch. */
  synchronized void clear() {
    for (VectorSchemaRoot batch : batches) {
      batch.close();
    }
    batches.clear();
  }

  private boolean tryPut(VectorSchemaRoot batch) {
    if (abort != null) {
      batch.close();
      throw abort;
    }
    if (batches.size() >= capacity) {
      return false;
    }
    batches.add(batch);
    notifyAll();
    return true;
  }

  private boolean canTake() {
    if (abort != null) {
      throw abort;
    }
    return !batches.isEmpty() || openProducers == 0;
  }

  private VectorSchemaRoot poll() {
    VectorSchemaRoot batch = batches.poll();
    if (batch != null) {
      notifyAll();
    }
    return batch;
  }

  private void waitOrCancel(Exchange.Waits waits, VectorSchemaRoot pending) {
    try {
      waits.checkCanceled();
      wait(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (pending != null) {
        pending.close();
      }
      throw new dev.quaver.error.QuaverException(dev.quaver.error.ErrorCode.QUERY_CANCELED,
          "canceling statement: its worker thread was interrupted");
    } catch (RuntimeException e) {
      if (pending != null) {
        pending.close();
      }
      throw e;
    }
  }
}
