package dev.quaver.server.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the tasks of one connection one after another, in submission order, on a shared worker
 * pool: requests of a session never overlap, and no task runs on the Netty event loop.
 *
 * <p>Thread safety: {@link #submit} may be called from any thread.
 */
public final class RequestQueue {
  private final Executor workers;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean isScheduled = new AtomicBoolean();

  public RequestQueue(Executor workers) {
    this.workers = workers;
  }

  public void submit(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (!tasks.isEmpty() && isScheduled.compareAndSet(false, true)) {
      try {
        workers.execute(this::drain);
      } catch (RejectedExecutionException e) {
        // The pool is shutting down with the server: the tasks die with it.
        isScheduled.set(false);
      }
    }
  }

  private void drain() {
    try {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        task.run();
      }
    } finally {
      isScheduled.set(false);
      schedule();
    }
  }
}
