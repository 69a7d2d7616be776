package dev.quaver.slt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command line: runs .test files against a running server.
 *
 * <pre>
 * java -cp quaver-sql-tests.jar:quaver-jdbc.jar dev.quaver.slt.SltMain \
 *     --url jdbc:quaver://127.0.0.1:5488/quaver [--user quaver] [--password quaver] \
 *     [--timeout-seconds 10] [--known-failures FILE] [--root DIR] FILE_OR_DIR...
 * </pre>
 *
 * Directories are searched for {@code *.test}. Names in reports are relative to {@code --root}
 * (default: the current directory). Exit code 0 when the ratchet holds, 1 otherwise, 2 on bad
 * arguments.
 */
public final class SltMain {
  private SltMain() {}

  public static void main(String[] args) throws Exception {
    String url = null;
    String user = "quaver";
    String password = "quaver";
    Duration timeout = Duration.ofSeconds(10);
    Path knownFailures = null;
    Path root = Path.of("").toAbsolutePath();
    List<Path> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--user" -> user = args[++i];
        case "--password" -> password = args[++i];
        case "--timeout-seconds" -> timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
        case "--known-failures" -> knownFailures = Path.of(args[++i]);
        case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
        default -> inputs.add(Path.of(args[i]).toAbsolutePath());
      }
    }
    if (url == null || inputs.isEmpty()) {
      System.err.println("usage: SltMain --url JDBC_URL [--user U] [--password P]"
          + " [--timeout-seconds S] [--known-failures FILE] [--root DIR] FILE_OR_DIR...");
      System.exit(2);
    }
    List<SltFile> files = new ArrayList<>();
    for (Path input : inputs) {
      files.addAll(findTestFiles(root, input));
    }
    try (DatabaseProvider provider = new ExternalServerProvider(url, user, password)) {
      SuiteResult result = new SltSuite(provider, timeout, System.out)
          .run(files, KnownFailures.load(knownFailures));
      System.exit(result.isSuccess() ? 0 : 1);
    }
  }

  /** {@code input} itself, or every {@code *.test} under it in name order. */
  public static List<SltFile> findTestFiles(Path root, Path input) throws java.io.IOException {
    return findTestFiles(root, input, false);
  }

  /** Like {@link #findTestFiles(Path, Path)}, adding {@code *.test_slow} when asked. */
  public static List<SltFile> findTestFiles(Path root, Path input, boolean includeSlow)
      throws java.io.IOException {
    if (!Files.isDirectory(input)) {
      return List.of(SltFile.under(root, input, ""));
    }
    try (Stream<Path> paths = Files.walk(input)) {
      return paths.filter(p -> p.toString().endsWith(".test")
              || (includeSlow && p.toString().endsWith(".test_slow")))
          .sorted()
          .map(p -> SltFile.under(root, p, ""))
          .toList();
    }
  }
}
