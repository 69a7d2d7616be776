package dev.quaver.storage.columnar.segment;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.row.KeyEncoder;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Builds one segment file: rows are buffered (a segment is bounded by
 * {@link SegmentOptions#maxSegmentRows}), then {@link #write} chooses dictionary encoding per
 * string column, computes the zone maps, and writes the Arrow IPC file with its footer metadata,
 * fsynced. The file is not live until a manifest names it (docs/formats/segment.md).
 *
 * <p>Thread safety: confined to one thread.
 */
public final class SegmentWriter {
  private static final ArrowType.Int INDEX_TYPE = new ArrowType.Int(32, true);

  private final long tableId;
  private final int partition;
  private final List<String> names;
  private final List<ColumnType> types;
  private final SegmentOptions options;
  private final List<Object[]> rows = new ArrayList<>();
  private final List<byte[]> keys = new ArrayList<>();

  public SegmentWriter(long tableId, int partition, List<String> names, List<ColumnType> types,
      SegmentOptions options) {
    if (names.size() != types.size()) {
      throw new IllegalArgumentException("names and types differ in length");
    }
    this.tableId = tableId;
    this.partition = partition;
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
    this.options = options;
  }

  /** Adds a row (Java values by SqlType; not copied: do not change it afterwards) and its key. */
  public void add(Object[] row, byte[] rowKey) {
    rows.add(row);
    keys.add(rowKey);
  }

  public int rowCount() {
    return rows.size();
  }

  public boolean isFull() {
    return rows.size() >= options.maxSegmentRows();
  }

  /** Writes the buffered rows to {@code file} (created; must not exist) and fsyncs it. */
  public SegmentFile write(Path file, long segmentId, BufferAllocator allocator) throws IOException {
    return write(file, segmentId, allocator, true);
  }

  /**
   * As {@link #write(Path, long, BufferAllocator)}; without {@code sync} the file is left to the
   * OS to write back. That is safe because a manifest records each file's CRC-32C and the engine
   * checks it at open: a segment that a power failure cut short makes the table's columnar state
   * be rebuilt from the row store (docs/formats/segment.md §6, §8), never read wrong.
   */
  public SegmentFile write(Path file, long segmentId, BufferAllocator allocator, boolean sync)
      throws IOException {
    int columnCount = types.size();
    List<Map<String, Integer>> dictionaries = chooseDictionaries();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(SegmentFormat.KEY_VERSION, Integer.toString(SegmentFormat.VERSION));
    metadata.put(SegmentFormat.KEY_TABLE_ID, Long.toString(tableId));
    metadata.put(SegmentFormat.KEY_PARTITION, Integer.toString(partition));
    metadata.put(SegmentFormat.KEY_ROW_GROUP_ROWS, Integer.toString(options.rowGroupRows()));
    metadata.put(SegmentFormat.KEY_ROW_COUNT, Integer.toString(rows.size()));
    metadata.put(SegmentFormat.KEY_ZONE_MAPS, zoneMaps());
    List<Field> fields = new ArrayList<>();
    DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
    try {
      for (int c = 0; c < columnCount; c++) {
        Map<String, Integer> dictionary = dictionaries.get(c);
        if (dictionary == null) {
          fields.add(ArrowTypes.field(names.get(c), types.get(c)));
          continue;
        }
        DictionaryEncoding encoding = new DictionaryEncoding(c, false, INDEX_TYPE);
        fields.add(new Field(names.get(c), new FieldType(true, INDEX_TYPE, encoding), null));
        VarCharVector values = new VarCharVector(names.get(c) + "$dictionary", allocator);
        provider.put(new Dictionary(values, encoding));
        values.allocateNew();
        int index = 0;
        for (String value : dictionary.keySet()) {
          values.setSafe(index++, value.getBytes(StandardCharsets.UTF_8));
        }
        values.setValueCount(index);
      }
      fields.add(ArrowTypes.rowKeyField(SegmentFormat.ROW_KEY_COLUMN));
      try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
          FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE)) {
        CrcChannel out = new CrcChannel(channel);
        CompressionUtil.CodecType codecType = codecType();
        CompressionCodec.Factory factory = codecType == CompressionUtil.CodecType.NO_COMPRESSION
            ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
        ArrowFileWriter writer = new ArrowFileWriter(root, provider, out, metadata,
            IpcOption.DEFAULT, factory, codecType, Optional.empty());
        writer.start();
        for (int start = 0; start < rows.size(); start += options.rowGroupRows()) {
          int end = Math.min(rows.size(), start + options.rowGroupRows());
          fill(root, start, end, dictionaries);
          writer.writeBatch();
        }
        writer.end();
        if (sync) {
          channel.force(true);
        }
        return new SegmentFile(segmentId, partition, rows.size(), out.bytes(), out.crc());
      }
    } finally {
      provider.close();
    }
  }

  private CompressionUtil.CodecType codecType() {
    return switch (options.codec()) {
      case NONE -> CompressionUtil.CodecType.NO_COMPRESSION;
      case LZ4_FRAME -> CompressionUtil.CodecType.LZ4_FRAME;
      case ZSTD -> CompressionUtil.CodecType.ZSTD;
    };
  }

  /** Per column: the dictionary (value → index, first-seen order) or null for plain encoding. */
  private List<Map<String, Integer>> chooseDictionaries() {
    List<Map<String, Integer>> result = new ArrayList<>();
    for (int c = 0; c < types.size(); c++) {
      SqlType type = types.get(c).type();
      Map<String, Integer> dictionary = null;
      if ((type == SqlType.VARCHAR || type == SqlType.CHAR) && options.dictionaryMaxValues() > 0
          && rows.size() > options.dictionaryMaxValues()) {
        dictionary = new LinkedHashMap<>();
        for (Object[] row : rows) {
          Object value = row[c];
          if (value != null && dictionary.putIfAbsent((String) value, dictionary.size()) == null
              && dictionary.size() > options.dictionaryMaxValues()) {
            dictionary = null;
            break;
          }
        }
      }
      result.add(dictionary);
    }
    return result;
  }

  private void fill(VectorSchemaRoot root, int start, int end, List<Map<String, Integer>> dictionaries) {
    root.clear();
    int count = end - start;
    for (FieldVector vector : root.getFieldVectors()) {
      vector.setInitialCapacity(count); // one allocation per group instead of repeated doubling
    }
    root.allocateNew();
    List<FieldVector> vectors = root.getFieldVectors();
    for (int c = 0; c < types.size(); c++) {
      FieldVector vector = vectors.get(c);
      Map<String, Integer> dictionary = dictionaries.get(c);
      ColumnType type = types.get(c);
      if (dictionary == null && fillFixed(vector, type.type(), c, start, end)) {
        continue;
      }
      for (int r = start; r < end; r++) {
        Object value = rows.get(r)[c];
        if (dictionary == null) {
          ArrowTypes.set(vector, r - start, type, value);
        } else if (value == null) {
          ArrowTypes.setNull(vector, r - start);
        } else {
          ((IntVector) vector).set(r - start, dictionary.get((String) value));
        }
      }
    }
    VarBinaryVector keyVector = (VarBinaryVector) vectors.get(types.size());
    for (int r = start; r < end; r++) {
      keyVector.setSafe(r - start, keys.get(r));
    }
    root.setRowCount(count);
  }

  /**
   * Fills a 4- or 8-byte integral column (the vector already has capacity for the group) without
   * the per-value type dispatch and capacity checks of {@link ArrowTypes#set}; false for other
   * types.
   */
  private boolean fillFixed(FieldVector vector, SqlType type, int column, int start, int end) {
    int width;
    switch (type) {
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> width = 4;
      case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> width = 8;
      default -> {
        return false;
      }
    }
    BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
    ArrowBuf data = fixed.getDataBuffer();
    ArrowBuf validity = fixed.getValidityBuffer();
    for (int r = start; r < end; r++) {
      Object value = rows.get(r)[column];
      int index = r - start;
      if (value == null) {
        continue; // validity bits start cleared
      }
      if (width == 4) {
        data.setInt((long) index * 4, (Integer) value);
      } else {
        data.setLong((long) index * 8, (Long) value);
      }
      BitVectorHelper.setBit(validity, index);
    }
    return true;
  }

  /**
   * Row groups separated by '\n', columns (then the row key) by ' ': ZoneMap#encode. Integral
   * columns compare Java values and encode only the two bounds (their key encoding orders like
   * the numbers); other columns encode into one reused buffer and copy only a new bound.
   */
  private String zoneMaps() {
    StringBuilder text = new StringBuilder();
    ByteWriter out = new ByteWriter(32);
    for (int start = 0; start < rows.size(); start += options.rowGroupRows()) {
      int end = Math.min(rows.size(), start + options.rowGroupRows());
      if (start > 0) {
        text.append('\n');
      }
      for (int c = 0; c < types.size(); c++) {
        text.append(zoneMap(c, start, end, out).encode()).append(' ');
      }
      ZoneMap.Builder keyBuilder = new ZoneMap.Builder();
      for (int r = start; r < end; r++) {
        keyBuilder.add(keys.get(r));
      }
      text.append(keyBuilder.build().encode());
    }
    return text.toString();
  }

  private ZoneMap zoneMap(int column, int start, int end, ByteWriter out) {
    ColumnType type = types.get(column);
    ZoneMap.Builder builder = new ZoneMap.Builder();
    switch (type.type()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP, INTERVAL_YEAR_MONTH,
          INTERVAL_DAY_TIME -> {
        Object min = null;
        Object max = null;
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int r = start; r < end; r++) {
          Object value = rows.get(r)[column];
          if (value == null) {
            builder.addNull();
            continue;
          }
          long number = ((Number) value).longValue();
          if (min == null || number < low) {
            low = number;
            min = value;
          }
          if (max == null || number > high) {
            high = number;
            max = value;
          }
        }
        if (min != null) {
          builder.add(encode(out, type, min));
          builder.add(encode(out, type, max));
        }
      }
      default -> {
        for (int r = start; r < end; r++) {
          Object value = rows.get(r)[column];
          if (value == null) {
            builder.addNull();
          } else {
            out.reset();
            KeyEncoder.encode(out, type, value);
            builder.add(out.array(), out.size());
          }
        }
      }
    }
    return builder.build();
  }

  private static byte[] encode(ByteWriter out, ColumnType type, Object value) {
    out.reset();
    KeyEncoder.encode(out, type, value);
    return out.toByteArray();
  }
}
