package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.columnar.ChangeLog;
import dev.quaver.storage.row.KeySpace;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The change-log key the engine writes in place is byte for byte {@link ChangeLog#key}. */
class ChangeKeyTest {
  @Test
  void inPlaceKeyEqualsTheChangeLogsKey() {
    Random random = new Random(3);
    long[] ids = {0, 1, 255, 256, Long.MAX_VALUE, -1, 1L << 40};
    for (long tableId : ids) {
      for (long sequence : ids) {
        byte[] rowKey = KeySpace.rowIdKey(tableId, random.nextLong());
        byte[] key = LsmStorageEngine.changeKey(tableId, sequence, rowKey);
        assertThat(key).isEqualTo(ChangeLog.key(tableId, sequence, rowKey));
        assertThat(ChangeLog.tableIdOf(key)).isEqualTo(tableId);
        assertThat(ChangeLog.sequenceOf(key)).isEqualTo(sequence);
        assertThat(ChangeLog.rowKeyOf(key)).isEqualTo(rowKey);
      }
    }
    assertThat(LsmStorageEngine.changeKey(3, 4, new byte[0])).isEqualTo(ChangeLog.key(3, 4, new byte[0]));
  }
}
