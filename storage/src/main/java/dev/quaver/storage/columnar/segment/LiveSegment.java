package dev.quaver.storage.columnar.segment;

import java.util.Arrays;
import java.util.Objects;

/**
 * A segment as one manifest version sees it: the file, plus the ordinals of its rows that later
 * ETL runs superseded (deleted or updated rows, sorted ascending). A reader skips those rows.
 * The ordinals are also held as a bitmap, so {@link #isDeleted} is one bit test per scanned row
 * (a binary search per row was the hottest frame of a scan after an ETL that deleted rows).
 * Immutable (the arrays are never changed after construction).
 */
public final class LiveSegment {
  private final SegmentFile file;
  private final int[] deletedRows;
  private final long[] deletedBits; // empty when nothing is deleted

  public LiveSegment(SegmentFile file, int[] deletedRows) {
    this.file = Objects.requireNonNull(file, "file is null");
    this.deletedRows = deletedRows.clone();
    long[] bits = new long[0];
    if (this.deletedRows.length > 0) {
      int max = 0;
      for (int row : this.deletedRows) {
        if (row < 0) {
          throw new IllegalArgumentException("deleted row " + row + " of " + file);
        }
        max = Math.max(max, row);
      }
      bits = new long[(max >>> 6) + 1];
      for (int row : this.deletedRows) {
        bits[row >>> 6] |= 1L << row;
      }
    }
    this.deletedBits = bits;
  }

  public static LiveSegment of(SegmentFile file) {
    return new LiveSegment(file, new int[0]);
  }

  public SegmentFile file() {
    return file;
  }

  /** The superseded row ordinals, ascending (the caller must not change the array). */
  public int[] deletedRows() {
    return deletedRows;
  }

  public long liveRows() {
    return file.rowCount() - deletedRows.length;
  }

  public boolean isDeleted(int row) {
    int word = row >>> 6;
    return row >= 0 && word < deletedBits.length && (deletedBits[word] & (1L << row)) != 0;
  }

  /** This segment with {@code more} rows deleted too. */
  public LiveSegment withDeleted(int[] more) {
    int[] merged = Arrays.copyOf(deletedRows, deletedRows.length + more.length);
    System.arraycopy(more, 0, merged, deletedRows.length, more.length);
    Arrays.sort(merged);
    return new LiveSegment(file, Arrays.stream(merged).distinct().toArray());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LiveSegment s && s.file.equals(file)
        && Arrays.equals(s.deletedRows, deletedRows);
  }

  @Override
  public int hashCode() {
    return file.hashCode() * 31 + Arrays.hashCode(deletedRows);
  }

  @Override
  public String toString() {
    return "LiveSegment[" + file + ", deleted=" + deletedRows.length + "]";
  }
}
