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
  /**
   * The current key's bytes are {@code keyBuffer[0, keyLength)}: entries are decoded in place
   * (a seek that skips a hundred entries allocates nothing); {@link #key()} and {@link #value()}
   * copy out once per entry, on demand.
   */
  private byte[] keyBuffer = new byte[32];
  private int keyLength;
  private byte[] key;
  private long sequence;
  /** Offset of the current value in {@code data}, or -1 for a tombstone. */
  private int valueOffset;
  private int valueLength;
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
      keyLength = 0;
      decode();
      if (compareCurrent(target, targetSequence) < 0) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    position = restartCount == 0 ? restartsOffset : restartOffset(Math.max(low, 0));
    keyLength = 0;
    while (position < restartsOffset) {
      int start = position;
      int previousLength = keyLength;
      decode();
      if (compareCurrent(target, targetSequence) >= 0) {
        // Let next() decode this entry again: it only rewrites the key after the prefix it
        // shares with the previous one, so the previous key's prefix is still in the buffer.
        position = start;
        keyLength = previousLength;
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
    if (key == null) {
      key = Arrays.copyOf(keyBuffer, keyLength);
    }
    return key;
  }

  /** Whether the current entry's key equals {@code other}, without copying it out. */
  public boolean keyEquals(byte[] other) {
    return Arrays.equals(keyBuffer, 0, keyLength, other, 0, other.length);
  }

  @Override
  public long sequence() {
    return sequence;
  }

  @Override
  public byte[] value() {
    if (!positioned) {
      return null;
    }
    if (value == null) {
      value = valueOffset < 0 ? Memtable.TOMBSTONE
          : Arrays.copyOfRange(data, valueOffset, valueOffset + valueLength);
    }
    return value;
  }

  /** Internal-key order: key ascending, sequence descending. */
  static int compare(byte[] key, long sequence, byte[] otherKey, long otherSequence) {
    int c = Arrays.compareUnsigned(key, otherKey);
    return c != 0 ? c : Long.compare(otherSequence, sequence);
  }

  private int compareCurrent(byte[] otherKey, long otherSequence) {
    int c = Arrays.compareUnsigned(keyBuffer, 0, keyLength, otherKey, 0, otherKey.length);
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
    if (shared > keyLength || unshared < 0 || position + unshared > restartsOffset) {
      throw new IllegalStateException("bad entry at " + position);
    }
    int length = shared + unshared;
    if (length > keyBuffer.length) {
      keyBuffer = Arrays.copyOf(keyBuffer, Math.max(length, keyBuffer.length * 2));
    }
    System.arraycopy(data, position, keyBuffer, shared, unshared);
    position += unshared;
    keyLength = length;
    key = null;
    value = null;
    if (valueCode == 0) {
      valueOffset = -1;
      valueLength = 0;
    } else {
      int valueBytes = (int) (valueCode - 1);
      if (position + valueBytes > restartsOffset || valueBytes < 0) {
        throw new IllegalStateException("bad value length at " + position);
      }
      valueOffset = position;
      valueLength = valueBytes;
      position += valueBytes;
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
