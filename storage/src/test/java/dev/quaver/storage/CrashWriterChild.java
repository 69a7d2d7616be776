package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashWriterMain} child JVM over one data directory, for the kill -9 tests
 * ({@link CrashRecoveryTest}, {@link ColumnarCrashTest}): starts it with the test's system
 * properties, reads its "ack N" lines, and kills it (SIGKILL) when closed.
 *
 * <p>Thread safety: confined to the test thread.
 */
final class CrashWriterChild implements AutoCloseable {
  private final Process process;
  private final BufferedReader acks;

  private CrashWriterChild(Process process) {
    this.process = process;
    this.acks = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts the writer on {@code directory} with the test's class path, a fast-starting JIT
   * setting and {@code jvmOptions} (system properties that shrink memtables, segments and so
   * on); its standard error goes to {@code stderr}.
   */
  static CrashWriterChild start(Path directory, ProcessBuilder.Redirect stderr, String... jvmOptions)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        CrashWriterMain.class.getName(), directory.toString()));
    return new CrashWriterChild(new ProcessBuilder(command).redirectError(stderr).start());
  }

  /**
   * Reads acknowledgements until one reaches {@code target} or the child's output ends; returns
   * the last one read, -1 when none was.
   */
  int awaitAck(int target) throws IOException {
    int last = -1;
    for (String line = acks.readLine(); line != null; line = acks.readLine()) {
      last = Integer.parseInt(line.substring(4));
      if (last >= target) {
        break;
      }
    }
    return last;
  }

  /** Kills the child (SIGKILL) and waits for it to end. */
  @Override
  public void close() throws Exception {
    process.destroyForcibly();
    try {
      acks.close();
    } finally {
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }
}
