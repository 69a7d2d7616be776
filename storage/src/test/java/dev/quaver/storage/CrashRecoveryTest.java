package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.TableDef;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process (SIGKILL) in the middle of its commits, twice, and checks that
 * recovery keeps every acknowledged commit and that the table is a gap-free prefix of the
 * writes (each commit is all or nothing). A short run; longer campaigns belong elsewhere.
 */
class CrashRecoveryTest {
  @TempDir Path directory;

  @Test
  void acknowledgedCommitsSurviveKill() throws Exception {
    int acknowledged = -1;
    for (int round = 0; round < 2; round++) {
      acknowledged = Math.max(acknowledged, runAndKill(acknowledged + 200));
      try (StorageEngine engine = Storage.open(StorageConfig.defaults(directory))) {
        TableDef table = engine.catalog().table("T").orElseThrow();
        List<List<Object>> rows = EngineTestSupport.rows(engine, table);
        assertThat(rows.size()).isGreaterThan(acknowledged);
        for (int i = 0; i < rows.size(); i++) {
          assertThat(rows.get(i)).isEqualTo(List.of(i, "r" + (i % 1000), (long) i));
        }
        acknowledged = rows.size() - 1;
      }
    }
  }

  /** Runs the writer until it acknowledged {@code target}, kills it, returns the last ack. */
  private int runAndKill(int target) throws Exception {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        CrashWriterMain.class.getName(), directory.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    int last = -1;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        last = Integer.parseInt(line.substring(4));
        if (last >= target) {
          process.destroyForcibly();
          break;
        }
      }
    } finally {
      process.destroyForcibly();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    return last;
  }
}
