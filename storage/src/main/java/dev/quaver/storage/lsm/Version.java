package dev.quaver.storage.lsm;

import dev.quaver.storage.lsm.sst.SstMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One immutable set of live SSTables by level. Level 0 holds flushed memtables, newest first,
 * whose key ranges may overlap; every deeper level holds files sorted by key with disjoint
 * ranges (no user key spans two files of a level). Readers pin a version ({@link VersionSet})
 * so its files outlive compactions that replace them.
 *
 * <p>Thread safety: immutable, except the reference count guarded by the {@link VersionSet}.
 */
public final class Version {
  public static final int LEVELS = 7;

  private final List<List<SstMeta>> levels;
  int refs; // guarded by the VersionSet

  public Version(List<List<SstMeta>> levels) {
    List<List<SstMeta>> copy = new ArrayList<>(LEVELS);
    for (int i = 0; i < LEVELS; i++) {
      copy.add(i < levels.size() ? List.copyOf(levels.get(i)) : List.of());
    }
    this.levels = List.copyOf(copy);
  }

  public static Version empty() {
    return new Version(List.of());
  }

  public List<SstMeta> level(int level) {
    return levels.get(level);
  }

  public List<List<SstMeta>> levels() {
    return levels;
  }

  public long levelBytes(int level) {
    long total = 0;
    for (SstMeta file : levels.get(level)) {
      total += file.fileSize();
    }
    return total;
  }

  /** Files of {@code level} whose ranges intersect [low, high] (all of L0's that do). */
  public List<SstMeta> overlapping(int level, byte[] low, byte[] high) {
    List<SstMeta> result = new ArrayList<>();
    for (SstMeta file : levels.get(level)) {
      if (file.overlapsClosed(low, high)) {
        result.add(file);
      }
    }
    return result;
  }

  /** The file of a sorted level (≥ 1) that may hold {@code key}, or null. */
  public SstMeta fileFor(int level, byte[] key) {
    List<SstMeta> files = levels.get(level);
    int low = 0;
    int high = files.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Arrays.compareUnsigned(files.get(mid).largest(), key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < files.size() && files.get(low).mayContain(key) ? files.get(low) : null;
  }

  /** A copy of the level lists, for building the next version. */
  public List<List<SstMeta>> mutableLevels() {
    List<List<SstMeta>> copy = new ArrayList<>();
    for (List<SstMeta> level : levels) {
      copy.add(new ArrayList<>(level));
    }
    return copy;
  }

  public int fileCount() {
    int n = 0;
    for (List<SstMeta> level : levels) {
      n += level.size();
    }
    return n;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < LEVELS; i++) {
      if (!levels.get(i).isEmpty()) {
        s.append(s.length() == 0 ? "" : " ").append('L').append(i).append('=')
            .append(levels.get(i).size());
      }
    }
    return s.length() == 0 ? "empty" : s.toString();
  }
}
