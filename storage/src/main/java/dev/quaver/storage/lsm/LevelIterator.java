package dev.quaver.storage.lsm;

import dev.quaver.storage.lsm.sst.SstMeta;
import java.util.List;

/**
 * Iterates over the files of one sorted level (≥ 1) in key order, opening each file's iterator
 * only when the previous one is exhausted: a range scan touches one file at a time per level.
 *
 * <p>Thread safety: confined to one thread; the caller pins the version the files belong to.
 */
final class LevelIterator implements InternalIterator {
  private final VersionSet versions;
  private final List<SstMeta> files;
  private final byte[] from;
  private final byte[] to;
  private int index = -1;
  private InternalIterator current;

  LevelIterator(VersionSet versions, List<SstMeta> files, byte[] from, byte[] to) {
    this.versions = versions;
    this.files = files;
    this.from = from;
    this.to = to;
  }

  @Override
  public boolean next() {
    while (true) {
      if (current != null && current.next()) {
        return true;
      }
      if (++index >= files.size()) {
        current = null;
        return false;
      }
      current = versions.reader(files.get(index).fileNumber()).iterator(from, to);
    }
  }

  @Override
  public byte[] key() {
    return current.key();
  }

  @Override
  public long sequence() {
    return current.sequence();
  }

  @Override
  public byte[] value() {
    return current.value();
  }
}
