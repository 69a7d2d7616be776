package dev.quaver.storage.columnar.segment;

import dev.quaver.storage.io.ByteArrayKey;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Collection;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * A set of row keys probed straight from the {@code $rowkey} column of a loaded row group: the
 * key's bytes are hashed (eight at a time) and compared in the vector's buffers, so a probe
 * allocates nothing (the alternative, {@code changed.contains(new ByteArrayKey(vector.get(r)))}
 * on a TreeSet, copies each key and walks ~log2(n) unsigned array comparisons per row). Used
 * where the rows of a segment that is not in row-key order are matched against the keys changed
 * after the watermark ({@link KeyMatch}; a segment in row-key order is binary-searched instead).
 * Open addressing with linear probing, at most half full.
 *
 * <p>Thread safety: immutable after construction; probes from any thread.
 */
public final class KeyProbe {
  /** Reads a long from a byte[] in the order ArrowBuf#getLong reads memory, so hashes agree. */
  private static final VarHandle NATIVE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private final byte[][] slots;
  private final int mask;
  private final int size;

  public KeyProbe(Collection<ByteArrayKey> keys) {
    this(toArray(keys), 0, keys.size());
  }

  /** The keys {@code keys[from, to)}. */
  public KeyProbe(byte[][] keys, int from, int to) {
    int capacity = Integer.highestOneBit(Math.max(2, to - from) * 2 - 1) << 1;
    slots = new byte[capacity][];
    mask = capacity - 1;
    int count = 0;
    for (int k = from; k < to; k++) {
      byte[] bytes = keys[k];
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

  private static byte[][] toArray(Collection<ByteArrayKey> keys) {
    byte[][] array = new byte[keys.size()][];
    int i = 0;
    for (ByteArrayKey key : keys) {
      array[i++] = key.bytes();
    }
    return array;
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
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      long word = data.getLong(start + i);
      hash = 31 * hash + (int) (word ^ (word >>> 32));
    }
    for (; i < length; i++) {
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

  /** The same function as the probe's hash of a vector value. */
  private static int hash(byte[] bytes) {
    int hash = 1;
    int i = 0;
    for (; i + 8 <= bytes.length; i += 8) {
      long word = (long) NATIVE_LONG.get(bytes, i);
      hash = 31 * hash + (int) (word ^ (word >>> 32));
    }
    for (; i < bytes.length; i++) {
      hash = 31 * hash + bytes[i];
    }
    return mix(hash);
  }

  private static int mix(int hash) {
    hash *= 0x9E3779B9;
    return hash ^ (hash >>> 16);
  }
}
