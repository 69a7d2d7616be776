package dev.quaver.storage.lsm.compaction;

import dev.quaver.storage.lsm.InternalIterator;
import dev.quaver.storage.lsm.Memtable;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Passes on the versions a flush or compaction must keep. With horizon H (the oldest snapshot
 * any reader may use), per user key: every version newer than H is kept; of the versions at or
 * below H only the newest is kept (older ones are invisible to every snapshot), and even that one
 * is dropped if it is a tombstone and the output is the bottommost level for the key (nothing
 * older below could be uncovered). Duplicate (key, sequence) pairs are passed once. Keys an
 * optional {@code obsolete} predicate accepts (rows of dropped tables) are dropped entirely.
 *
 * <p>Thread safety: confined to one thread.
 */
public final class CompactionFilter implements InternalIterator {
  private final InternalIterator input;
  private final long horizon;
  private final boolean bottommost;
  private final Predicate<byte[]> obsolete;
  private byte[] lastKey;
  private long lastSequence = -1;
  private boolean keptAtOrBelowHorizon;
  private long dropped;

  public CompactionFilter(InternalIterator input, long horizon, boolean bottommost) {
    this(input, horizon, bottommost, null);
  }

  /** As above; every version of a key {@code obsolete} accepts is dropped (may be null). */
  public CompactionFilter(InternalIterator input, long horizon, boolean bottommost,
      Predicate<byte[]> obsolete) {
    this.input = input;
    this.horizon = horizon;
    this.bottommost = bottommost;
    this.obsolete = obsolete;
  }

  @Override
  public boolean next() {
    while (input.next()) {
      byte[] key = input.key();
      long sequence = input.sequence();
      if (lastKey == null || !Arrays.equals(lastKey, key)) {
        lastKey = key;
        lastSequence = -1;
        keptAtOrBelowHorizon = false;
      } else if (sequence == lastSequence) {
        continue; // the same version from two sources
      }
      lastSequence = sequence;
      if (obsolete != null && obsolete.test(key)) {
        dropped++;
        continue;
      }
      if (sequence > horizon) {
        return true;
      }
      if (keptAtOrBelowHorizon) {
        dropped++;
        continue;
      }
      keptAtOrBelowHorizon = true;
      if (bottommost && input.value() == Memtable.TOMBSTONE) {
        dropped++;
        continue;
      }
      return true;
    }
    return false;
  }

  /** Versions dropped so far. */
  public long dropped() {
    return dropped;
  }

  @Override
  public byte[] key() {
    return input.key();
  }

  @Override
  public long sequence() {
    return input.sequence();
  }

  @Override
  public byte[] value() {
    return input.value();
  }

  @Override
  public void close() {
    input.close();
  }
}
