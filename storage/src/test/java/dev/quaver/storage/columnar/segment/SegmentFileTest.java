package dev.quaver.storage.columnar.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.row.KeyEncoder;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentFileTest {
  private static final List<String> NAMES = List.of("ID", "COUNTRY", "SCORE", "PRICE", "DAY");
  private static final List<ColumnType> TYPES = List.of(ColumnType.INTEGER, ColumnType.varchar(20),
      ColumnType.DOUBLE, ColumnType.decimal(10, 2), ColumnType.DATE);

  @TempDir Path directory;

  private static Object[] row(int i) {
    return new Object[] {i, i % 7 == 0 ? null : "C" + (i % 5), i * 1.5,
        new BigDecimal(i).movePointLeft(2).setScale(2), i % 3 == 0 ? null : 19000 + i};
  }

  private static byte[] key(int i) {
    return new ByteWriter(8).writeInt(i ^ Integer.MIN_VALUE).toByteArray();
  }

  private SegmentFile write(Path file, int rows, SegmentOptions.Codec codec) throws Exception {
    SegmentWriter writer = new SegmentWriter(7, 2, NAMES, TYPES, new SegmentOptions(100, 1000, 10, codec));
    for (int i = 0; i < rows; i++) {
      writer.add(row(i), key(i));
    }
    try (BufferAllocator allocator = new RootAllocator()) {
      return writer.write(file, 3, allocator);
    }
  }

  @Test
  void roundTripsSelectedColumnsWithEveryCodec() throws Exception {
    for (SegmentOptions.Codec codec : SegmentOptions.Codec.values()) {
      Path file = directory.resolve("seg-" + codec + ".arrow");
      SegmentFile written = write(file, 250, codec);
      assertThat(written.rowCount()).isEqualTo(250);
      assertThat(written.bytes()).isEqualTo(Files.size(file));
      SegmentReader reader = SegmentReader.open(file, written.crc());
      assertThat(reader.rowGroupCount()).isEqualTo(3);
      assertThat(reader.rowGroupRows(2)).isEqualTo(50);
      assertThat(reader.partition()).isEqualTo(2);
      assertThat(reader.schema().getFields().get(1).getDictionary()).isNotNull();
      List<Object[]> read = new ArrayList<>();
      try (BufferAllocator allocator = new RootAllocator()) {
        for (int g = 0; g < reader.rowGroupCount(); g++) {
          try (VectorSchemaRoot root = reader.load(g, new int[] {4, 1, 0, 5}, allocator)) {
            List<FieldVector> vectors = root.getFieldVectors();
            for (int r = 0; r < root.getRowCount(); r++) {
              read.add(new Object[] {ArrowTypes.get(vectors.get(0), r, TYPES.get(4)),
                  ArrowTypes.get(vectors.get(1), r, TYPES.get(1)),
                  ArrowTypes.get(vectors.get(2), r, TYPES.get(0)),
                  ((VarBinaryVector) vectors.get(3)).get(r)});
            }
          }
        }
        assertThat(allocator.getAllocatedMemory()).isZero();
      }
      assertThat(read).hasSize(250);
      for (int i = 0; i < 250; i++) {
        Object[] expected = row(i);
        assertThat(read.get(i)[0]).isEqualTo(expected[4]);
        assertThat(read.get(i)[1]).isEqualTo(expected[1]);
        assertThat(read.get(i)[2]).isEqualTo(i);
        assertThat((byte[]) read.get(i)[3]).isEqualTo(key(i));
      }
    }
  }

  @Test
  void zoneMapsBoundEachRowGroup() throws Exception {
    Path file = directory.resolve("seg-1.arrow");
    write(file, 250, SegmentOptions.Codec.ZSTD);
    SegmentReader reader = SegmentReader.open(file, null);
    ZoneMap ids = reader.zoneMap(1, 0);
    assertThat(ids.nullCount()).isZero();
    assertThat(ids.min()).isEqualTo(encoded(ColumnType.INTEGER, 100));
    assertThat(ids.max()).isEqualTo(encoded(ColumnType.INTEGER, 199));
    assertThat(ids.mayContain(encoded(ColumnType.INTEGER, 150))).isTrue();
    assertThat(ids.mayContain(encoded(ColumnType.INTEGER, 200))).isFalse();
    assertThat(ids.mayOverlap(encoded(ColumnType.INTEGER, 199), false, null, true)).isFalse();
    assertThat(reader.zoneMap(0, 4).nullCount()).isEqualTo(34); // multiples of 3 in 0..99
    assertThat(reader.zoneMap(0, 5).min()).isEqualTo(key(0));
  }

  @Test
  void plainArrowReadersOpenTheFile() throws Exception {
    Path file = directory.resolve("seg-2.arrow");
    write(file, 250, SegmentOptions.Codec.LZ4_FRAME);
    try (BufferAllocator allocator = new RootAllocator();
        SeekableReadChannel channel = new SeekableReadChannel(Files.newByteChannel(file));
        ArrowFileReader reader = new ArrowFileReader(channel, allocator,
            CommonsCompressionFactory.INSTANCE)) {
      int rows = 0;
      while (reader.loadNextBatch()) {
        rows += reader.getVectorSchemaRoot().getRowCount();
      }
      assertThat(rows).isEqualTo(250);
      assertThat(reader.getMetaData()).containsEntry(SegmentFormat.KEY_VERSION, "1");
      assertThat(reader.getDictionaryIds()).hasSize(1);
    }
  }

  @Test
  void tornOrCorruptFilesAreDataCorrupted() throws Exception {
    Path file = directory.resolve("seg-3.arrow");
    SegmentFile written = write(file, 250, SegmentOptions.Codec.ZSTD);
    byte[] bytes = Files.readAllBytes(file);
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x40;
    Path corrupt = directory.resolve("corrupt.arrow");
    Files.write(corrupt, flipped);
    assertThatThrownBy(() -> SegmentReader.open(corrupt, written.crc()))
        .isInstanceOfSatisfying(QuaverException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED));
    Path torn = directory.resolve("torn.arrow");
    Files.write(torn, Arrays.copyOf(bytes, bytes.length - 7));
    assertThatThrownBy(() -> SegmentReader.open(torn, null))
        .isInstanceOfSatisfying(QuaverException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED));
    Path garbage = directory.resolve("garbage.arrow");
    ByteBuffer junk = ByteBuffer.allocate(100);
    junk.put("ARROW1".getBytes()).position(94).put("ARROW1".getBytes());
    junk.putInt(84, 40);
    Files.write(garbage, junk.array());
    assertThatThrownBy(() -> SegmentReader.open(garbage, null))
        .isInstanceOfSatisfying(QuaverException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED));
  }

  @Test
  void aRowGroupLargerThanTheMemoryLimitIsOutOfMemoryNotCorrupt() throws Exception {
    for (SegmentOptions.Codec codec : SegmentOptions.Codec.values()) {
      Path file = directory.resolve("big-" + codec + ".arrow");
      SegmentWriter writer = new SegmentWriter(7, 0, NAMES, TYPES,
          new SegmentOptions(1000, 1000, 10, codec));
      for (int i = 0; i < 1000; i++) {
        writer.add(row(i), key(i));
      }
      try (BufferAllocator root = new RootAllocator()) {
        SegmentFile written = writer.write(file, 1, root);
        SegmentReader reader = SegmentReader.open(file, written.crc());
        try (BufferAllocator limited = root.newChildAllocator("query", 0, 4096)) {
          assertThatThrownBy(() -> reader.load(0, new int[] {0, 1, 2, 3, 4, 5}, limited))
              .isInstanceOfSatisfying(QuaverException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_MEMORY);
                assertThat(e.getMessage()).contains("memory limit of 4096 bytes")
                    .contains("row group 0").contains("1000 rows");
              });
          assertThat(limited.getAllocatedMemory()).isZero();
          // the dictionary column alone: indices fit, the decoded strings do not
          assertThatThrownBy(() -> reader.load(0, new int[] {1}, limited))
              .isInstanceOfSatisfying(QuaverException.class,
                  e -> assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_MEMORY));
          assertThat(limited.getAllocatedMemory()).isZero();
        }
        try (BufferAllocator enough = root.newChildAllocator("query", 0, 1 << 20);
            VectorSchemaRoot loaded = reader.load(0, new int[] {1, 0}, enough)) {
          assertThat(loaded.getRowCount()).isEqualTo(1000);
        }
        assertThat(root.getAllocatedMemory()).isZero();
      }
    }
  }

  private static byte[] encoded(ColumnType type, Object value) {
    ByteWriter out = new ByteWriter(16);
    KeyEncoder.encode(out, type, value);
    return out.toByteArray();
  }
}
