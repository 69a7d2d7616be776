package dev.quaver.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.QuaverException;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Primitive columns: same values and same bytes as the boxed form; decoding builds them. */
class BatchColumnTest {
  /** The batch of MessageCodecTest, with every fixed-width column held primitive. */
  static ColumnBatch primitiveCopy(ColumnBatch boxed) {
    BatchColumn[] columns = new BatchColumn[boxed.columnCount()];
    int rows = boxed.rowCount();
    for (int c = 0; c < columns.length; c++) {
      SqlType type = boxed.types().get(c).type();
      boolean[] nulls = new boolean[rows];
      switch (BatchColumn.layoutOf(type)) {
        case LONGS -> {
          long[] values = new long[rows];
          for (int r = 0; r < rows; r++) {
            Object value = boxed.get(c, r);
            nulls[r] = value == null;
            values[r] = value == null ? 0 : value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
          }
          columns[c] = BatchColumn.ofLongs(type, values, nulls, rows);
        }
        case DOUBLES -> {
          double[] values = new double[rows];
          for (int r = 0; r < rows; r++) {
            Object value = boxed.get(c, r);
            nulls[r] = value == null;
            values[r] = value == null ? 0 : ((Number) value).doubleValue();
          }
          columns[c] = BatchColumn.ofDoubles(type, values, nulls, rows);
        }
        case OBJECTS -> {
          Object[] values = new Object[rows];
          for (int r = 0; r < rows; r++) {
            values[r] = boxed.get(c, r);
          }
          columns[c] = BatchColumn.ofObjects(type, values);
        }
      }
    }
    return ColumnBatch.ofColumns(boxed.types(), rows, columns);
  }

  @Test
  void primitiveColumnsEqualTheBoxedOnesAndEncodeToTheSameBytes() {
    ColumnBatch boxed = MessageCodecTest.batchOfEveryType();
    ColumnBatch primitive = primitiveCopy(boxed);
    assertThat(primitive).isEqualTo(boxed);
    assertThat(primitive.hashCode()).isEqualTo(boxed.hashCode());
    for (int c = 0; c < boxed.columnCount(); c++) {
      for (int r = 0; r < boxed.rowCount(); r++) {
        Object expected = boxed.get(c, r);
        assertThat(primitive.get(c, r)).as("column %d row %d", c, r).isEqualTo(expected);
        if (expected != null) {
          assertThat(primitive.get(c, r)).isInstanceOf(expected.getClass());
        }
        assertThat(primitive.column(c).isNull(r)).isEqualTo(expected == null);
      }
    }
    assertThat(MessageCodec.encode(new ExecuteBatch(1, primitive)))
        .isEqualTo(MessageCodec.encode(new ExecuteBatch(1, boxed)));
    assertThat(primitive.slice(1, 2)).isEqualTo(boxed.slice(1, 2));
  }

  @Test
  void decodingHoldsFixedWidthColumnsPrimitive() {
    ColumnBatch boxed = MessageCodecTest.batchOfEveryType();
    ExecuteBatch decoded = (ExecuteBatch) MessageCodec.decodeFrame(MessageCodec.encode(new ExecuteBatch(1, boxed)));
    ColumnBatch batch = decoded.parameters();
    assertThat(batch).isEqualTo(boxed);
    for (int c = 0; c < batch.columnCount(); c++) {
      assertThat(batch.column(c).layout()).isEqualTo(BatchColumn.layoutOf(batch.types().get(c).type()));
    }
    assertThat(batch.column(3).getLong(0)).isEqualTo(Integer.MIN_VALUE);
    assertThat(batch.column(3).isNull(1)).isTrue();
    assertThat(batch.column(6).getDouble(2)).isEqualTo(Double.MAX_VALUE);
    assertThat(batch.column(9).get(0)).isEqualTo("ünïcødé ✓ 𝄞");
  }

  @Test
  void anExactlySizedFrameIsNotCopiedAndStillDecodes() {
    int rows = 1000;
    long[] ints = new long[rows];
    Object[] texts = new Object[rows];
    for (int r = 0; r < rows; r++) {
      ints[r] = r * 7L;
      texts[r] = r % 10 == 0 ? null : "c" + r;
    }
    ColumnBatch batch = ColumnBatch.ofColumns(List.of(ColumnType.INTEGER, ColumnType.TEXT), rows,
        new BatchColumn[] {BatchColumn.ofLongs(SqlType.INTEGER, ints, null, rows),
            BatchColumn.ofObjects(SqlType.VARCHAR, texts)});
    byte[] frame = MessageCodec.encode(new ExecuteBatch(9, batch));
    ExecuteBatch back = (ExecuteBatch) MessageCodec.decodeFrame(frame);
    assertThat(back.parameters()).isEqualTo(batch);
    assertThat(back.parameters().get(0, 999)).isEqualTo(6993);
  }

  @Test
  void badValuesInPrimitiveColumnsAreStillRefused() {
    // A BOOLEAN slot of 2 and a non-UTF-8 text value: protocol errors, as with boxed decoding.
    ColumnBatch bools = ColumnBatch.ofColumns(List.of(ColumnType.BOOLEAN), 1,
        new BatchColumn[] {BatchColumn.ofLongs(SqlType.BOOLEAN, new long[] {1}, null, 1)});
    byte[] frame = MessageCodec.encode(new ExecuteBatch(1, bools));
    frame[frame.length - 1] = 2;
    assertThatThrownBy(() -> MessageCodec.decodeFrame(frame)).isInstanceOf(QuaverException.class)
        .hasMessageContaining("expected 0 or 1");
    ColumnBatch text = ColumnBatch.ofRows(List.of(ColumnType.TEXT), List.of(List.of("é")));
    byte[] textFrame = MessageCodec.encode(new ExecuteBatch(1, text));
    textFrame[textFrame.length - 1] = (byte) 0xFF;
    assertThatThrownBy(() -> MessageCodec.decode(textFrame[0],
        ByteBuffer.wrap(textFrame, 5, textFrame.length - 5))).isInstanceOf(QuaverException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void columnsOfTheWrongTypeOrSizeAreRefused() {
    assertThatThrownBy(() -> BatchColumn.ofLongs(SqlType.DOUBLE, new long[1], null, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ColumnBatch.ofColumns(List.of(ColumnType.BIGINT), 2,
        new BatchColumn[] {BatchColumn.ofLongs(SqlType.BIGINT, new long[1], null, 1)}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
