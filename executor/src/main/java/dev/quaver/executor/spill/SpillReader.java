package dev.quaver.executor.spill;

import dev.quaver.executor.vector.Batches;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Reads the rows of a spill file back in the order they were written, one record batch at a
 * time; a batch is converted to rows and its Arrow buffers freed at once, so an open reader
 * holds at most {@link SpillWriter#BATCH_ROWS} rows.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class SpillReader implements AutoCloseable {
  private final InputStream in;
  private final ArrowStreamReader reader;
  private List<Object[]> batch = List.of();
  private int cursor;
  private boolean done;

  SpillReader(SpillFile file, BufferAllocator allocator) {
    try {
      this.in = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16);
    } catch (IOException e) {
      throw SpillSpace.ioError(e);
    }
    this.reader = new ArrowStreamReader(in, allocator);
  }

  /** The next row, or null at the end. */
  public Object[] next() {
    while (cursor >= batch.size()) {
      if (done) {
        return null;
      }
      try {
        if (!reader.loadNextBatch()) {
          done = true;
          batch = List.of();
          return null;
        }
        batch = Batches.rows(reader.getVectorSchemaRoot());
        reader.getVectorSchemaRoot().clear();
        cursor = 0;
      } catch (IOException e) {
        throw SpillSpace.ioError(e);
      }
    }
    return batch.get(cursor++);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw SpillSpace.ioError(e);
    }
  }
}
