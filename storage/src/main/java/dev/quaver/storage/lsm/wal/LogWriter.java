package dev.quaver.storage.lsm.wal;

import dev.quaver.storage.io.ByteWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records to the log and makes them durable with group commit. {@link #append} only
 * copies a record into an in-memory buffer; {@link #flushTo} writes the buffer to the OS and
 * {@link #syncTo} writes and fsyncs it. Concurrent callers of {@code syncTo} share one write and
 * one fsync: one of them (the leader) writes and syncs everything appended so far while the
 * others wait, so N committers cost about one system call pair, and no lock is held during the
 * fsync that would stop others from appending.
 *
 * <p>Files are written through {@link RandomAccessFile}, not a {@code FileChannel}: an interrupt
 * of any thread inside a channel operation closes the channel for every committer, and query
 * cancellation interrupts threads. Only the fdatasync goes through a channel of its own, with
 * the interrupt status set aside ({@link #dataSync}).
 *
 * <p>Positions are logical: the number of record bytes appended since this writer was opened,
 * across segment rotations.
 *
 * <p>Preallocation (PostgreSQL's trick): an fdatasync of a file that grew must also journal its
 * new size, one more device flush per commit; an fdatasync of bytes that overwrite blocks already
 * allocated and durable writes only the data. So a background thread keeps the current segment
 * zero-filled and fsynced {@code preallocateBytes} ahead of the write position (up to the
 * rotation size), and new segments reuse the files of flushed ones ({@link SegmentPool}). Each
 * closed segment ends with an END record; readers tell zeros and stale bytes after the last
 * record from a torn tail ({@link LogReader}).
 *
 * <p>Who leads a sync and who waits: {@link GroupCommit}.
 *
 * <p>Thread safety: appending, writing and rotation are guarded by {@code this}; sync state by
 * the {@link GroupCommit}. All methods may be called from any thread.
 */
public final class LogWriter implements AutoCloseable {
  /** Appended bytes are written to the OS at the latest when this many are buffered. */
  static final int FLUSH_THRESHOLD_BYTES = 1 << 20;
  /** Default distance the zero-filled, synced region is kept ahead of the write position. */
  public static final long DEFAULT_PREALLOCATE_BYTES =
      Long.getLong("quaver.wal.preallocateBytes", 1L << 20);
  private static final byte[] ZEROS = new byte[64 << 10];

  private final Path directory;
  private final long segmentBytesLimit;
  private final long preallocateBytes;
  private final SegmentPool pool;
  private final Thread preallocator;
  private final GroupCommit groupCommit = new GroupCommit(this::leadSync, GroupCommit.handoffSetting());

  // guarded by this
  private final ByteWriter pending = new ByteWriter(64 << 10);
  private RandomAccessFile file;
  private Path filePath;
  /** A second descriptor of the current segment, only for fdatasync (see {@link #dataSync}). */
  private FileChannel syncChannel;
  private long segmentNumber;
  private long segmentSize;
  /** Bytes of the current file written so far (the file pointer), header included. */
  private long fileOffset;
  /** Length of the current file: records, then zeros or a recycled file's old bytes. */
  private long fileLength;
  private boolean preallocationWanted;
  private long appendedPosition;
  private long writtenPosition;
  private boolean closed;

  /** Creates segment {@code firstSegmentNumber} (which must not exist) and writes its header. */
  public LogWriter(Path directory, long firstSegmentNumber, long segmentBytesLimit) throws IOException {
    this(directory, firstSegmentNumber, segmentBytesLimit, DEFAULT_PREALLOCATE_BYTES);
  }

  /** As above; {@code preallocateBytes} 0 turns preallocation off (files grow as written). */
  public LogWriter(Path directory, long firstSegmentNumber, long segmentBytesLimit,
      long preallocateBytes) throws IOException {
    this.directory = directory;
    this.segmentBytesLimit = segmentBytesLimit;
    this.preallocateBytes = preallocateBytes;
    this.pool = new SegmentPool(directory);
    synchronized (this) {
      openSegment(firstSegmentNumber);
    }
    if (preallocateBytes > 0) {
      preallocator = new Thread(this::preallocateLoop, "quaver-wal-preallocate");
      preallocator.setDaemon(true);
      preallocator.start();
    } else {
      preallocator = null;
    }
  }

  /**
   * Appends one record. {@code buffer[0..RECORD_HEADER_BYTES)} is reserved for the header, which
   * this method fills in; the payload is {@code buffer[RECORD_HEADER_BYTES..length)}.
   *
   * @return the log position just after the record (pass it to {@link #syncTo} or {@link #flushTo})
   */
  public synchronized long append(int type, byte[] buffer, int length) throws IOException {
    if (closed) {
      throw new ClosedChannelException();
    }
    if (segmentSize > LogFormat.SEGMENT_HEADER_BYTES && segmentSize + length > segmentBytesLimit) {
      rotate();
    }
    fillHeader(type, buffer, length, segmentNumber);
    if (length >= FLUSH_THRESHOLD_BYTES) {
      writePending();
      file.write(buffer, 0, length); // a big record (index build) is not copied
      writtenPosition += length;
      wrote(length);
    } else {
      pending.writeBytes(buffer, 0, length);
    }
    segmentSize += length;
    appendedPosition += length;
    if (pending.size() >= FLUSH_THRESHOLD_BYTES) {
      writePending();
    }
    return appendedPosition;
  }

  /** Writes (without fsync) everything up to {@code position} to the OS, if not done yet. */
  public synchronized void flushTo(long position) throws IOException {
    if (writtenPosition < position && !closed) {
      writePending();
    }
  }

  /** Returns once every byte up to {@code position} is fsynced (group commit, see class doc). */
  public void syncTo(long position) throws IOException {
    groupCommit.syncTo(position);
  }

  /** Writes and syncs everything appended so far. */
  public void sync() throws IOException {
    long position;
    synchronized (this) {
      position = appendedPosition;
    }
    syncTo(position);
  }

  /**
   * Closes the current segment (written and fsynced) and starts the next one; returns the new
   * segment's number. Every record appended before this call is in an older segment.
   */
  public synchronized long rotateSegment() throws IOException {
    if (closed) {
      throw new ClosedChannelException();
    }
    rotate();
    return segmentNumber;
  }

  /**
   * Group-commit syncs done so far (a leader's write + fdatasync; not rotations or close): with
   * the number of commits, how many committers one fdatasync served (tests, benchmarks).
   */
  public long syncs() {
    return groupCommit.syncs();
  }

  /** Record bytes appended since this writer was opened (for write amplification). */
  public synchronized long appendedBytes() {
    return appendedPosition;
  }

  /** Files of flushed segments kept for reuse (tests). */
  public int freeSegmentFiles() {
    return pool.freeFiles();
  }

  /** Length of the current segment's file (tests: preallocation). */
  public synchronized long currentFileLength() {
    return fileLength;
  }

  /**
   * Takes the file of a segment whose records were flushed: reused for a later segment, or
   * deleted ({@link SegmentPool#recycle}).
   */
  public void recycle(Path segment) throws IOException {
    pool.recycle(segment);
  }

  /** Writes, ends (END record), syncs and closes the current segment. */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      try {
        writePending();
        writeEnd();
        file.getFD().sync();
      } finally {
        closed = true;
        notifyAll();
        file.close();
        syncChannel.close();
      }
    }
    if (preallocator != null) {
      try {
        preallocator.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Ends a version-2 segment that recovery found without its END record: cuts it at
   * {@code validLength} (dropping a torn tail, preallocated zeros or stale bytes) and writes the
   * END record there, fsynced, so that the segment is complete when newer ones follow it.
   */
  public static void seal(Path segment, long segmentNumber, long validLength) throws IOException {
    byte[] end = new byte[LogFormat.RECORD_HEADER_BYTES];
    fillHeader(LogFormat.TYPE_END, end, end.length, segmentNumber);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(validLength);
      file.seek(validLength);
      file.write(end);
      file.getFD().sync();
    }
  }

  /** Fills in the record header: length, type and the checksum seeded with the segment number. */
  private static void fillHeader(int type, byte[] buffer, int length, long segment) {
    int payloadLength = length - LogFormat.RECORD_HEADER_BYTES;
    buffer[4] = (byte) (payloadLength >>> 24);
    buffer[5] = (byte) (payloadLength >>> 16);
    buffer[6] = (byte) (payloadLength >>> 8);
    buffer[7] = (byte) payloadLength;
    buffer[8] = (byte) type;
    int crc = LogFormat.checksum(segment, buffer, 0, payloadLength);
    buffer[0] = (byte) (crc >>> 24);
    buffer[1] = (byte) (crc >>> 16);
    buffer[2] = (byte) (crc >>> 8);
    buffer[3] = (byte) crc;
  }

  /**
   * The leader's part of {@link #syncTo}: write what is buffered, fsync it outside the lock;
   * returns the position now durable.
   */
  private long leadSync() throws IOException {
    long target;
    RandomAccessFile current;
    FileChannel channel;
    synchronized (this) {
      if (!closed) {
        writePending();
        if (!syncChannel.isOpen()) { // closed by an interrupt during an earlier sync
          syncChannel = FileChannel.open(filePath, StandardOpenOption.WRITE);
        }
      }
      target = writtenPosition;
      current = file;
      channel = syncChannel;
    }
    try {
      dataSync(channel, current);
    } catch (IOException e) {
      synchronized (this) {
        if (current == file && !closed) {
          throw e;
        }
      }
      // rotated or closed meanwhile: both sync the segment before closing it
    }
    return target;
  }

  /**
   * fdatasync of the segment: what a commit needs (data and file size, not the modification
   * time), about half the cost of a full fsync here. It goes through a separate
   * {@link FileChannel} of the same file so that an interrupt, which closes a channel, can never
   * close the descriptor appends use; the caller's interrupt status is set aside during the call
   * and restored after. If the channel was closed anyway (an interrupt in that window, or a
   * rotation), a full fsync through {@code file} does the job.
   */
  private static void dataSync(FileChannel channel, RandomAccessFile file) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      channel.force(false);
    } catch (java.nio.channels.ClosedChannelException e) {
      file.getFD().sync();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // Requires: holding this.
  private void writePending() throws IOException {
    if (pending.size() > 0) {
      file.write(pending.array(), 0, pending.size());
      writtenPosition += pending.size();
      wrote(pending.size());
      pending.reset();
    }
  }

  // Requires: holding this. Advances the file offset; wakes the preallocator when it is near.
  private void wrote(long bytes) {
    fileOffset += bytes;
    fileLength = Math.max(fileLength, fileOffset);
    if (preallocateBytes > 0 && !preallocationWanted && fileLength < segmentBytesLimit
        && fileLength - fileOffset < preallocateBytes / 2) {
      preallocationWanted = true;
      notifyAll();
    }
  }

  // Requires: holding this.
  private void writeEnd() throws IOException {
    byte[] end = new byte[LogFormat.RECORD_HEADER_BYTES];
    fillHeader(LogFormat.TYPE_END, end, end.length, segmentNumber);
    file.write(end);
    wrote(end.length);
  }

  // Requires: holding this.
  private void rotate() throws IOException {
    writePending();
    writeEnd();
    file.getFD().sync();
    file.close();
    syncChannel.close();
    openSegment(segmentNumber + 1);
  }

  // Requires: holding this (or the constructor).
  private void openSegment(long number) throws IOException {
    SegmentPool.Opened opened = pool.open(number);
    file = opened.file();
    filePath = opened.path();
    file.seek(LogFormat.SEGMENT_HEADER_BYTES);
    syncChannel = FileChannel.open(filePath, StandardOpenOption.WRITE);
    segmentNumber = number;
    segmentSize = LogFormat.SEGMENT_HEADER_BYTES;
    fileOffset = LogFormat.SEGMENT_HEADER_BYTES;
    fileLength = opened.length();
    preallocationWanted = false;
    wrote(0);
  }

  /**
   * The preallocator thread: when woken, zero-fills the current segment from its end to
   * {@code preallocateBytes} past the write position (at most to the rotation size), 64 KiB at a
   * time under the lock (so appends never race it), then fsyncs the file outside the lock.
   */
  private void preallocateLoop() {
    while (true) {
      RandomAccessFile target;
      long goal;
      synchronized (this) {
        while (!closed && !preallocationWanted) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        target = file;
        goal = Math.min(segmentBytesLimit, fileOffset + preallocateBytes);
      }
      try {
        boolean filled = false;
        while (true) {
          synchronized (this) {
            if (closed || file != target || fileLength >= goal) {
              break;
            }
            int length = (int) Math.min(ZEROS.length, goal - fileLength);
            try {
              file.seek(fileLength);
              file.write(ZEROS, 0, length);
            } finally {
              file.seek(fileOffset); // appends continue where they were
            }
            fileLength += length;
            filled = true;
          }
        }
        if (filled) {
          target.getFD().sync(); // the allocation and the size, so commits' fdatasyncs skip them
        }
      } catch (IOException e) {
        synchronized (this) {
          if (!closed && file == target) {
            return; // e.g. disk full: only costs speed, appends extend the file as before
          }
        }
        // else a rotation or close closed the file meanwhile: the next segment gets its turn
      }
      synchronized (this) {
        preallocationWanted = false;
        wrote(0);
      }
    }
  }

  /** Makes a file creation or rename in {@code dir} durable. */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some platforms cannot open a directory; the file itself was forced
      if (!System.getProperty("os.name").toLowerCase().contains("win")) {
        throw e;
      }
    }
  }
}
