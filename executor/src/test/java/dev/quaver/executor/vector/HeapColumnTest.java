package dev.quaver.executor.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;
import org.junit.jupiter.api.Test;

/**
 * HeapColumn round-trips every ArrowTypes type: values appended from two vectors (the second a
 * slice, as scans and filters hand out) come back by position, negative positions as NULL, and
 * integral columns read as longs; no Arrow memory is left behind.
 */
class HeapColumnTest {
  private static final List<ColumnType> TYPES = List.of(ColumnType.BOOLEAN, ColumnType.TINYINT,
      ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE,
      new ColumnType(SqlType.DECIMAL, 12, 3), ColumnType.TEXT, ColumnType.DATE, ColumnType.TIME,
      ColumnType.TIMESTAMP);

  @Test
  void appendsAndGathersEveryType() {
    try (BufferAllocator allocator = new RootAllocator()) {
      for (ColumnType type : TYPES) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
          values.add(i % 4 == 0 ? null : value(type, i));
        }
        HeapColumn column = HeapColumn.empty(ArrowTypes.field("c", type));
        try (FieldVector first = vector(type, values.subList(0, 10), allocator);
            FieldVector whole = vector(type, values, allocator)) {
          column.append(first, 10);
          TransferPair pair = whole.getTransferPair(allocator);
          pair.splitAndTransfer(10, 11);
          try (FieldVector slice = (FieldVector) pair.getTo()) {
            column.append(slice, 11);
          }
        }
        assertThat(column.size()).isEqualTo(21);
        int[] positions = {20, -1, 0, 3, 13, 5, 5, 11};
        try (FieldVector gathered = column.gather(positions, 1, 7, allocator)) {
          assertThat(gathered.getValueCount()).isEqualTo(7);
          for (int k = 0; k < 7; k++) {
            int row = positions[k + 1];
            Object expected = row < 0 ? null : values.get(row);
            assertThat(ArrowTypes.get(gathered, k, type)).as("%s row %d", type, row).isEqualTo(expected);
          }
        }
        if (HeapColumn.isIntegral(column.field())) {
          assertThat(column.longAt(13)).isEqualTo(((Number) values.get(13)).longValue());
          assertThat(column.isNull(12)).isTrue();
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void clearedColumnIsReusedAndGathersWithoutNulls() {
    try (BufferAllocator allocator = new RootAllocator()) {
      for (ColumnType type : TYPES) {
        HeapColumn column = HeapColumn.empty(ArrowTypes.field("c", type));
        List<Object> withNull = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
          withNull.add(i == 4 ? null : value(type, i));
        }
        try (FieldVector vector = vector(type, withNull, allocator)) {
          column.append(vector, 13);
        }
        assertThat(column.hasNulls()).isTrue();
        column.clear();
        assertThat(column.size()).isZero();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
          values.add(value(type, i + 1));
        }
        try (FieldVector vector = vector(type, values, allocator)) {
          column.append(vector, 19);
        }
        assertThat(column.hasNulls()).as("%s after clear", type).isFalse();
        assertThat(column.isNull(4)).isFalse();
        int[] positions = new int[19];
        for (int k = 0; k < positions.length; k++) {
          positions[k] = (k * 7) % 19;
        }
        try (FieldVector gathered = column.gather(positions, 0, 19, allocator)) {
          assertThat(gathered.getNullCount()).isZero();
          for (int k = 0; k < 19; k++) {
            assertThat(ArrowTypes.get(gathered, k, type)).as("%s k %d", type, k).isEqualTo(values.get(positions[k]));
          }
        }
        if (HeapColumn.isIntegral(column.field())) {
          long[] longs = new long[5];
          column.longs(3, 5, longs, 0);
          for (int i = 0; i < 5; i++) {
            assertThat(longs[i]).isEqualTo(((Number) values.get(3 + i)).longValue());
          }
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  private static FieldVector vector(ColumnType type, List<Object> values, BufferAllocator allocator) {
    FieldVector vector = ArrowTypes.field("c", type).createVector(allocator);
    vector.allocateNew();
    for (int i = 0; i < values.size(); i++) {
      ArrowTypes.set(vector, i, type, values.get(i));
    }
    vector.setValueCount(values.size());
    return vector;
  }

  private static Object value(ColumnType type, int i) {
    return switch (type.type()) {
      case BOOLEAN -> i % 3 == 0;
      case TINYINT -> (byte) (i - 10);
      case SMALLINT -> (short) (i * 300 - 3000);
      case INTEGER, DATE, TIME -> i * 1000 - 7;
      case BIGINT, TIMESTAMP -> i * 1_000_000_000_000L - 5;
      case REAL -> i / 4.0f;
      case DOUBLE -> i / 8.0;
      case DECIMAL -> new BigDecimal(i * 1001 - 5000).movePointLeft(3);
      default -> "v" + "é".repeat(i % 3) + Arrays.toString(new int[i % 4]);
    };
  }
}
