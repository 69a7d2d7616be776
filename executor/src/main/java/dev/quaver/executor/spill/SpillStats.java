package dev.quaver.executor.spill;

/**
 * What one operator spilled: bytes and rows written to spill files, the number of runs (sort) or
 * partitions (aggregation, join) written, and the deepest recursion level of repartitioning. Kept
 * so that EXPLAIN ANALYZE can show them (TODO(#6): wire into EXPLAIN ANALYZE).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class SpillStats {
  private long bytes;
  private long rows;
  private long files;
  private int maxLevel;

  void addFile(long fileBytes, long fileRows) {
    bytes += fileBytes;
    rows += fileRows;
    files++;
  }

  /** Records that data was repartitioned at recursion {@code level} (0 = first spill). */
  public void reachedLevel(int level) {
    maxLevel = Math.max(maxLevel, level);
  }

  public long spilledBytes() {
    return bytes;
  }

  public long spilledRows() {
    return rows;
  }

  /** Spill files written: sort runs (merged runs included) or partition files. */
  public long files() {
    return files;
  }

  public int maxLevel() {
    return maxLevel;
  }

  public boolean spilled() {
    return files > 0;
  }

  @Override
  public String toString() {
    return "spilled " + bytes + " bytes, " + rows + " rows, " + files + " files"
        + (maxLevel > 0 ? ", " + (maxLevel + 1) + " levels" : "");
  }
}
