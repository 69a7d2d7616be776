package dev.quaver.executor.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.vector.Batches;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.columnar.PartitionFunction;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** The column-wise router sends every row where the one partition rule (PartitionFunction) says. */
class HashRouterTest {
  private static final List<ColumnType> TYPES = List.of(ColumnType.BOOLEAN, ColumnType.TINYINT,
      ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE,
      ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.TEXT, new ColumnType(SqlType.CHAR, 4, 0),
      new ColumnType(SqlType.DECIMAL, 12, 2));

  private static Object value(ColumnType type, Random random) {
    if (random.nextInt(8) == 0) {
      return null;
    }
    return switch (type.type()) {
      case BOOLEAN -> random.nextBoolean();
      case TINYINT -> (byte) random.nextInt();
      case SMALLINT -> (short) random.nextInt();
      case INTEGER, DATE -> random.nextInt(2000) - 1000;
      case BIGINT, TIMESTAMP -> random.nextLong() >> random.nextInt(64);
      case REAL -> new float[] {0.0f, -0.0f, 1.5f, -2.25f, Float.NaN}[random.nextInt(5)];
      case DOUBLE -> new double[] {0.0, -0.0, 1e300, -7.5, Double.NaN}[random.nextInt(5)];
      case VARCHAR -> new String[] {"", "a", "a\u0000b", "\u0000", "héllo", "long text over 8 bytes"}[random.nextInt(6)];
      case CHAR -> new String[] {"ab  ", "    ", "x\u0000  "}[random.nextInt(3)];
      case DECIMAL -> BigDecimal.valueOf(random.nextInt(100000) - 50000, 2);
      default -> throw new AssertionError(type);
    };
  }

  @Test
  void everyKeyTypeAndTupleRoutesAsPartitionFunction() {
    Random random = new Random(42);
    try (BufferAllocator allocator = new RootAllocator()) {
      for (int round = 0; round < 60; round++) {
        int width = 1 + random.nextInt(3);
        List<ColumnType> keyTypes = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        fields.add(ArrowTypes.field("PAD", ColumnType.INTEGER));
        int[] keyColumns = new int[width];
        for (int k = 0; k < width; k++) {
          ColumnType type = round < TYPES.size() && k == 0 ? TYPES.get(round) : TYPES.get(random.nextInt(TYPES.size()));
          keyTypes.add(type);
          fields.add(ArrowTypes.field("K" + k, type));
          keyColumns[k] = k + 1;
        }
        int rows = 1 + random.nextInt(700);
        List<Object[]> data = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
          Object[] row = new Object[width + 1];
          row[0] = r;
          for (int k = 0; k < width; k++) {
            row[k + 1] = value(keyTypes.get(k), random);
          }
          data.add(row);
        }
        int consumers = 2 + random.nextInt(7);
        int[] targets = new int[rows];
        try (VectorSchemaRoot batch = Batches.fromRows(new Schema(fields), data, 0, rows, allocator)) {
          new HashRouter(keyColumns, keyTypes, consumers).route(batch, rows, targets);
        }
        for (int r = 0; r < rows; r++) {
          Object[] key = new Object[width];
          System.arraycopy(data.get(r), 1, key, 0, width);
          assertThat(targets[r]).as("round %d row %d types %s", round, r, keyTypes)
              .isEqualTo(PartitionFunction.of(keyTypes, key, consumers));
        }
      }
    }
  }
}
