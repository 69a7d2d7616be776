package dev.quaver.storage.lsm.compaction;

import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.storage.lsm.Version;
import dev.quaver.storage.lsm.sst.SstMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the next compaction (leveled, as in LevelDB/RocksDB): each level has a score — L0 its
 * file count over {@code l0CompactionTrigger}, level n ≥ 1 its bytes over
 * {@code levelBaseBytes × levelRatio^(n-1)} — and the level with the highest score ≥ 1 is
 * compacted into the next one. From L0 all files are taken (their ranges overlap); from a deeper
 * level one file, round-robin by key, so that the whole level is cycled. The files of the next
 * level that overlap the inputs' key range join the compaction.
 *
 * <p>Thread safety: used by the compaction thread only.
 */
public final class CompactionPicker {
  /** One compaction: inputs from {@code level} and {@code level + 1}. */
  public record Compaction(int level, List<SstMeta> upper, List<SstMeta> lower, byte[] smallest,
      byte[] largest, boolean bottommost) {
    public int outputLevel() {
      return level + 1;
    }
  }

  private final LsmOptions options;
  private final byte[][] nextKey = new byte[Version.LEVELS][];

  public CompactionPicker(LsmOptions options) {
    this.options = options;
  }

  public double score(Version version, int level) {
    if (level == 0) {
      return version.level(0).size() / (double) options.l0CompactionTrigger();
    }
    return version.levelBytes(level) / (double) targetBytes(level);
  }

  public long targetBytes(int level) {
    long target = options.levelBaseBytes();
    for (int i = 1; i < level; i++) {
      target *= options.levelRatio();
    }
    return target;
  }

  /** The compaction to run now, or null if every level is within its target. */
  public Compaction pick(Version version) {
    int best = -1;
    double bestScore = 1.0;
    for (int level = 0; level < Version.LEVELS - 1; level++) {
      double score = score(version, level);
      if (score >= bestScore) {
        best = level;
        bestScore = score;
      }
    }
    return best < 0 ? null : forLevel(version, best);
  }

  /** A compaction of {@code level} into the next (also used to compact everything in tests). */
  public Compaction forLevel(Version version, int level) {
    List<SstMeta> files = version.level(level);
    if (files.isEmpty()) {
      return null;
    }
    List<SstMeta> upper = new ArrayList<>();
    if (level == 0) {
      upper.addAll(files);
    } else {
      SstMeta chosen = files.get(0);
      if (nextKey[level] != null) {
        for (SstMeta file : files) {
          if (Arrays.compareUnsigned(file.smallest(), nextKey[level]) >= 0) {
            chosen = file;
            break;
          }
        }
      }
      upper.add(chosen);
      nextKey[level] = successor(chosen.largest());
    }
    byte[] smallest = upper.get(0).smallest();
    byte[] largest = upper.get(0).largest();
    for (SstMeta file : upper) {
      smallest = Arrays.compareUnsigned(file.smallest(), smallest) < 0 ? file.smallest() : smallest;
      largest = Arrays.compareUnsigned(file.largest(), largest) > 0 ? file.largest() : largest;
    }
    List<SstMeta> lower = version.overlapping(level + 1, smallest, largest);
    for (SstMeta file : lower) {
      smallest = Arrays.compareUnsigned(file.smallest(), smallest) < 0 ? file.smallest() : smallest;
      largest = Arrays.compareUnsigned(file.largest(), largest) > 0 ? file.largest() : largest;
    }
    boolean bottommost = true;
    for (int deeper = level + 2; deeper < Version.LEVELS; deeper++) {
      if (!version.overlapping(deeper, smallest, largest).isEmpty()) {
        bottommost = false;
        break;
      }
    }
    return new Compaction(level, upper, lower, smallest, largest, bottommost);
  }

  private static byte[] successor(byte[] key) {
    byte[] next = Arrays.copyOf(key, key.length + 1);
    return next;
  }
}
