package dev.quaver.executor.spill;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The spill directory of one spilling operator of one statement: a fresh subdirectory of
 * ExecutorConfig.spillDirectory, created on the first spill and deleted with everything in it
 * by {@link #close()}. Operators close their space in their own {@code close()}, which the
 * statement calls on success, error and cancel, so no spill file outlives its statement.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class SpillSpace implements AutoCloseable {
  private final Path parent;
  private final String owner;
  private final BufferAllocator allocator;
  private final SpillStats stats;
  private Path directory;
  private int nextFile;

  /** {@code owner} names the operator (used in the directory name and in errors). */
  public SpillSpace(Path parent, String owner, BufferAllocator allocator, SpillStats stats) {
    this.parent = parent;
    this.owner = owner;
    this.allocator = allocator;
    this.stats = stats;
  }

  /** A writer of a new spill file of rows of {@code schema}. */
  public SpillWriter newFile(Schema schema) {
    try {
      if (directory == null) {
        Files.createDirectories(parent);
        directory = Files.createTempDirectory(parent, "spill-" + owner + "-");
      }
      Path file = directory.resolve(String.format("%06d.arrows", nextFile++));
      return new SpillWriter(file, schema, allocator, stats);
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  public SpillStats stats() {
    return stats;
  }

  /** The directory, or null before the first spill. */
  public Path directory() {
    return directory;
  }

  /** Deletes the directory and every spill file in it. */
  @Override
  public void close() {
    if (directory == null) {
      return;
    }
    Path dir = directory;
    directory = null;
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new QuaverException(ErrorCode.IO_ERROR,
          "cannot delete spill directory " + dir + ": " + e.getMessage(), e);
    }
  }

  static QuaverException ioError(IOException e) {
    if (e.getMessage() != null && e.getMessage().contains("No space left")) {
      return new QuaverException(ErrorCode.DISK_FULL, "spill file: " + e.getMessage(), e);
    }
    return new QuaverException(ErrorCode.IO_ERROR, "spill file: " + e.getMessage(), e);
  }
}
