package dev.quaver.storage.lsm.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both ways of waiting in {@link GroupCommit}, against a fake sync that takes its time. */
class GroupCommitTest {
  /** Positions appended so far (a fake log) and the position each sync made durable. */
  private final AtomicLong appended = new AtomicLong();
  private final AtomicLong durable = new AtomicLong();
  private final AtomicInteger concurrentSyncs = new AtomicInteger();
  private final AtomicBoolean overlapped = new AtomicBoolean();

  private long slowSync() throws IOException {
    if (concurrentSyncs.incrementAndGet() > 1) {
      overlapped.set(true);
    }
    try {
      long target = appended.get();
      Thread.sleep(1);
      durable.accumulateAndGet(target, Math::max);
      return target;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      concurrentSyncs.decrementAndGet();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void everyCommitterReturnsDurableAndSyncsAreShared(boolean handoff) throws Exception {
    GroupCommit group = new GroupCommit(this::slowSync, handoff);
    int threads = 32;
    int commitsEach = 50;
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> committers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        try {
          for (int i = 0; i < commitsEach; i++) {
            long position = appended.incrementAndGet();
            group.syncTo(position);
            if (durable.get() < position) {
              throw new AssertionError("returned before position " + position + " was synced");
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      committers.add(thread);
      thread.start();
    }
    for (Thread thread : committers) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(thread.isAlive()).as("a committer hangs").isFalse();
    }
    assertThat(failure.get()).isNull();
    assertThat(overlapped.get()).as("two syncs ran at once").isFalse();
    assertThat(group.syncs()).isLessThan(threads * commitsEach).isPositive();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aFailedSyncFailsItsLeaderAndTheNextWaiterTriesAgain(boolean handoff) throws Exception {
    CountDownLatch inSync = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    GroupCommit group = new GroupCommit(() -> {
      if (calls.incrementAndGet() == 1) {
        inSync.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("disk gone");
      }
      return appended.get();
    }, handoff);
    appended.set(1);
    AtomicReference<Throwable> leaderResult = new AtomicReference<>();
    Thread leader = new Thread(() -> {
      try {
        group.syncTo(1);
      } catch (Throwable e) {
        leaderResult.set(e);
      }
    });
    leader.start();
    assertThat(inSync.await(10, TimeUnit.SECONDS)).isTrue();
    appended.set(2);
    AtomicReference<Throwable> waiterResult = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        group.syncTo(2);
      } catch (Throwable e) {
        waiterResult.set(e);
      }
    });
    waiter.start();
    while (waiter.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
    release.countDown();
    leader.join(10_000);
    waiter.join(10_000);
    assertThat(leader.isAlive() || waiter.isAlive()).isFalse();
    assertThat(leaderResult.get()).isInstanceOf(IOException.class).hasMessage("disk gone");
    assertThat(waiterResult.get()).isNull(); // it led the second sync, which worked
    assertThat(calls.get()).isEqualTo(2);
    assertThat(group.syncs()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anInterruptedWaiterLeavesWithAnErrorAndOthersGoOn(boolean handoff) throws Exception {
    CountDownLatch inSync = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit group = new GroupCommit(() -> {
      long target = appended.get();
      inSync.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return target;
    }, handoff);
    appended.set(1);
    Thread leader = new Thread(() -> {
      try {
        group.syncTo(1);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    leader.start();
    assertThat(inSync.await(10, TimeUnit.SECONDS)).isTrue();
    appended.set(2);
    AtomicReference<Throwable> result = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread waiter = new Thread(() -> {
      try {
        group.syncTo(2);
      } catch (Throwable e) {
        result.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });
    waiter.start();
    while (waiter.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
    waiter.interrupt();
    waiter.join(10_000);
    assertThat(result.get()).isInstanceOf(IOException.class);
    assertThat(stillInterrupted.get()).isTrue();
    release.countDown();
    leader.join(10_000);
    assertThat(leader.isAlive()).isFalse();
    group.syncTo(2); // leads a sync of its own: nobody is left waiting
    assertThat(group.syncs()).isEqualTo(2);
  }
}
