package dev.quaver.executor.operator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of rows held on the Java heap by one operator (hash-join build side, sort buffer, ...),
 * with its rough size reserved in the statement's ExecutionContext so that the memory limit
 * covers it. {@link #close()} gives the reservation back.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class HeapRows implements AutoCloseable {
  private final ExecutionContext context;
  private final List<Object[]> rows = new ArrayList<>();
  private long reservedBytes;

  public HeapRows(ExecutionContext context) {
    this.context = context;
  }

  public void add(Object[] row) {
    reserve(estimateBytes(row));
    rows.add(row);
  }

  /** Accounts extra bytes (e.g. hash table entries) under the same reservation. */
  public void reserve(long bytes) {
    context.reserveHeap(bytes);
    reservedBytes += bytes;
  }

  public List<Object[]> rows() {
    return rows;
  }

  public int size() {
    return rows.size();
  }

  /** Rough heap footprint of a row of boxed values. */
  public static long estimateBytes(Object[] row) {
    long bytes = 16 + 8L * row.length;
    for (Object value : row) {
      if (value instanceof String s) {
        bytes += 40 + s.length();
      } else if (value instanceof byte[] b) {
        bytes += 16 + b.length;
      } else if (value instanceof BigDecimal) {
        bytes += 64;
      } else if (value != null) {
        bytes += 16;
      }
    }
    return bytes;
  }

  @Override
  public void close() {
    rows.clear();
    context.releaseHeap(reservedBytes);
    reservedBytes = 0;
  }
}
