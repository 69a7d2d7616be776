package dev.quaver.storage.columnar.segment;

import java.util.Arrays;
import java.util.Objects;

/**
 * A segment as one manifest version sees it: the file, plus the ordinals of its rows that later
 * ETL runs superseded (deleted or updated rows, sorted ascending). A reader skips those rows.
 * Immutable (the array is never changed after construction).
 */
public record LiveSegment(SegmentFile file, int[] deletedRows) {
  public LiveSegment {
    Objects.requireNonNull(file, "file is null");
    deletedRows = deletedRows.clone();
  }

  public static LiveSegment of(SegmentFile file) {
    return new LiveSegment(file, new int[0]);
  }

  public long liveRows() {
    return file.rowCount() - deletedRows.length;
  }

  public boolean isDeleted(int row) {
    return Arrays.binarySearch(deletedRows, row) >= 0;
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
