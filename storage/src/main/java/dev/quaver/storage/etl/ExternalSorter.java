package dev.quaver.storage.etl;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * An external merge sort of {@link SortRecord}s: records collect in memory until their
 * estimated size passes {@code memoryBudgetBytes}, then are sorted and written to a run file in
 * {@code spillDirectory}; {@link #sorted()} merges the runs and the in-memory tail with a heap
 * (one buffered record per run), so any input size sorts in bounded memory. Run files:
 * {@code (sortKeyLength:int sortKey rowKeyLength:int rowKey valueLength:int value)*}; deleted by
 * {@link #close()}.
 *
 * <p>Thread safety: confined to one thread.
 */
final class ExternalSorter implements AutoCloseable {
  private static final int STREAM_BUFFER_BYTES = 64 << 10;

  private final long memoryBudgetBytes;
  private final Path spillDirectory;
  private final List<SortRecord> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private final List<DataInputStream> open = new ArrayList<>();
  private long bufferedBytes;
  private long count;

  ExternalSorter(long memoryBudgetBytes, Path spillDirectory) {
    this.memoryBudgetBytes = memoryBudgetBytes;
    this.spillDirectory = spillDirectory;
  }

  void add(SortRecord record) {
    buffer.add(record);
    bufferedBytes += record.bytes();
    count++;
    if (bufferedBytes >= memoryBudgetBytes) {
      spill();
    }
  }

  long count() {
    return count;
  }

  /** Sorted runs written so far (tests, progress). */
  int runCount() {
    return runs.size();
  }

  /** All records in order. Call once, after the last {@link #add}. */
  Iterator<SortRecord> sorted() {
    buffer.sort(null);
    if (runs.isEmpty()) {
      return buffer.iterator();
    }
    List<Iterator<SortRecord>> sources = new ArrayList<>();
    sources.add(buffer.iterator());
    for (Path run : runs) {
      try {
        DataInputStream in = new DataInputStream(new BufferedInputStream(
            Files.newInputStream(run), STREAM_BUFFER_BYTES));
        open.add(in);
        sources.add(new RunIterator(in));
      } catch (IOException e) {
        throw ioError("cannot read the sort run " + run, e);
      }
    }
    return new MergeIterator(sources);
  }

  private void spill() {
    buffer.sort(null);
    try {
      Files.createDirectories(spillDirectory);
      Path run = Files.createTempFile(spillDirectory, "etl-run-", ".tmp");
      runs.add(run);
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
          Files.newOutputStream(run), STREAM_BUFFER_BYTES))) {
        for (SortRecord record : buffer) {
          write(out, record.sortKey());
          write(out, record.rowKey());
          write(out, record.value());
        }
      }
    } catch (IOException e) {
      throw ioError("cannot write a sort run in " + spillDirectory, e);
    }
    buffer.clear();
    bufferedBytes = 0;
  }

  private static void write(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] read(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }

  @Override
  public void close() {
    for (DataInputStream in : open) {
      try {
        in.close();
      } catch (IOException ignored) {
        // deleting the file below is what matters
      }
    }
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException ignored) {
        // a leftover run is removed with the spill directory at the next open
      }
    }
    runs.clear();
    buffer.clear();
  }

  private static QuaverException ioError(String what, IOException e) {
    return new QuaverException(ErrorCode.IO_ERROR, what + ": " + e.getMessage(), e);
  }

  /** Reads one run file record by record. */
  private static final class RunIterator implements Iterator<SortRecord> {
    private final DataInputStream in;
    private SortRecord next;

    RunIterator(DataInputStream in) {
      this.in = in;
      advance();
    }

    private void advance() {
      try {
        byte[] sortKey;
        try {
          sortKey = read(in);
        } catch (EOFException end) {
          next = null;
          return;
        }
        next = new SortRecord(sortKey, read(in), read(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public SortRecord next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      SortRecord result = next;
      advance();
      return result;
    }
  }

  /** k-way merge of sorted iterators. */
  private static final class MergeIterator implements Iterator<SortRecord> {
    private record Head(SortRecord record, Iterator<SortRecord> source) {}

    private final PriorityQueue<Head> heap = new PriorityQueue<>(
        (a, b) -> a.record().compareTo(b.record()));

    MergeIterator(List<Iterator<SortRecord>> sources) {
      for (Iterator<SortRecord> source : sources) {
        if (source.hasNext()) {
          heap.add(new Head(source.next(), source));
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !heap.isEmpty();
    }

    @Override
    public SortRecord next() {
      Head head = heap.poll();
      if (head == null) {
        throw new NoSuchElementException();
      }
      if (head.source().hasNext()) {
        heap.add(new Head(head.source().next(), head.source()));
      }
      return head.record();
    }
  }
}
