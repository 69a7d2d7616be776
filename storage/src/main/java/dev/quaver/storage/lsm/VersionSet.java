package dev.quaver.storage.lsm;

import dev.quaver.storage.lsm.sst.BlockCache;
import dev.quaver.storage.lsm.sst.SstFormat;
import dev.quaver.storage.lsm.sst.SstMeta;
import dev.quaver.storage.lsm.sst.SstReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The current {@link Version} of the SSTable tree, the manifest that records it, and the life
 * cycle of SSTable files. Every change ({@link #logAndApply}) is first appended to the manifest
 * and then installed. Readers {@link #acquire} the current version and {@link #release} it; a file
 * is closed and deleted once no version that lists it is current or pinned, so a running scan
 * keeps the files it reads even after a compaction replaced them.
 *
 * <p>Thread safety: {@link #logAndApply} is serialized by {@code editLock}; version references and
 * file reference counts are guarded by {@code this}.
 */
public final class VersionSet implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(VersionSet.class.getName());

  private final Path directory;
  private final BlockCache cache;
  private final Manifest manifest;
  private final Object editLock = new Object();
  private final AtomicLong nextFileNumber;
  private final Map<Long, Integer> fileRefs = new HashMap<>(); // guarded by this
  private final Map<Long, SstReader> readers = new HashMap<>(); // guarded by this
  private Version current; // guarded by this
  private ManifestState recorded; // guarded by editLock

  /** Opens the files of {@code state} and starts a new manifest file recording it. */
  public VersionSet(Path directory, BlockCache cache, ManifestState state) throws IOException {
    this.directory = directory;
    this.cache = cache;
    this.nextFileNumber = new AtomicLong(state.nextFileNumber());
    Version initial = new Version(state.levels());
    try {
      synchronized (this) {
        install(initial);
      }
      this.recorded = state;
      this.manifest = Manifest.create(directory, state);
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        for (SstReader reader : readers.values()) {
          reader.close();
        }
        readers.clear();
      }
      throw e;
    }
  }

  public Path directory() {
    return directory;
  }

  public long newFileNumber() {
    return nextFileNumber.getAndIncrement();
  }

  public Path filePath(long fileNumber) {
    return directory.resolve(SstFormat.fileName(fileNumber));
  }

  /** The current version, pinned until {@link #release}. */
  public synchronized Version acquire() {
    current.refs++;
    return current;
  }

  /** Unpins a version; deletes the files nobody uses any more. */
  public synchronized void release(Version version) {
    if (--version.refs == 0) {
      unref(version);
    }
  }

  /** The current version without pinning it (for decisions, not for reading files). */
  public synchronized Version current() {
    return current;
  }

  public synchronized SstReader reader(long fileNumber) {
    SstReader reader = readers.get(fileNumber);
    if (reader == null) {
      throw new IllegalStateException("SSTable " + fileNumber + " is not open");
    }
    return reader;
  }

  /** The flush point and catalog last recorded. */
  public ManifestState recorded() {
    synchronized (editLock) {
      return recorded;
    }
  }

  /**
   * Records and installs a change: {@code edit} computes the new levels from the current version
   * (called under the edit lock, so edits never interleave); {@code flushPoint}, if not null,
   * replaces the recorded flush point (flushedSequence, logNumber, catalog, row ids).
   */
  public Version logAndApply(java.util.function.Function<Version, List<List<SstMeta>>> edit,
      ManifestState flushPoint) throws IOException {
    synchronized (editLock) {
      Version next = new Version(edit.apply(current()));
      ManifestState base = flushPoint != null ? flushPoint : recorded;
      ManifestState state = new ManifestState(nextFileNumber.get(), base.flushedSequence(),
          base.logNumber(), base.catalog(), base.rowIds(), next.levels());
      manifest.append(state);
      recorded = state;
      synchronized (this) {
        install(next);
      }
      return next;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    manifest.close();
    for (SstReader reader : readers.values()) {
      reader.close();
    }
    readers.clear();
  }

  // Requires: holding this.
  private void install(Version next) throws IOException {
    for (List<SstMeta> level : next.levels()) {
      for (SstMeta file : level) {
        if (fileRefs.merge(file.fileNumber(), 1, Integer::sum) == 1 && !readers.containsKey(file.fileNumber())) {
          readers.put(file.fileNumber(), new SstReader(filePath(file.fileNumber()), file.fileNumber(), cache));
        }
      }
    }
    next.refs++;
    Version old = current;
    current = next;
    if (old != null) {
      release(old);
    }
  }

  // Requires: holding this.
  private void unref(Version version) {
    for (List<SstMeta> level : version.levels()) {
      for (SstMeta file : level) {
        if (fileRefs.merge(file.fileNumber(), -1, Integer::sum) == 0) {
          fileRefs.remove(file.fileNumber());
          SstReader reader = readers.remove(file.fileNumber());
          try {
            if (reader != null) {
              reader.close();
            }
            Files.deleteIfExists(filePath(file.fileNumber()));
          } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete obsolete SSTable "
                + file.fileNumber() + ": " + e.getMessage());
          }
        }
      }
    }
  }

  /**
   * Deletes SSTable files no version lists (leftovers of a crash during a flush or compaction)
   * and makes sure new file numbers are above every number on disk. Call only at open, before
   * any flush or compaction runs.
   */
  public void deleteOrphans() throws IOException {
    try (var files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        long number = SstFormat.fileNumber(f);
        boolean live;
        synchronized (this) {
          live = fileRefs.containsKey(number);
        }
        if (number >= 0 && !live) {
          nextFileNumber.accumulateAndGet(number + 1, Math::max);
          Files.deleteIfExists(f);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
