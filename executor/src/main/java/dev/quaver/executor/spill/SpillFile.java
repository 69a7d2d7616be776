package dev.quaver.executor.spill;

import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/** A finished spill file: where it is, the schema of its rows, its row and byte counts. Immutable. */
public record SpillFile(Path path, org.apache.arrow.vector.types.pojo.Schema schema, long rows, long bytes) {
  /** Opens the file for reading its rows in the order written. */
  public SpillReader open(BufferAllocator allocator) {
    return new SpillReader(this, allocator);
  }
}
