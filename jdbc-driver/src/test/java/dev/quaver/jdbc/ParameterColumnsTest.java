package dev.quaver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.protocol.BatchColumn;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ExecuteBatch;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The column-wise parameter store: the batch it builds equals the boxed batch of the same sets. */
class ParameterColumnsTest {
  private static final List<ColumnType> TYPES = List.of(ColumnType.BOOLEAN, ColumnType.TINYINT,
      ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE,
      ColumnType.decimal(12, 3), ColumnType.character(3), ColumnType.varchar(10), ColumnType.DATE,
      ColumnType.TIME, ColumnType.TIMESTAMP, ColumnType.of(SqlType.INTERVAL_YEAR_MONTH),
      ColumnType.of(SqlType.INTERVAL_DAY_TIME));

  private static Object value(ColumnType type, Random random) {
    if (random.nextInt(4) == 0) {
      return null;
    }
    return switch (type.type()) {
      case BOOLEAN -> random.nextBoolean();
      case TINYINT -> (byte) random.nextInt();
      case SMALLINT -> (short) random.nextInt();
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> random.nextInt();
      case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> random.nextLong();
      case REAL -> random.nextFloat() * 1e6f;
      case DOUBLE -> random.nextDouble() * -1e300;
      case DECIMAL -> BigDecimal.valueOf(random.nextInt(), 3);
      case CHAR, VARCHAR -> random.nextBoolean() ? "é" + random.nextInt(99) : "ab";
    };
  }

  @Test
  void batchesOfMixedSetsWithNullsEqualTheBoxedBatchAndItsBytes() {
    Random random = new Random(42);
    ParameterColumns parameters = new ParameterColumns(TYPES);
    for (int round = 0; round < 3; round++) { // the store starts over after each batch
      int rows = 1 + random.nextInt(40);
      List<List<Object>> sets = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        List<Object> set = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
          Object value = value(TYPES.get(i), random);
          set.add(value);
          parameters.set(i, value);
        }
        assertThat(parameters.firstUnset()).isZero();
        parameters.addBatch();
        sets.add(set);
      }
      assertThat(parameters.batchSize()).isEqualTo(rows);
      ColumnBatch batch = parameters.takeBatch();
      ColumnBatch boxed = ColumnBatch.ofRows(TYPES, sets);
      assertThat(batch).isEqualTo(boxed);
      assertThat(batch.column(3).layout()).isEqualTo(BatchColumn.Layout.LONGS);
      assertThat(batch.column(6).layout()).isEqualTo(BatchColumn.Layout.DOUBLES);
      assertThat(MessageCodec.encode(new ExecuteBatch(1, batch)))
          .isEqualTo(MessageCodec.encode(new ExecuteBatch(1, boxed)));
      assertThat(parameters.batchSize()).isZero();
    }
  }

  @Test
  void primitiveSettersAndTheCurrentSet() {
    ParameterColumns parameters = new ParameterColumns(List.of(ColumnType.INTEGER, ColumnType.DOUBLE,
        ColumnType.TEXT));
    assertThat(parameters.firstUnset()).isEqualTo(1);
    parameters.setLong(0, 7);
    parameters.setDouble(1, 2.5);
    assertThat(parameters.firstUnset()).isEqualTo(3);
    parameters.setNull(2);
    assertThat(parameters.current()).isEqualTo(ColumnBatch.ofRows(parameters.currentTypes(),
        List.of(Arrays.asList(7, 2.5, null))));
    parameters.addBatch();
    parameters.set(2, "x"); // the other values stay bound
    parameters.addBatch();
    parameters.clearCurrent();
    assertThat(parameters.firstUnset()).isEqualTo(1);
    assertThat(parameters.takeBatch()).isEqualTo(ColumnBatch.ofRows(parameters.currentTypes(),
        List.of(Arrays.asList(7, 2.5, null), Arrays.asList(7, 2.5, "x"))));
  }

  @Test
  void timestampsConvertAsTheirLocalDateTimeDoes() {
    java.util.TimeZone saved = java.util.TimeZone.getDefault();
    Random random = new Random(7);
    try {
      for (String zone : List.of("UTC", "Europe/Stockholm", "America/St_Johns", "Asia/Kathmandu", "Pacific/Apia")) {
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
        for (int i = 0; i < 2000; i++) {
          long millis = i < 1000 ? random.nextLong() % 8_000_000_000_000L
              : 1_600_000_000_000L + random.nextInt(Integer.MAX_VALUE) * 50L; // DST changes included
          java.sql.Timestamp timestamp = new java.sql.Timestamp(millis);
          if (i % 3 == 0) {
            timestamp.setNanos(random.nextInt(1_000_000_000));
          }
          assertThat(DateTimes.epochMillis(timestamp)).as("%s in %s", timestamp, zone)
              .isEqualTo(DateTimes.epochMillis(timestamp.toLocalDateTime()));
        }
      }
    } finally {
      java.util.TimeZone.setDefault(saved);
    }
  }
}
