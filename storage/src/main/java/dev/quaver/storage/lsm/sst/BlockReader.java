package dev.quaver.storage.lsm.sst;

import dev.quaver.storage.lsm.InternalIterator;
import dev.quaver.storage.lsm.Memtable;
import java.util.Arrays;

/**
 * Iterates over the entries of one decoded block ({@link BlockBuilder}'s layout) and seeks by
 * binary search over its restart points. Throws {@link IllegalStateException} on malformed
 * contents (the block's CRC already matched, so that means a writer bug or a checksum collision).
 *
 * <p>Thread safety: confined to one thread; the block bytes are shared read-only.
 */
public final class BlockReader implements InternalIterator {
  private final byte[] data;
  private final int restartsOffset;
  private final int restartCount;
  private int position;
  private byte[] key = new byte[0];
  private long sequence;
  private byte[] value;
  private boolean positioned;

  public BlockReader(byte[] data) {
    this.data = data;
    if (data.length < 4) {
      throw new IllegalStateException("block of " + data.length + " bytes");
    }
    this.restartCount = SstFormat.readInt(data, data.length - 4);
    this.restartsOffset = data.length - 4 - restartCount * 4;
    if (restartCount < 0 || restartsOffset < 0) {
      throw new IllegalStateException("bad restart count " + restartCount);
    }
  }

  /** Positions before the first entry whose (key, sequence) is at or after the target. */
  public void seek(byte[] target, long targetSequence) {
    int low = 0;
    int high = restartCount - 1;
    while (low < high) { // last restart whose key is < target
      int mid = (low + high + 1) >>> 1;
      position = restartOffset(mid);
      key = new byte[0];
      decode();
      if (compare(key, sequence, target, targetSequence) < 0) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    position = restartCount == 0 ? restartsOffset : restartOffset(Math.max(low, 0));
    key = new byte[0];
    while (position < restartsOffset) {
      int start = position;
      byte[] previous = key;
      decode();
      if (compare(key, sequence, target, targetSequence) >= 0) {
        position = start; // let next() return this entry
        key = previous;
        positioned = false;
        return;
      }
    }
  }

  @Override
  public boolean next() {
    if (position >= restartsOffset) {
      positioned = false;
      return false;
    }
    decode();
    positioned = true;
    return true;
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public long sequence() {
    return sequence;
  }

  @Override
  public byte[] value() {
    return positioned ? value : null;
  }

  /** Internal-key order: key ascending, sequence descending. */
  static int compare(byte[] key, long sequence, byte[] otherKey, long otherSequence) {
    int c = Arrays.compareUnsigned(key, otherKey);
    return c != 0 ? c : Long.compare(otherSequence, sequence);
  }

  private int restartOffset(int index) {
    return SstFormat.readInt(data, restartsOffset + index * 4);
  }

  private void decode() {
    int shared = (int) readVar();
    int unshared = (int) readVar();
    sequence = readVar();
    long valueCode = readVar();
    if (shared > key.length || position + unshared > restartsOffset) {
      throw new IllegalStateException("bad entry at " + position);
    }
    byte[] next = Arrays.copyOf(key, shared + unshared);
    System.arraycopy(data, position, next, shared, unshared);
    position += unshared;
    key = next;
    if (valueCode == 0) {
      value = Memtable.TOMBSTONE;
    } else {
      int length = (int) (valueCode - 1);
      if (position + length > restartsOffset || length < 0) {
        throw new IllegalStateException("bad value length at " + position);
      }
      value = Arrays.copyOfRange(data, position, position + length);
      position += length;
    }
  }

  private long readVar() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= restartsOffset) {
        throw new IllegalStateException("truncated varint");
      }
      byte b = data[position++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new IllegalStateException("varint too long");
  }
}
