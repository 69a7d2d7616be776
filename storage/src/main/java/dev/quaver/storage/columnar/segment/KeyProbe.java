package dev.quaver.storage.columnar.segment;

import dev.quaver.storage.io.ByteArrayKey;
import java.util.Collection;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * A set of row keys probed straight from the {@code $rowkey} column of a loaded row group: the
 * key's bytes are hashed and compared in the vector's buffers, so a probe allocates nothing
 * (the alternative, {@code changed.contains(new ByteArrayKey(vector.get(r)))} on a TreeSet, copies
 * each key and walks ~log2(n) unsigned array comparisons per row). Used wherever rows of segments
 * are matched against the keys changed after the watermark. Open addressing with linear probing,
 * at most half full.
 *
 * <p>Thread safety: immutable after construction; probes from any thread.
 */
public final class KeyProbe {
  private final byte[][] slots;
  private final int mask;
  private final int size;

  public KeyProbe(Collection<ByteArrayKey> keys) {
    int capacity = Integer.highestOneBit(Math.max(2, keys.size()) * 2 - 1) << 1;
    slots = new byte[capacity][];
    mask = capacity - 1;
    int count = 0;
    for (ByteArrayKey key : keys) {
      byte[] bytes = key.bytes();
      int slot = hash(bytes) & mask;
      while (slots[slot] != null && !java.util.Arrays.equals(slots[slot], bytes)) {
        slot = (slot + 1) & mask;
      }
      if (slots[slot] == null) {
        slots[slot] = bytes;
        count++;
      }
    }
    size = count;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Whether the (non-null) value at {@code index} of {@code keys} is in the set. */
  public boolean contains(VarBinaryVector keys, int index) {
    ArrowBuf offsets = keys.getOffsetBuffer();
    int start = offsets.getInt((long) index * 4);
    int length = offsets.getInt((long) (index + 1) * 4) - start;
    ArrowBuf data = keys.getDataBuffer();
    int hash = 1;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + data.getByte(start + i);
    }
    for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      byte[] candidate = slots[slot];
      if (candidate == null) {
        return false;
      }
      if (candidate.length == length && equal(candidate, data, start)) {
        return true;
      }
    }
  }

  private static boolean equal(byte[] candidate, ArrowBuf data, int start) {
    for (int i = candidate.length - 1; i >= 0; i--) { // keys share prefixes: compare the tail first
      if (candidate[i] != data.getByte(start + i)) {
        return false;
      }
    }
    return true;
  }

  private static int hash(byte[] bytes) {
    int hash = 1;
    for (byte b : bytes) {
      hash = 31 * hash + b;
    }
    return mix(hash);
  }

  private static int mix(int hash) {
    hash *= 0x9E3779B9;
    return hash ^ (hash >>> 16);
  }
}
