package dev.quaver.executor.operator.sort;

import dev.quaver.executor.spill.SpillFile;
import dev.quaver.executor.spill.SpillReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A k-way merge of sorted runs: spill files and, last, an optional in-memory tail. Equal rows
 * come out in run order (a run written earlier first), so merging runs of a stable sort is
 * stable. {@link #close()} closes every reader.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class RunMerger implements Iterator<Object[]>, AutoCloseable {
  private final List<SpillReader> readers = new ArrayList<>();
  private final PriorityQueue<Head> heads;
  private final Iterator<Object[]> tail;
  private final int tailRun;

  RunMerger(List<SpillFile> runs, List<Object[]> tailRows, Comparator<Object[]> comparator,
      BufferAllocator allocator) {
    this.heads = new PriorityQueue<>((a, b) -> {
      int c = comparator.compare(a.row, b.row);
      return c != 0 ? c : Integer.compare(a.run, b.run);
    });
    this.tail = tailRows == null ? List.<Object[]>of().iterator() : tailRows.iterator();
    this.tailRun = runs.size();
    try {
      for (int i = 0; i < runs.size(); i++) {
        SpillReader reader = runs.get(i).open(allocator);
        readers.add(reader);
        advance(i);
      }
      advance(tailRun);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    return !heads.isEmpty();
  }

  @Override
  public Object[] next() {
    Head head = heads.poll();
    advance(head.run);
    return head.row;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (SpillReader reader : readers) {
      try {
        reader.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    readers.clear();
    heads.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private void advance(int run) {
    Object[] row;
    if (run == tailRun) {
      row = tail.hasNext() ? tail.next() : null;
    } else {
      row = readers.get(run).next();
    }
    if (row != null) {
      heads.add(new Head(row, run));
    }
  }

  private record Head(Object[] row, int run) {}
}
