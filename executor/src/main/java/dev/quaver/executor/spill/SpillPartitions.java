package dev.quaver.executor.spill;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@link #COUNT} spill files that rows are hash-partitioned into (aggregation, grace hash join).
 * The partition of a hash depends on the recursion level, so a partition that is still too big
 * splits again when it is repartitioned one level deeper. Files are created on their first row.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class SpillPartitions implements AutoCloseable {
  /** Partitions per level. */
  public static final int COUNT = 16;
  /** Deepest repartitioning level; deeper means equal keys that cannot split (no help from spilling). */
  public static final int MAX_LEVEL = 6;

  private final SpillSpace space;
  private final Schema schema;
  private final SpillWriter[] writers = new SpillWriter[COUNT];

  public SpillPartitions(SpillSpace space, Schema schema, int level) {
    this.space = space;
    this.schema = schema;
    space.stats().reachedLevel(level);
  }

  /** The partition of a row whose key hashes to {@code hash}, at recursion {@code level}. */
  public static int partition(int hash, int level) {
    int h = hash + level * 0x9E3779B9;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Math.floorMod(h, COUNT);
  }

  public void add(int partition, Object[] row) {
    SpillWriter writer = writers[partition];
    if (writer == null) {
      writer = space.newFile(schema);
      writers[partition] = writer;
    }
    writer.add(row);
  }

  /** Finishes every file; the result has one entry per partition, null for an empty one. */
  public List<SpillFile> finish() {
    List<SpillFile> files = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      files.add(writers[i] == null ? null : writers[i].finish());
      writers[i] = null;
    }
    return files;
  }

  @Override
  public void close() {
    for (int i = 0; i < COUNT; i++) {
      if (writers[i] != null) {
        writers[i].close();
        writers[i] = null;
      }
    }
  }
}
