package dev.quaver.storage.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.columnar.segment.ManifestFile;
import dev.quaver.storage.columnar.segment.TableManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lazily written manifest (forced ETL mode) replaces the old one atomically, and compaction's
 * view of obsolete change-log entries syncs it first, so entries are dropped only up to a
 * watermark that a restart can no longer go below (docs/formats/segment.md §6).
 */
class LazyManifestTest {
  @TempDir Path root;

  @Test
  void lazyManifestIsReadBackAndSyncedBeforeChangesAreDropped() throws Exception {
    ColumnarStore store = ColumnarStore.open(root, Map.of());
    long table = 42;
    Files.createDirectories(store.tableDirectory(table));
    store.track(table);
    publish(store, table, 10, true);
    assertThat(obsolete(store.obsoleteChanges(), table, 10)).isTrue();
    assertThat(obsolete(store.obsoleteChanges(), table, 11)).isFalse();

    publish(store, table, 20, false);
    assertThat(ManifestFile.read(store.tableDirectory(table)).orElseThrow().watermark())
        .isEqualTo(20);
    assertThat(Files.exists(store.tableDirectory(table).resolve(ManifestFile.NAME + ".tmp")))
        .isFalse();
    Predicate<byte[]> obsolete = store.obsoleteChanges(); // syncs the lazy manifest first
    assertThat(obsolete(obsolete, table, 20)).isTrue();
    assertThat(obsolete(obsolete, table, 21)).isFalse();
    assertThat(obsolete(obsolete, table + 1, 1)).as("untracked table").isTrue();
  }

  private static void publish(ColumnarStore store, long table, long watermark, boolean durable)
      throws Exception {
    TableManifest manifest = new TableManifest(table, watermark, 7, 1, List.of(), 0, 0);
    store.writeManifest(manifest, durable);
    store.publish(table, ColumnarStore.openVersion(store.tableDirectory(table), manifest, false));
  }

  private static boolean obsolete(Predicate<byte[]> obsolete, long table, long sequence) {
    return obsolete.test(ChangeLog.key(table, sequence, new byte[] {1, 2, 3}));
  }
}
