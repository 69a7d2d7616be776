package dev.quaver.storage.columnar.segment;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowFooter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads one segment file through a read-only memory map. Opening parses only the footer (schema,
 * block list, zone maps); {@link #load} wraps one row group's body in place (no copy), and hands
 * only the requested columns' buffers to Arrow's loader, so other columns are neither decompressed
 * nor paged in. Dictionary-encoded columns come back decoded (plain Utf8 vectors).
 *
 * <p>Thread safety: immutable after open except for the lazily decoded dictionaries (published
 * through a volatile array); {@link #load} may be called from any thread concurrently.
 */
public final class SegmentReader {
  private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final MappedByteBuffer map;
  private final long address;
  private final Schema schema;
  private final List<ArrowBlock> batches;
  private final List<ArrowBlock> dictionaryBlocks;
  private final List<ZoneMap[]> zoneMaps;
  private final int rowGroupRows;
  private final long rowCount;
  private final int partition;
  private volatile byte[][][] dictionaries; // by column, decoded lazily

  private SegmentReader(Path file, MappedByteBuffer map, ArrowFooter footer) {
    this.file = file;
    this.map = map;
    this.address = MemoryUtil.getByteBufferAddress(map);
    this.schema = footer.getSchema();
    this.batches = footer.getRecordBatches();
    this.dictionaryBlocks = footer.getDictionaries();
    Map<String, String> metadata = footer.getMetaData();
    String version = metadata.get(SegmentFormat.KEY_VERSION);
    if (!Integer.toString(SegmentFormat.VERSION).equals(version)) {
      throw corrupt("unsupported segment version " + version);
    }
    this.rowGroupRows = Integer.parseInt(metadata.get(SegmentFormat.KEY_ROW_GROUP_ROWS));
    this.rowCount = Long.parseLong(metadata.get(SegmentFormat.KEY_ROW_COUNT));
    this.partition = Integer.parseInt(metadata.get(SegmentFormat.KEY_PARTITION));
    this.zoneMaps = new ArrayList<>();
    String text = metadata.get(SegmentFormat.KEY_ZONE_MAPS);
    if (text != null && !text.isEmpty()) {
      for (String group : text.split("\n", -1)) {
        String[] columns = group.split(" ", -1);
        ZoneMap[] maps = new ZoneMap[columns.length];
        for (int i = 0; i < columns.length; i++) {
          maps[i] = ZoneMap.decode(columns[i]);
        }
        zoneMaps.add(maps);
      }
    }
    if (zoneMaps.size() != batches.size() || rowCount > (long) rowGroupRows * batches.size()) {
      throw corrupt("footer lists " + batches.size() + " row groups and " + zoneMaps.size()
          + " zone-map groups for " + rowCount + " rows");
    }
  }

  /**
   * Maps and opens {@code file}. When {@code expectedCrc} is not null, the whole file's CRC-32C
   * is checked first. A file that is torn, fails its checksum or does not parse is DATA_CORRUPTED.
   */
  public static SegmentReader open(Path file, Integer expectedCrc) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 2L * MAGIC.length + 8 || size > Integer.MAX_VALUE) {
        throw new QuaverException(ErrorCode.DATA_CORRUPTED,
            "segment " + file + " has an impossible size of " + size + " bytes");
      }
      MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      if (expectedCrc != null) {
        CRC32C crc = new CRC32C();
        crc.update(map.duplicate());
        if ((int) crc.getValue() != expectedCrc) {
          throw new QuaverException(ErrorCode.DATA_CORRUPTED,
              "segment " + file + " fails its checksum");
        }
      }
      ByteBuffer bytes = map.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      int end = (int) size;
      for (int i = 0; i < MAGIC.length; i++) {
        if (bytes.get(end - MAGIC.length + i) != MAGIC[i] || bytes.get(i) != MAGIC[i]) {
          throw new QuaverException(ErrorCode.DATA_CORRUPTED,
              "segment " + file + " lacks the Arrow file magic (torn write?)");
        }
      }
      int footerLength = bytes.getInt(end - MAGIC.length - 4);
      int footerStart = end - MAGIC.length - 4 - footerLength;
      if (footerLength <= 0 || footerStart < MAGIC.length) {
        throw new QuaverException(ErrorCode.DATA_CORRUPTED,
            "segment " + file + " has a footer length of " + footerLength);
      }
      ByteBuffer footerBytes = bytes.duplicate().position(footerStart).limit(footerStart + footerLength)
          .slice().order(ByteOrder.LITTLE_ENDIAN);
      ArrowFooter footer = new ArrowFooter(Footer.getRootAsFooter(footerBytes));
      return new SegmentReader(file, map, footer);
    } catch (IOException e) {
      throw new QuaverException(ErrorCode.IO_ERROR, "cannot read segment " + file + ": "
          + e.getMessage(), e);
    } catch (QuaverException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new QuaverException(ErrorCode.DATA_CORRUPTED, "segment " + file
          + " cannot be decoded: " + e, e);
    }
  }

  public Path file() {
    return file;
  }

  public int partition() {
    return partition;
  }

  public long rowCount() {
    return rowCount;
  }

  public int rowGroupCount() {
    return batches.size();
  }

  /** Rows of row group {@code group}. */
  public int rowGroupRows(int group) {
    return (int) Math.min(rowGroupRows, rowCount - (long) group * rowGroupRows);
  }

  /** Columns of the file: the table's columns, then the row key. */
  public Schema schema() {
    return schema;
  }

  /** Zone map of {@code column} (file ordinal; the row key is the last) in {@code group}. */
  public ZoneMap zoneMap(int group, int column) {
    return zoneMaps.get(group)[column];
  }

  /**
   * Loads the listed file columns (distinct ordinals) of one row group into a new root allocated
   * from {@code allocator} (the caller closes it); dictionary columns are decoded.
   */
  public VectorSchemaRoot load(int group, int[] fileColumns, BufferAllocator allocator) {
    ArrowBlock block = batches.get(group);
    try (ArrowRecordBatch all = recordBatch(block, allocator)) {
      List<Field> fields = schema.getFields();
      int[] firstBuffer = new int[fields.size() + 1];
      for (int i = 0; i < fields.size(); i++) {
        firstBuffer[i + 1] = firstBuffer[i] + TypeLayout.getTypeBufferCount(storedType(fields.get(i)));
      }
      List<Field> selected = new ArrayList<>();
      List<ArrowFieldNode> nodes = new ArrayList<>();
      List<ArrowBuf> buffers = new ArrayList<>();
      for (int column : fileColumns) {
        Field field = fields.get(column);
        selected.add(new Field(field.getName(),
            new FieldType(true, storedType(field), null), null)); // indices stay indices here
        nodes.add(all.getNodes().get(column));
        buffers.addAll(all.getBuffers().subList(firstBuffer[column], firstBuffer[column + 1]));
      }
      VectorSchemaRoot loaded = VectorSchemaRoot.create(new Schema(selected), allocator);
      try (ArrowRecordBatch subset = new ArrowRecordBatch(all.getLength(), nodes, buffers,
          all.getBodyCompression(), true, true)) {
        new VectorLoader(loaded, CommonsCompressionFactory.INSTANCE).load(subset);
        return decodeDictionaries(loaded, fileColumns, allocator);
      } catch (RuntimeException e) {
        loaded.close();
        throw e;
      }
    } catch (OutOfMemoryException e) {
      throw overLimit(group, block, allocator, e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof QuaverException q) {
        throw q;
      }
      if (e.getCause() instanceof OutOfMemoryException oom) {
        throw overLimit(group, block, allocator, oom);
      }
      throw new QuaverException(ErrorCode.DATA_CORRUPTED, "row group " + group + " of segment "
          + file + " cannot be decoded: " + e, e);
    }
  }

  /**
   * A row group whose decoded columns do not fit the caller's allocator (the statement's memory
   * limit) is OUT_OF_MEMORY (53200), not a decode error: the file is fine, the limit is too small
   * for one row group of it.
   */
  private QuaverException overLimit(int group, ArrowBlock block, BufferAllocator allocator,
      OutOfMemoryException cause) {
    long limit = allocator.getLimit();
    for (BufferAllocator parent = allocator.getParentAllocator(); parent != null;
        parent = parent.getParentAllocator()) {
      limit = Math.min(limit, parent.getLimit());
    }
    return new QuaverException(ErrorCode.OUT_OF_MEMORY, String.format(
        "query memory limit of %d bytes reached decoding row group %d of segment %s (%d rows,"
            + " %d bytes compressed, %d bytes already held by the statement); raise the limit"
            + " or write smaller row groups (quaver.segment.rowGroupRows)", limit, group,
        file.getFileName(), rowGroupRows(group), block.getBodyLength(),
        allocator.getAllocatedMemory()), cause);
  }

  private VectorSchemaRoot decodeDictionaries(VectorSchemaRoot loaded, int[] fileColumns,
      BufferAllocator allocator) throws IOException {
    List<FieldVector> vectors = new ArrayList<>(loaded.getFieldVectors());
    int count = loaded.getRowCount();
    boolean any = false;
    try {
      for (int i = 0; i < fileColumns.length; i++) {
        Field field = schema.getFields().get(fileColumns[i]);
        if (field.getDictionary() == null) {
          continue;
        }
        any = true;
        byte[][] values = dictionary(fileColumns[i], allocator);
        VarCharVector decoded = new VarCharVector(field.getName(), allocator);
        vectors.set(i, decoded); // closed with the others on failure
        decode((IntVector) loaded.getFieldVectors().get(i), values, decoded, count);
      }
    } catch (RuntimeException | IOException e) {
      for (int i = 0; i < vectors.size(); i++) {
        if (vectors.get(i) != loaded.getFieldVectors().get(i)) {
          vectors.get(i).close();
        }
      }
      throw e;
    }
    if (!any) {
      return loaded;
    }
    for (int i = 0; i < fileColumns.length; i++) {
      if (vectors.get(i) != loaded.getFieldVectors().get(i)) {
        loaded.getFieldVectors().get(i).close();
      }
    }
    VectorSchemaRoot result = new VectorSchemaRoot(vectors);
    result.setRowCount(count);
    return result;
  }

  /**
   * Expands dictionary indices into {@code decoded}: one allocation of the exact size, then the
   * offsets and bytes written directly (no per-row capacity checks).
   */
  private static void decode(IntVector indices, byte[][] values, VarCharVector decoded, int count) {
    long bytes = 0;
    boolean anyNull = indices.getNullCount() > 0;
    ArrowBuf indexData = indices.getDataBuffer();
    for (int r = 0; r < count; r++) {
      if (!anyNull || !indices.isNull(r)) {
        bytes += values[indexData.getInt((long) r * 4)].length;
      }
    }
    decoded.allocateNew(Math.max(1, bytes), count);
    ArrowBuf offsets = decoded.getOffsetBuffer();
    ArrowBuf data = decoded.getDataBuffer();
    ArrowBuf validity = decoded.getValidityBuffer();
    int offset = 0;
    offsets.setInt(0, 0);
    for (int r = 0; r < count; r++) {
      if (!anyNull || !indices.isNull(r)) {
        byte[] value = values[indexData.getInt((long) r * 4)];
        data.setBytes(offset, value, 0, value.length);
        offset += value.length;
        org.apache.arrow.vector.BitVectorHelper.setBit(validity, r);
      }
      offsets.setInt((long) (r + 1) * 4, offset);
    }
    decoded.setLastSet(count - 1);
    decoded.setValueCount(count);
  }

  /** The type of the field's data in a batch: the index type for a dictionary-encoded field. */
  private static ArrowType storedType(Field field) {
    return field.getDictionary() == null ? field.getType() : field.getDictionary().getIndexType();
  }

  /** The values of the dictionary of {@code column}, decoded once per reader. */
  private byte[][] dictionary(int column, BufferAllocator allocator) throws IOException {
    byte[][][] cache = dictionaries;
    if (cache != null && cache[column] != null) {
      return cache[column];
    }
    long id = schema.getFields().get(column).getDictionary().getId();
    for (ArrowBlock block : dictionaryBlocks) {
      ArrowBuf body = wrap(block, allocator);
      ArrowDictionaryBatch read;
      try {
        read = MessageSerializer.deserializeDictionaryBatch(message(block), body); // takes body
      } catch (IOException | RuntimeException e) {
        releaseIfHeld(body);
        throw e;
      }
      try (ArrowDictionaryBatch batch = read) {
        if (batch.getDictionaryId() != id) {
          continue;
        }
        Field valueField = new Field("values", FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
        try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(valueField)), allocator)) {
          new VectorLoader(root, CommonsCompressionFactory.INSTANCE).load(batch.getDictionary());
          VarCharVector vector = (VarCharVector) root.getVector(0);
          byte[][] values = new byte[root.getRowCount()][];
          for (int i = 0; i < values.length; i++) {
            values[i] = vector.get(i);
          }
          byte[][][] next = cache == null ? new byte[schema.getFields().size()][][] : cache.clone();
          next[column] = values;
          dictionaries = next;
          return values;
        }
      }
    }
    throw corrupt("dictionary " + id + " is missing");
  }

  /** The record batch of {@code block}; its buffers are slices of the mapped body. */
  private ArrowRecordBatch recordBatch(ArrowBlock block, BufferAllocator allocator)
      throws IOException {
    ArrowBuf body = wrap(block, allocator);
    try {
      return MessageSerializer.deserializeRecordBatch(message(block), body); // takes body
    } catch (IOException | RuntimeException e) {
      releaseIfHeld(body);
      throw e;
    }
  }

  private static void releaseIfHeld(ArrowBuf body) {
    if (body.refCnt() > 0) {
      body.close();
    }
  }

  /** The flatbuffer message at the start of {@code block}: continuation, length, then the message. */
  private Message message(ArrowBlock block) {
    ByteBuffer bytes = map.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int offset = (int) block.getOffset();
    int prefix = 8;
    if (bytes.getInt(offset) != -1) {
      prefix = 4; // legacy framing without the continuation token
    }
    ByteBuffer metadata = bytes.position(offset + prefix)
        .limit(offset + block.getMetadataLength()).slice().order(ByteOrder.LITTLE_ENDIAN);
    Message message = Message.getRootAsMessage(metadata);
    if (message.headerType() != MessageHeader.RecordBatch
        && message.headerType() != MessageHeader.DictionaryBatch) {
      throw corrupt("block at " + offset + " is not a batch");
    }
    return message;
  }

  /** The body of {@code block} as an ArrowBuf over the mapped file (no copy). */
  private ArrowBuf wrap(ArrowBlock block, BufferAllocator allocator) {
    long start = block.getOffset() + block.getMetadataLength();
    long length = block.getBodyLength();
    if (start < 0 || length < 0 || start + length > map.capacity()) {
      throw corrupt("block at " + block.getOffset() + " runs past the end of the file");
    }
    return allocator.wrapForeignAllocation(new MappedRegion(map, length, address + start));
  }

  private QuaverException corrupt(String what) {
    return new QuaverException(ErrorCode.DATA_CORRUPTED, "segment " + file + ": " + what);
  }

  /**
   * A region of the mapped file as an Arrow allocation: it keeps the mapping reachable while any
   * buffer over it lives, and frees nothing (the mapping goes when the reader is unreachable).
   */
  private static final class MappedRegion extends ForeignAllocation {
    @SuppressWarnings("unused")
    private final MappedByteBuffer map;

    MappedRegion(MappedByteBuffer map, long size, long address) {
      super(size, address);
      this.map = map;
    }

    @Override
    protected void release0() {}
  }
}
