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

/**
 * The column-wise router sends every row where the one partition rule (PartitionFunction) says,
 * also through the table-driven CRC32C of a single integer-like key.
 */
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

  @Test
  void aSingleIntegerLikeKeyRoutesAsPartitionFunction() {
    Random random = new Random(7);
    List<ColumnType> integral = List.of(ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.DATE,
        ColumnType.TIMESTAMP);
    try (BufferAllocator allocator = new RootAllocator()) {
      for (ColumnType type : integral) {
        List<Field> fields = List.of(ArrowTypes.field("PAD", ColumnType.TEXT), ArrowTypes.field("K", type));
        int rows = 3000;
        List<Object[]> data = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
          Object key = switch (type.type()) {
            case INTEGER, DATE -> r % 11 == 0 ? null : r % 3 == 0 ? random.nextInt() : r - 1500;
            default -> r % 11 == 0 ? null : r % 3 == 0 ? random.nextLong() : (long) r - 1500;
          };
          data.add(new Object[] {"p" + r, key});
        }
        for (int consumers : new int[] {1, 2, 3, 4, 7, 16}) {
          int[] targets = new int[rows];
          try (VectorSchemaRoot batch = Batches.fromRows(new Schema(fields), data, 0, rows, allocator)) {
            new HashRouter(new int[] {1}, List.of(type), consumers).route(batch, rows, targets);
          }
          for (int r = 0; r < rows; r++) {
            assertThat(targets[r]).as("%s row %d of %d consumers", type, r, consumers)
                .isEqualTo(PartitionFunction.of(List.of(type), new Object[] {data.get(r)[1]}, consumers));
          }
        }
      }
    }
  }

  @Test
  void tableCrc32cEqualsTheJdks() {
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      byte[] bytes = new byte[1 + 4 * random.nextInt(4)];
      random.nextBytes(bytes);
      java.util.zip.CRC32C jdk = new java.util.zip.CRC32C();
      jdk.update(bytes);
      int crc = Crc32c.update(Crc32c.INITIAL, bytes[0]);
      for (int i = 1; i < bytes.length; i += 4) {
        crc = Crc32c.update4(crc, (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF) << 16
            | (bytes[i + 3] & 0xFF) << 24);
      }
      assertThat(~crc).isEqualTo((int) jdk.getValue());
    }
  }
}
