package dev.quaver.storage.lsm.compaction;

import dev.quaver.storage.lsm.InternalIterator;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.storage.lsm.MergingIterator;
import dev.quaver.storage.lsm.Version;
import dev.quaver.storage.lsm.VersionSet;
import dev.quaver.storage.lsm.sst.SstMeta;
import dev.quaver.storage.lsm.sst.SstWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs leveled compactions on a background thread ({@code quaver-lsm-compaction}): picks a
 * compaction ({@link CompactionPicker}), merges its input files, keeps what
 * {@link CompactionFilter} keeps, writes output files of about {@code targetFileBytes} (a user
 * key's versions never span two files) at the {@link RateLimiter}'s pace, records the new
 * version in the manifest, and leaves the input files to be deleted once no reader pins them. A
 * single file with nothing to merge below is moved down without rewriting.
 *
 * <p>Thread safety: one compaction at a time (the background thread, or {@link #compactAll}
 * under the same monitor); {@link #wakeUp} and {@link #close} from any thread.
 */
public final class Compactor implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Compactor.class.getName());

  private final VersionSet versions;
  private final LsmOptions options;
  private final LongSupplier horizon;
  private final Consumer<Throwable> onFailure;
  private volatile Supplier<Predicate<byte[]>> obsoleteKeys = () -> null;
  private final CompactionPicker picker;
  private final RateLimiter limiter;
  private final Thread thread;
  private final Object wake = new Object();
  private final Object running = new Object();
  private final AtomicLong bytesWritten = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  private volatile boolean closed;
  private boolean signalled; // guarded by wake

  public Compactor(VersionSet versions, LsmOptions options, LongSupplier horizon,
      Consumer<Throwable> onFailure) {
    this.versions = versions;
    this.options = options;
    this.horizon = horizon;
    this.onFailure = onFailure;
    this.picker = new CompactionPicker(options);
    this.limiter = new RateLimiter(options.compactionBytesPerSecond());
    this.thread = new Thread(this::run, "quaver-lsm-compaction");
    this.thread.setDaemon(true);
  }

  /**
   * Sets where each compaction gets its filter of keys to drop entirely (dropped tables); the
   * supplier is asked once per compaction, the predicate used on its thread only.
   */
  public void setObsoleteKeys(Supplier<Predicate<byte[]>> obsoleteKeys) {
    this.obsoleteKeys = obsoleteKeys;
  }

  public void start() {
    thread.start();
  }

  public void wakeUp() {
    synchronized (wake) {
      signalled = true;
      wake.notifyAll();
    }
  }

  /** Bytes of SSTables written by compactions (for write amplification). */
  public long bytesWritten() {
    return bytesWritten.get();
  }

  public long bytesRead() {
    return bytesRead.get();
  }

  public long compactions() {
    return compactions.get();
  }

  /**
   * Compacts every level into the next, top to bottom, regardless of scores, rewriting every
   * file (no moves), so all garbage is dropped (tests, tools).
   */
  public void compactAll() throws IOException {
    synchronized (running) {
      for (int level = 0; level < Version.LEVELS - 1; level++) {
        CompactionPicker.Compaction compaction = picker.forLevel(versions.current(), level);
        while (compaction != null) {
          run(compaction, false, false);
          compaction = level == 0 ? null : picker.forLevel(versions.current(), level);
          if (compaction != null && versions.current().level(level).isEmpty()) {
            compaction = null;
          }
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    wakeUp();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (!closed) {
      try {
        boolean worked;
        synchronized (running) {
          CompactionPicker.Compaction compaction = picker.pick(versions.current());
          worked = compaction != null;
          if (worked) {
            run(compaction, true, true);
          }
        }
        if (!worked) {
          synchronized (wake) {
            if (!signalled) {
              wake.wait(100);
            }
            signalled = false;
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (Throwable e) {
        onFailure.accept(e);
        return;
      }
    }
  }

  private void run(CompactionPicker.Compaction compaction, boolean throttled, boolean allowMove)
      throws IOException {
    long started = System.nanoTime();
    List<SstMeta> inputs = new ArrayList<>(compaction.upper());
    inputs.addAll(compaction.lower());
    int outputLevel = compaction.outputLevel();
    if (allowMove && compaction.upper().size() == 1 && compaction.lower().isEmpty()) {
      SstMeta moved = compaction.upper().get(0);
      versions.logAndApply(v -> replace(v, compaction.level(), Set.of(moved), outputLevel,
          List.of(moved)), null);
      compactions.incrementAndGet();
      return;
    }
    Version pinned = versions.acquire();
    List<SstMeta> outputs = new ArrayList<>();
    List<Long> written = new ArrayList<>();
    try {
      List<InternalIterator> sources = new ArrayList<>();
      for (SstMeta file : inputs) {
        sources.add(versions.reader(file.fileNumber()).iterator(new byte[0], null));
        bytesRead.addAndGet(file.fileSize());
      }
      try (CompactionFilter merged = new CompactionFilter(new MergingIterator(sources),
          horizon.getAsLong(), compaction.bottommost(), obsoleteKeys.get())) {
        SstWriter writer = null;
        byte[] lastKey = null;
        try {
          while (merged.next()) {
            byte[] key = merged.key();
            if (writer != null && writer.estimatedSize() >= options.targetFileBytes()
                && !Arrays.equals(key, lastKey)) {
              outputs.add(writer.finish());
              writer = null;
            }
            if (writer == null) {
              long number = versions.newFileNumber();
              written.add(number);
              writer = new SstWriter(versions.filePath(number), number,
                  throttled ? limiter::acquire : null);
            }
            writer.add(key, merged.sequence(), merged.value());
            lastKey = key;
          }
          if (writer != null) {
            outputs.add(writer.finish());
            writer = null;
          }
        } finally {
          if (writer != null) {
            writer.close();
          }
        }
      }
      Set<SstMeta> removed = new HashSet<>(inputs);
      versions.logAndApply(v -> {
        List<List<SstMeta>> levels = replace(v, compaction.level(), removed, outputLevel, outputs);
        return levels;
      }, null);
    } catch (IOException | RuntimeException e) {
      for (long number : written) {
        Files.deleteIfExists(versions.filePath(number));
      }
      throw e;
    } finally {
      versions.release(pinned);
    }
    long out = outputs.stream().mapToLong(SstMeta::fileSize).sum();
    bytesWritten.addAndGet(out);
    compactions.incrementAndGet();
    LOG.log(System.Logger.Level.DEBUG, () -> String.format(
        "compacted L%d+L%d: %d files -> %d files (%d bytes) in %d ms; now %s",
        compaction.level(), outputLevel, inputs.size(), outputs.size(), out,
        (System.nanoTime() - started) / 1_000_000, versions.current()));
  }

  private static List<List<SstMeta>> replace(Version version, int level, Set<SstMeta> removed,
      int outputLevel, List<SstMeta> added) {
    List<List<SstMeta>> levels = version.mutableLevels();
    levels.get(level).removeAll(removed);
    levels.get(outputLevel).removeAll(removed);
    levels.get(outputLevel).addAll(added);
    levels.get(outputLevel).sort((a, b) -> Arrays.compareUnsigned(a.smallest(), b.smallest()));
    return levels;
  }
}
