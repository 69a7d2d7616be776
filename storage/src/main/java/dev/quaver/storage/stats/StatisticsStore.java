package dev.quaver.storage.stats;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link Statistics} kept in memory and persisted one file per table in a directory
 * ({@code stats/} of the data directory; format in {@code docs/formats/stats.md}). A write goes
 * to a temporary file that is fsynced, renamed over the table's file and followed by an fsync of
 * the directory, so after a crash each table has either its old or its new statistics. Files that
 * fail to decode are skipped at open (statistics are advisory: the table is then unknown until the
 * next ANALYZE). {@link #inMemory()} gives a store without files, for tests and fakes.
 *
 * <p>Thread safety: safe for concurrent use; writes of one table are serialized by the store.
 */
public final class StatisticsStore implements Statistics {
  private static final String PREFIX = "table-";
  private static final String SUFFIX = ".stats";

  private final Path directory;
  private final Map<Long, TableStatistics> tables = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();

  private StatisticsStore(Path directory) {
    this.directory = directory;
  }

  /** A store without files. */
  public static StatisticsStore inMemory() {
    return new StatisticsStore(null);
  }

  /** Opens (creating if needed) the store in {@code directory} and loads every table's file. */
  public static StatisticsStore open(Path directory) {
    StatisticsStore store = new StatisticsStore(directory);
    try {
      Files.createDirectories(directory);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          if (name.endsWith(".tmp")) {
            Files.deleteIfExists(file);
          } else if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
            store.load(file);
          }
        }
      }
    } catch (IOException e) {
      throw new QuaverException(ErrorCode.IO_ERROR,
          "cannot open the statistics directory " + directory + ": " + e.getMessage(), e);
    }
    return store;
  }

  @Override
  public Optional<TableStatistics> table(long tableId) {
    return Optional.ofNullable(tables.get(tableId));
  }

  @Override
  public long version() {
    return version.get();
  }

  @Override
  public synchronized void put(TableStatistics statistics) {
    if (directory != null) {
      write(statistics);
    }
    tables.put(statistics.tableId(), statistics);
    version.incrementAndGet();
  }

  @Override
  public synchronized void remove(long tableId) {
    if (tables.remove(tableId) == null) {
      return;
    }
    if (directory != null) {
      try {
        Files.deleteIfExists(file(tableId));
      } catch (IOException e) {
        throw new QuaverException(ErrorCode.IO_ERROR,
            "cannot delete statistics of table " + tableId + ": " + e.getMessage(), e);
      }
    }
    version.incrementAndGet();
  }

  private void load(Path file) throws IOException {
    try {
      TableStatistics statistics = StatisticsCodec.decode(Files.readAllBytes(file));
      if (file.equals(file(statistics.tableId()))) {
        tables.put(statistics.tableId(), statistics);
      }
    } catch (IllegalArgumentException e) {
      // Advisory data: a damaged file leaves the table unknown (large) until the next ANALYZE.
    }
  }

  private Path file(long tableId) {
    return directory.resolve(PREFIX + tableId + SUFFIX);
  }

  private void write(TableStatistics statistics) {
    Path target = file(statistics.tableId());
    Path temporary = directory.resolve(PREFIX + statistics.tableId() + SUFFIX + ".tmp");
    byte[] bytes = StatisticsCodec.encode(statistics);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true);
      }
    } catch (IOException e) {
      throw new QuaverException(ErrorCode.IO_ERROR,
          "cannot write statistics of table " + statistics.tableId() + " to " + target + ": "
              + (e instanceof java.nio.channels.ClosedByInterruptException
                  ? "interrupted (the engine is closing)" : e.getMessage()), e);
    }
  }
}
