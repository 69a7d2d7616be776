package dev.quaver.executor.fragment;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads fragment instances run on: a cached pool of daemon threads named
 * {@code quaver-worker-N}, one thread per running instance (an instance may wait on an exchange,
 * so instances are not multiplexed on fewer threads; how many compute at once is bounded per
 * query by its parallelism, see {@link ParallelQuery}). Idle threads end after a minute.
 * {@link #runningInstances()} is 0 whenever no query runs (tests check no instance outlives its
 * query).
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class WorkerPool implements AutoCloseable {
  private final AtomicInteger threadIds = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "quaver-worker-" + threadIds.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  /**
   * Runs {@code task} on a worker thread, then {@code finished} (after the instance no longer
   * counts as running, so whoever waits for {@code finished} sees {@link #runningInstances()}
   * without it).
   */
  void start(Runnable task, Runnable finished) {
    running.incrementAndGet();
    try {
      threads.execute(() -> {
        try {
          task.run();
        } finally {
          running.decrementAndGet();
          finished.run();
        }
      });
    } catch (RuntimeException e) {
      running.decrementAndGet();
      throw e;
    }
  }

  /** Fragment instances running right now, over all queries. */
  public int runningInstances() {
    return running.get();
  }

  @Override
  public void close() {
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
