package dev.quaver.storage.lsm.wal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates the files of new WAL segments, reusing the files of segments whose contents were
 * flushed (PostgreSQL's WAL recycling): a recycled file's blocks are already allocated and its
 * size already durable, so the fdatasync of a commit that overwrites them writes only data, no
 * file-system metadata. A flushed segment is renamed to {@code <its name>.free} (a name recovery
 * never reads); a new segment takes a free file, gets its header written and fsynced under the
 * free name, and only then is renamed to its segment name. Its old records stay behind the new
 * ones, but their checksums are seeded with the old segment number ({@link LogFormat}), so a
 * reader never takes them for records of the new segment. At most {@link #MAX_FREE_FILES} are
 * kept; more are deleted.
 *
 * <p>Thread safety: all methods are synchronized.
 */
final class SegmentPool {
  static final int MAX_FREE_FILES = 2;
  static final String FREE_SUFFIX = ".free";

  /** An opened segment: the file positioned nowhere in particular, and its current length. */
  record Opened(RandomAccessFile file, Path path, long length, boolean recycled) {}

  private final Path directory;
  private final Deque<Path> free = new ArrayDeque<>();

  /** Adopts the free files left in {@code directory} by an earlier run. */
  SegmentPool(Path directory) throws IOException {
    this.directory = directory;
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(f -> f.getFileName().toString().endsWith(FREE_SUFFIX)).sorted().forEach(found::add);
    }
    for (Path file : found) {
      if (free.size() < MAX_FREE_FILES) {
        free.add(file);
      } else {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * Creates segment {@code number} (which must not exist) with its header, durable (file and
   * directory entry) when this returns; from a free file when there is one.
   */
  synchronized Opened open(long number) throws IOException {
    Path path = directory.resolve(LogFormat.segmentFileName(number));
    Path reused = free.pollFirst();
    RandomAccessFile file;
    if (reused != null) {
      file = new RandomAccessFile(reused.toFile(), "rw");
      try {
        writeHeader(file, number);
        Files.move(reused, path, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        file.close();
        throw e;
      }
    } else {
      Files.createFile(path);
      file = new RandomAccessFile(path.toFile(), "rw");
      try {
        writeHeader(file, number);
      } catch (IOException | RuntimeException e) {
        file.close();
        throw e;
      }
    }
    LogWriter.syncDirectory(directory);
    return new Opened(file, path, Math.max(file.length(), LogFormat.SEGMENT_HEADER_BYTES), reused != null);
  }

  /**
   * Takes the file of a segment whose records are no longer needed: keeps it for reuse, or
   * deletes it when enough are kept. Not durable by itself: after a crash the segment is either
   * still there (and deleted by recovery, being below the manifest's log number) or free.
   */
  synchronized void recycle(Path segment) throws IOException {
    if (free.size() >= MAX_FREE_FILES || !Files.exists(segment)) {
      Files.deleteIfExists(segment);
      return;
    }
    Path target = segment.resolveSibling(segment.getFileName() + FREE_SUFFIX);
    Files.move(segment, target, StandardCopyOption.ATOMIC_MOVE);
    free.addLast(target);
  }

  synchronized int freeFiles() {
    return free.size();
  }

  private static void writeHeader(RandomAccessFile file, long number) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(LogFormat.SEGMENT_HEADER_BYTES);
    header.putInt(LogFormat.MAGIC).putShort((short) LogFormat.VERSION).putShort((short) 0)
        .putLong(number);
    file.seek(0);
    file.write(header.array());
    file.getFD().sync();
  }
}
