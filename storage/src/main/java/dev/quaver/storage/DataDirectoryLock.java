package dev.quaver.storage;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock on a data directory (file {@code LOCK}), so that two processes (or two
 * engines in one JVM) never write one WAL. Released by {@link #close()} or by process exit.
 *
 * <p>Thread safety: immutable after {@link #acquire}.
 */
final class DataDirectoryLock implements AutoCloseable {
  static final String FILE_NAME = "LOCK";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirectoryLock acquire(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(directory, null);
      }
      return new DataDirectoryLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw inUse(directory, e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new QuaverException(ErrorCode.IO_ERROR,
          "cannot lock data directory " + directory + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel close below releases it anyway
    }
    closeQuietly(channel);
  }

  private static QuaverException inUse(Path directory, Throwable cause) {
    return new QuaverException(ErrorCode.IO_ERROR, "data directory " + directory
        + " is already in use by another Quaver process (lock file " + FILE_NAME + ")", cause);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }
}
