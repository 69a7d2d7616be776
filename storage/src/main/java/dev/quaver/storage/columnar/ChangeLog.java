package dev.quaver.storage.columnar;

import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.row.KeySpace;
import java.util.Arrays;

/**
 * The change-log key space (kind {@code 0x03}, docs/formats/keys.md): for every row key a commit
 * puts or deletes in a table that has columnar state, the same WAL record carries
 * {@code 03 tableId:u64 sequence:u64 rowKey} with an empty value. A scan at snapshot S over
 * segments of watermark W reads the range {@code [03 t W+1, 03 t S+1)} to learn exactly which
 * rows changed after W: one short range scan instead of a walk over the whole table.
 * Stateless.
 */
public final class ChangeLog {
  public static final int CHANGE_KIND = 0x03;
  /** Bytes before the row key: kind, table id, sequence. */
  public static final int HEADER_BYTES = KeySpace.PREFIX_BYTES + 8;

  private ChangeLog() {}

  public static byte[] key(long tableId, long sequence, byte[] rowKey) {
    return new ByteWriter(HEADER_BYTES + rowKey.length).writeByte(CHANGE_KIND).writeLong(tableId)
        .writeLong(sequence).writeBytes(rowKey).toByteArray();
  }

  /** First key of the changes of {@code tableId} with a sequence of at least {@code sequence}. */
  public static byte[] from(long tableId, long sequence) {
    return new ByteWriter(HEADER_BYTES).writeByte(CHANGE_KIND).writeLong(tableId)
        .writeLong(sequence).toByteArray();
  }

  public static byte[] tableStart(long tableId) {
    return KeySpace.prefix(CHANGE_KIND, tableId);
  }

  public static byte[] tableEnd(long tableId) {
    return KeySpace.prefix(CHANGE_KIND, tableId + 1);
  }

  public static boolean isChangeKey(byte[] key) {
    return key.length >= HEADER_BYTES && (key[0] & 0xFF) == CHANGE_KIND;
  }

  public static long tableIdOf(byte[] changeKey) {
    return KeySpace.idOf(changeKey);
  }

  public static long sequenceOf(byte[] changeKey) {
    long value = 0;
    for (int i = KeySpace.PREFIX_BYTES; i < HEADER_BYTES; i++) {
      value = (value << 8) | (changeKey[i] & 0xFF);
    }
    return value;
  }

  public static byte[] rowKeyOf(byte[] changeKey) {
    return Arrays.copyOfRange(changeKey, HEADER_BYTES, changeKey.length);
  }
}
