package dev.quaver.server.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the tasks of one connection one after another, in submission order, on a shared worker
 * pool: requests of a session never overlap. A short request may instead run on the thread that
 * read it ({@link #tryEnter}), when nothing else of the session is queued or running.
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

  /**
   * Takes the queue for a task the caller runs itself, on its own thread: true when nothing of
   * this queue is queued or running, and then nothing will run until {@link #exit}. Saves the
   * hand-off to a worker (a thread wake-up each way) for short requests.
   */
  public boolean tryEnter() {
    return tasks.isEmpty() && isScheduled.compareAndSet(false, true);
  }

  /** Ends what {@link #tryEnter} started; tasks submitted meanwhile go to the workers. */
  public void exit() {
    isScheduled.set(false);
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
