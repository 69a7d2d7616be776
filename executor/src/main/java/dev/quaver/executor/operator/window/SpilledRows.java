package dev.quaver.executor.operator.window;

import dev.quaver.executor.spill.SpillFile;
import dev.quaver.executor.spill.SpillReader;
import dev.quaver.executor.spill.SpillSpace;
import dev.quaver.executor.spill.SpillWriter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of one window partition that outgrew the operator's memory share, on disk: appended
 * in order into spill files of {@link #BLOCK_ROWS} rows each, then read back as a random-access
 * list whose blocks are loaded on demand and kept in a small cache ({@link #CACHED_BLOCKS} blocks,
 * least recently used out). The window functions walk a partition forward, backward (suffix
 * frames) or by binary search (RANGE offsets), so each pass reads each block about once and the
 * heap holds a few blocks, not the partition.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class SpilledRows extends AbstractList<Object[]> implements RandomAccess {
  /** Rows per spill file: one block is read at a time. */
  static final int BLOCK_ROWS = SpillWriter.BATCH_ROWS;
  /** Blocks held in memory at once while reading. */
  static final int CACHED_BLOCKS = 4;

  private final SpillSpace space;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final List<SpillFile> blocks = new ArrayList<>();
  private final Map<Integer, List<Object[]>> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, List<Object[]>> eldest) {
      return size() > CACHED_BLOCKS;
    }
  };
  private SpillWriter writer;
  private int size;

  SpilledRows(SpillSpace space, Schema schema, BufferAllocator allocator) {
    this.space = space;
    this.schema = schema;
    this.allocator = allocator;
  }

  /** Appends a row (only before the first {@link #get}). */
  @Override
  public boolean add(Object[] row) {
    if (writer == null) {
      writer = space.newFile(schema);
    }
    writer.add(row);
    size++;
    if (writer.rows() == BLOCK_ROWS) {
      blocks.add(writer.finish());
      writer.close();
      writer = null;
    }
    return true;
  }

  /** Ends the appending; the rows can be read from now on. */
  void finish() {
    if (writer != null) {
      blocks.add(writer.finish());
      writer.close();
      writer = null;
    }
  }

  @Override
  public Object[] get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index + " of " + size);
    }
    int block = index / BLOCK_ROWS;
    List<Object[]> rows = cache.get(block);
    if (rows == null) {
      rows = new ArrayList<>(BLOCK_ROWS);
      try (SpillReader reader = blocks.get(block).open(allocator)) {
        for (Object[] row = reader.next(); row != null; row = reader.next()) {
          rows.add(row);
        }
      }
      cache.put(block, rows);
    }
    return rows.get(index % BLOCK_ROWS);
  }

  @Override
  public int size() {
    return size;
  }

  /** Frees the writer's buffers and the cached blocks (the files belong to the SpillSpace). */
  void close() {
    if (writer != null) {
      writer.close();
      writer = null;
    }
    cache.clear();
  }
}
