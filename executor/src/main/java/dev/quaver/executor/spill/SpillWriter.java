package dev.quaver.executor.spill;

import dev.quaver.executor.vector.VectorValues;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Appends rows to a spill file: an Arrow IPC stream of record batches of at most
 * {@link #BATCH_ROWS} rows. Small batches keep the memory of a k-way merge (one batch per open
 * run) low. {@link #finish()} ends the stream and returns the file for reading; {@link #close()}
 * releases the buffers (the file itself belongs to the SpillSpace).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class SpillWriter implements AutoCloseable {
  /** Rows per record batch in a spill file. */
  public static final int BATCH_ROWS = 256;

  private final Path path;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final SpillStats stats;
  private final List<Object[]> pending = new ArrayList<>();
  private final OutputStream out;
  private VectorSchemaRoot root;
  private ArrowStreamWriter writer;
  private long rows;
  private boolean closed;

  SpillWriter(Path path, Schema schema, BufferAllocator allocator, SpillStats stats) throws IOException {
    this.path = path;
    this.schema = schema;
    this.allocator = allocator;
    this.stats = stats;
    this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
  }

  public void add(Object[] row) {
    pending.add(row);
    rows++;
    if (pending.size() >= BATCH_ROWS) {
      flush();
    }
  }

  public long rows() {
    return rows;
  }

  /** Writes the rest, ends the stream and returns the file. */
  public SpillFile finish() {
    flush();
    try {
      ensureWriter();
      writer.end();
      out.flush();
      long bytes = Files.size(path);
      stats.addFile(bytes, rows);
      SpillFile file = new SpillFile(path, schema, rows, bytes);
      close();
      return file;
    } catch (IOException e) {
      throw SpillSpace.ioError(e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pending.clear();
    try {
      if (writer != null) {
        writer.close();
      }
      out.close();
    } catch (IOException e) {
      throw SpillSpace.ioError(e);
    } finally {
      if (root != null) {
        root.close();
      }
    }
  }

  private void ensureWriter() throws IOException {
    if (writer == null) {
      root = VectorSchemaRoot.create(schema, allocator);
      writer = new ArrowStreamWriter(root, null, Channels.newChannel(out));
      writer.start();
    }
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      ensureWriter();
      List<FieldVector> vectors = root.getFieldVectors();
      for (FieldVector vector : vectors) {
        vector.setInitialCapacity(pending.size());
        vector.allocateNew();
      }
      for (int i = 0; i < pending.size(); i++) {
        Object[] row = pending.get(i);
        for (int column = 0; column < vectors.size(); column++) {
          VectorValues.set(vectors.get(column), i, row[column]);
        }
      }
      root.setRowCount(pending.size());
      writer.writeBatch();
      pending.clear();
    } catch (IOException e) {
      throw SpillSpace.ioError(e);
    } finally {
      root.clear();
    }
  }
}
