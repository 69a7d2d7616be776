package dev.quaver.storage.lsm.sst;

import dev.quaver.storage.io.ByteWriter;

/**
 * Builds the uncompressed contents of one data or index block:
 *
 * <pre>
 *   contents := entry* restart:u32* restartCount:u32
 *   entry    := shared:varint unshared:varint sequence:varint valueCode:varint
 *               keySuffix[unshared] value[valueCode - 1]
 * </pre>
 *
 * Each key stores only the bytes it does not share with the previous key; every
 * {@code restartInterval}-th entry stores its whole key and its offset is listed as a restart
 * point, so a reader can binary-search the restarts. {@code valueCode} 0 is a tombstone.
 * Entries must be added in internal-key order.
 *
 * <p>Thread safety: confined to one thread.
 */
public final class BlockBuilder {
  private final int restartInterval;
  private final ByteWriter out = new ByteWriter(8192);
  private final ByteWriter restarts = new ByteWriter(256);
  private byte[] lastKey = new byte[0];
  private int entriesSinceRestart;
  private int entries;

  public BlockBuilder(int restartInterval) {
    this.restartInterval = restartInterval;
  }

  /** Adds an entry; {@code value} null means a tombstone. */
  public void add(byte[] key, long sequence, byte[] value) {
    int shared = 0;
    if (entriesSinceRestart < restartInterval && entries > 0) {
      int max = Math.min(key.length, lastKey.length);
      while (shared < max && key[shared] == lastKey[shared]) {
        shared++;
      }
    } else {
      restarts.writeInt(out.size());
      entriesSinceRestart = 0;
    }
    out.writeVarLong(shared).writeVarLong(key.length - shared).writeVarLong(sequence)
        .writeVarLong(value == null ? 0 : value.length + 1L);
    out.writeBytes(key, shared, key.length - shared);
    if (value != null) {
      out.writeBytes(value);
    }
    lastKey = key;
    entriesSinceRestart++;
    entries++;
  }

  public boolean isEmpty() {
    return entries == 0;
  }

  /** Bytes the block holds so far, without the restart array. */
  public int currentSize() {
    return out.size() + restarts.size() + 4;
  }

  /** Appends the restart array and returns the finished contents in {@code out}'s buffer. */
  public ByteWriter finish() {
    int count = restarts.size() / 4;
    out.writeBytes(restarts.array(), 0, restarts.size());
    out.writeInt(count);
    return out;
  }

  public void reset() {
    out.reset();
    restarts.reset();
    lastKey = new byte[0];
    entriesSinceRestart = 0;
    entries = 0;
  }
}
