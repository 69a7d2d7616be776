package dev.quaver.storage.lsm.wal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Who syncs the log and who waits ({@link LogWriter#syncTo}): committers that arrive while a
 * sync is running wait; when it ends, the ones it covered return and one of the others leads the
 * next sync, which covers every record appended by then.
 *
 * <p>Two ways to wait, chosen per writer ({@code -Dquaver.wal.handoff}, default true):
 * <ul>
 *   <li>hand-off: each waiter parks on its own. The ending leader first wakes exactly one
 *       uncovered waiter and makes it the next leader (so the disk idles for one wake-up, not for
 *       every waiter's turn at a monitor), then wakes only the waiters its sync covered. Nobody
 *       is woken to find it must wait again, and nobody queues for a monitor after a sync.
 *   <li>monitor (the earlier way, for A/B): waiters {@code wait()} on one monitor and the leader
 *       {@code notifyAll()}s; every waiter then re-enters the monitor one after another, the
 *       uncovered ones to wait again, and the next leader starts when its turn comes.
 * </ul>
 * A failed sync hands leadership on too: the next waiter tries itself and gets its own error.
 *
 * <p>Thread safety: state guarded by {@code this}; {@link Waiter#state} is volatile and read by
 * its parked owner.
 */
final class GroupCommit {
  /** The work of one leader: write and sync everything appended; returns the position synced. */
  interface Sync {
    long writeAndSync() throws IOException;
  }

  private static final int WAITING = 0;
  private static final int COVERED = 1;
  private static final int LEAD = 2;

  /** One parked committer (hand-off mode). */
  private static final class Waiter {
    final Thread thread = Thread.currentThread();
    final long position;
    volatile int state = WAITING;

    Waiter(long position) {
      this.position = position;
    }
  }

  private final Sync sync;
  private final boolean handoff;
  // guarded by this
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private long syncedPosition;
  private boolean syncInProgress;
  private long syncs;

  GroupCommit(Sync sync, boolean handoff) {
    this.sync = sync;
    this.handoff = handoff;
  }

  /** The mode of new writers: {@code -Dquaver.wal.handoff} (default true). */
  static boolean handoffSetting() {
    return Boolean.parseBoolean(System.getProperty("quaver.wal.handoff", "true"));
  }

  /** Returns once every byte up to {@code position} is synced. */
  void syncTo(long position) throws IOException {
    if (!handoff) {
      monitorSyncTo(position);
      return;
    }
    Waiter waiter = null;
    synchronized (this) {
      if (syncedPosition >= position) {
        return;
      }
      if (syncInProgress) {
        waiter = new Waiter(position);
        waiters.addLast(waiter);
      } else {
        syncInProgress = true;
      }
    }
    if (waiter != null && !await(waiter)) {
      return; // covered by another's sync
    }
    lead();
  }

  /** Group-commit syncs done so far. */
  synchronized long syncs() {
    return syncs;
  }

  /** Parks until covered (false) or made the leader (true). */
  private boolean await(Waiter waiter) throws IOException {
    while (true) {
      int state = waiter.state;
      if (state != WAITING) {
        return state == LEAD;
      }
      LockSupport.park(this);
      if (Thread.interrupted()) {
        synchronized (this) {
          if (waiter.state == WAITING) {
            waiters.remove(waiter);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the log sync");
          }
        }
        Thread.currentThread().interrupt(); // covered or leading meanwhile: finish, keep the status
      }
    }
  }

  /** Runs one sync (syncInProgress is set and is this thread's), then wakes the next leader and the covered. */
  private void lead() throws IOException {
    boolean synced = false;
    long target = 0;
    try {
      target = sync.writeAndSync();
      synced = true;
    } finally {
      Waiter next = null;
      List<Waiter> covered = new ArrayList<>();
      synchronized (this) {
        if (synced) {
          syncs++;
          syncedPosition = Math.max(syncedPosition, target);
        }
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
          Waiter waiter = it.next();
          if (waiter.position <= syncedPosition) {
            it.remove();
            waiter.state = COVERED; // under the lock: an interrupted waiter then sees it is durable
            covered.add(waiter);
          }
        }
        next = waiters.pollFirst();
        if (next == null) {
          syncInProgress = false;
        } else {
          next.state = LEAD; // syncInProgress passes to it
        }
      }
      if (next != null) {
        LockSupport.unpark(next.thread); // first: the disk's next sync should not wait for the others' wake-ups
      }
      for (Waiter waiter : covered) {
        LockSupport.unpark(waiter.thread);
      }
    }
  }

  /** The monitor way (see class doc). */
  private void monitorSyncTo(long position) throws IOException {
    while (true) {
      synchronized (this) {
        while (syncedPosition < position && syncInProgress) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the log sync", e);
          }
        }
        if (syncedPosition >= position) {
          return;
        }
        syncInProgress = true;
      }
      long target = 0;
      boolean synced = false;
      try {
        target = sync.writeAndSync();
        synced = true;
      } finally {
        synchronized (this) {
          if (synced) {
            syncs++;
            syncedPosition = Math.max(syncedPosition, target);
          }
          syncInProgress = false;
          notifyAll();
        }
      }
    }
  }
}
