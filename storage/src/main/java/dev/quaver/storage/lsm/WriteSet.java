package dev.quaver.storage.lsm;

import dev.quaver.storage.io.ByteReader;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.lsm.wal.LogFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one commit changes, applied atomically: the payload of one WAL COMMIT record
 * ({@code docs/formats/wal.md}, "Commit payload").
 *
 * <pre>
 *   payload := sequence:u64 opCount:varint op*
 *   op      := 0x01 key:bytes value:bytes        PUT
 *            | 0x02 key:bytes                    DELETE
 *            | 0x03 from:bytes to:bytes          DELETE_RANGE  (drops every version in [from, to))
 *            | 0x04 state:bytes                  CATALOG       (the whole catalog after a DDL change)
 *            | 0x05 tableId:varint next:varint   ROW_ID        (next hidden row id of a table)
 * </pre>
 *
 * Range deletions are applied before puts and deletes.
 *
 * <p>Thread safety: confined to the committing thread until handed to the store.
 */
public final class WriteSet {
  static final int OP_PUT = 0x01;
  static final int OP_DELETE = 0x02;
  static final int OP_DELETE_RANGE = 0x03;
  static final int OP_CATALOG = 0x04;
  static final int OP_ROW_ID = 0x05;

  private final ArrayList<byte[]> keys = new ArrayList<>();
  private final ArrayList<byte[]> values = new ArrayList<>();
  private final List<byte[]> ranges = new ArrayList<>();
  private final List<long[]> rowIds = new ArrayList<>();
  private byte[] catalog;
  private int encodedBytes;

  /** Makes room for {@code more} puts or deletes (a commit builder knows its row count). */
  public void expect(int more) {
    keys.ensureCapacity(keys.size() + more);
    values.ensureCapacity(values.size() + more);
  }

  public void put(byte[] key, byte[] value) {
    keys.add(key);
    values.add(value);
    encodedBytes += key.length + value.length + 11;
  }

  public void delete(byte[] key) {
    keys.add(key);
    values.add(Memtable.TOMBSTONE);
    encodedBytes += key.length + 6;
  }

  public void deleteRange(byte[] from, byte[] to) {
    ranges.add(from);
    ranges.add(to);
    encodedBytes += from.length + to.length + 11;
  }

  public void catalog(byte[] state) {
    catalog = state;
    encodedBytes += state.length + 6;
  }

  public void rowId(long tableId, long next) {
    rowIds.add(new long[] {tableId, next});
    encodedBytes += 21;
  }

  public boolean isEmpty() {
    return keys.isEmpty() && ranges.isEmpty() && catalog == null && rowIds.isEmpty();
  }

  public int size() {
    return keys.size();
  }

  /** The keys put or deleted so far, in order (a read-only view; the change log reads it). */
  public List<byte[]> keys() {
    return java.util.Collections.unmodifiableList(keys);
  }

  public byte[] catalogState() {
    return catalog;
  }

  public List<long[]> rowIds() {
    return rowIds;
  }

  /**
   * Applies the writes to {@code memtable} as versions of {@code sequence}, in key order (a
   * stable sort, so of two writes of one key the later wins): the memtable then finds each
   * position next to the previous one ({@link FingerSkipListMemtable}).
   */
  public void applyTo(Memtable memtable, long sequence) {
    for (int i = 0; i < ranges.size(); i += 2) {
      memtable.removeRange(ranges.get(i), ranges.get(i + 1));
    }
    if (isSorted()) {
      for (int i = 0; i < keys.size(); i++) {
        memtable.apply(sequence, keys.get(i), values.get(i));
      }
      return;
    }
    Integer[] order = new Integer[keys.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> java.util.Arrays.compareUnsigned(keys.get(a), keys.get(b)));
    for (Integer i : order) {
      memtable.apply(sequence, keys.get(i), values.get(i));
    }
  }

  private boolean isSorted() {
    for (int i = 1; i < keys.size(); i++) {
      if (java.util.Arrays.compareUnsigned(keys.get(i - 1), keys.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  /** A record buffer: {@link LogFormat#RECORD_HEADER_BYTES} reserved, then the payload. */
  public ByteWriter encode(long sequence) {
    return encode(sequence, new ByteWriter(LogFormat.RECORD_HEADER_BYTES + 24 + encodedBytes));
  }

  /**
   * As {@link #encode(long)}, into {@code out} (its content is replaced): the store reuses one
   * buffer for every commit's record instead of allocating the record's size each time.
   */
  public ByteWriter encode(long sequence, ByteWriter out) {
    out.reset();
    out.truncate(LogFormat.RECORD_HEADER_BYTES); // a ByteWriter holds at least 16 bytes
    out.writeLong(sequence);
    out.writeVarLong(keys.size() + ranges.size() / 2 + (catalog == null ? 0 : 1) + rowIds.size());
    if (catalog != null) {
      out.writeByte(OP_CATALOG).writeLengthPrefixed(catalog);
    }
    for (long[] rowId : rowIds) {
      out.writeByte(OP_ROW_ID).writeVarLong(rowId[0]).writeVarLong(rowId[1]);
    }
    for (int i = 0; i < ranges.size(); i += 2) {
      out.writeByte(OP_DELETE_RANGE).writeLengthPrefixed(ranges.get(i))
          .writeLengthPrefixed(ranges.get(i + 1));
    }
    for (int i = 0; i < keys.size(); i++) {
      byte[] value = values.get(i);
      if (value == Memtable.TOMBSTONE) {
        out.writeByte(OP_DELETE).writeLengthPrefixed(keys.get(i));
      } else {
        out.writeByte(OP_PUT).writeLengthPrefixed(keys.get(i)).writeLengthPrefixed(value);
      }
    }
    return out;
  }

  /**
   * Decodes a payload into {@code into} and returns its sequence number.
   *
   * @throws IndexOutOfBoundsException or IllegalArgumentException on malformed bytes
   */
  public static long decode(ByteReader in, WriteSet into) {
    long sequence = in.readLong();
    long count = in.readVarLong();
    for (long i = 0; i < count; i++) {
      int op = in.readByte();
      switch (op) {
        case OP_PUT -> into.put(in.readLengthPrefixed(), in.readLengthPrefixed());
        case OP_DELETE -> into.delete(in.readLengthPrefixed());
        case OP_DELETE_RANGE -> into.deleteRange(in.readLengthPrefixed(), in.readLengthPrefixed());
        case OP_CATALOG -> into.catalog(in.readLengthPrefixed());
        case OP_ROW_ID -> into.rowId(in.readVarLong(), in.readVarLong());
        default -> throw new IllegalArgumentException("unknown op " + op);
      }
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " bytes after the last op");
    }
    return sequence;
  }
}
