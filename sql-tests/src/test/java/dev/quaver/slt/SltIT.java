package dev.quaver.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs sqllogictest files through the JDBC driver against a fresh in-process server per file:
 * select1-5 of the SQLite corpus (vendored in slt-corpus/, or the list named by
 * {@code -Dquaver.slt.list}) and Quaver's own files under src/test/resources/sql. See
 * docs/slt.md for the properties. Every failure of a run is also written to
 * target/slt-failures-*.txt in known-failures.txt form.
 */
class SltIT {
  private static final Duration STATEMENT_TIMEOUT =
      Duration.ofSeconds(Long.getLong("quaver.slt.timeout.seconds", 10));
  /** Bounds each file, so that a slow engine fails CI in minutes rather than hours. */
  private static final Duration FILE_BUDGET =
      Duration.ofSeconds(Long.getLong("quaver.slt.file.budget.seconds", 600));
  /**
   * Files run at the same time (each on its own fresh server): {@code -Dquaver.slt.parallel=N},
   * by default the number of cores; 1 runs them one after the other.
   */
  private static final int PARALLEL = Integer.getInteger("quaver.slt.parallel",
      Runtime.getRuntime().availableProcessors());

  @Test
  void sqliteCorpus() throws Exception {
    assertPasses(corpusFiles(), "corpus");
  }

  @Test
  void quaverFiles() throws Exception {
    Path own = Path.of(System.getProperty("quaver.slt.own.dir", "src/test/resources/sql"));
    List<SltFile> files = new ArrayList<>();
    boolean includeSlow = Boolean.getBoolean("quaver.slt.slow");
    for (SltFile file : SltMain.findTestFiles(own, own, includeSlow)) {
      files.add(new SltFile(file.path(), "sql/" + file.name()));
    }
    assertThat(files).as("Quaver's own .test files").isNotEmpty();
    assertPasses(filtered(files), "quaver");
  }

  /**
   * Issue #7: the same results under every forced planner strategy. The corpus files named by
   * {@code -Dquaver.slt.strategies.list} (comma-separated; the pom's default is a subset with
   * joins and GROUP BY, small enough for CI) run once per forced choice, on connections that
   * first SET it. The whole CI tier under one choice: {@code -Dquaver.slt.settings=...} on the
   * ordinary run (docs/cost-model.md §6).
   */
  @Test
  void forcedStrategies() throws Exception {
    String list = System.getProperty("quaver.slt.strategies.list", "").trim();
    Assumptions.assumeFalse(list.isEmpty(), "no -Dquaver.slt.strategies.list");
    Path corpus = Path.of(System.getProperty("quaver.slt.dir", "../../shared/sqllogictest"));
    Path vendored = Path.of(System.getProperty("quaver.slt.vendored.dir", "slt-corpus"));
    List<SltFile> files = new ArrayList<>();
    for (String name : list.split(",")) {
      if (!name.isBlank()) {
        files.add(new SltFile(located(corpus, vendored, name.trim()), name.trim()));
      }
    }
    for (String settings : FORCED_STRATEGIES) {
      System.out.println("SltIT forced strategy: " + settings);
      assertPasses(files, "strategy-" + settings.replaceAll("[^a-z0-9]+", "-"),
          new InProcessServerProvider(settings));
    }
  }

  /** One forced choice at a time (the others on their default, auto). */
  static final List<String> FORCED_STRATEGIES = List.of("join_distribution=broadcast",
      "join_distribution=shuffle", "aggregation_phases=one", "aggregation_phases=two");

  private static void assertPasses(List<SltFile> files, String tag) throws Exception {
    assertPasses(files, tag, new InProcessServerProvider());
  }

  private static void assertPasses(List<SltFile> files, String tag, DatabaseProvider databases)
      throws Exception {
    KnownFailures known = KnownFailures.load(Path.of(System.getProperty(
        "quaver.slt.known.failures", "src/test/resources/slt/known-failures.txt")));
    SuiteResult result;
    try (DatabaseProvider provider = databases) {
      result = new SltSuite(provider, STATEMENT_TIMEOUT, FILE_BUDGET, System.out, Math.max(1, PARALLEL))
          .run(files, known);
    }
    Path report = Path.of("target", "slt-failures-" + tag + ".txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, result.failuresAsKnownFailures(), StandardCharsets.UTF_8);
    String conformance = System.getProperty("quaver.slt.conformance.report", "").trim();
    if (!conformance.isEmpty() && tag.equals("corpus")) {
      String list = System.getProperty("quaver.slt.list", "").trim();
      String command = "mvn -B -o -pl sql-tests verify -Dit.test=SltIT"
          + (list.equals("full-list.txt") ? " -Pslt-full" : list.equals("ci-list.txt") ? " -Pslt-ci"
              : " -Dquaver.slt.list=" + list + " -Dquaver.slt.conformance.report=" + conformance)
          + " (list: " + (list.isEmpty() ? "select1-5" : list) + ", " + result.files().size() + " files)";
      Files.writeString(Path.of(conformance), ConformanceReport.render(result, command, commit(),
          java.time.Instant.now()), StandardCharsets.UTF_8);
    }
    assertThat(result.isSuccess()).as(result.summaryLine() + "\n" + result.problems()).isTrue();
  }

  /** The repository's HEAD commit, for the conformance report ("unknown" without git). */
  private static String commit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
          .directory(new java.io.File(System.getProperty("quaver.repo.dir", ".")))
          .redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  /** select1-5 (vendored), or the shared corpus files named by -Dquaver.slt.list. */
  private static List<SltFile> corpusFiles() throws IOException {
    String list = System.getProperty("quaver.slt.list", "").trim();
    List<SltFile> files = new ArrayList<>();
    if (list.isEmpty()) {
      Path vendored = Path.of(System.getProperty("quaver.slt.vendored.dir", "slt-corpus"));
      for (int i = 1; i <= 5; i++) {
        files.add(new SltFile(vendored.resolve("select" + i + ".test"), "select" + i + ".test"));
      }
      return filtered(files);
    }
    Path corpus = Path.of(System.getProperty("quaver.slt.dir", "../../shared/sqllogictest"));
    Path vendored = Path.of(System.getProperty("quaver.slt.vendored.dir", "slt-corpus"));
    List<String> names = list.endsWith(".txt")
        ? Files.readAllLines(located(corpus, vendored, list), StandardCharsets.UTF_8)
        : List.of(list.split(","));
    for (String name : names) {
      String trimmed = name.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        files.add(new SltFile(located(corpus, vendored, trimmed), trimmed));
      }
    }
    return filtered(files);
  }

  /**
   * A corpus file from the shared corpus, or else from the vendored copy (slt-corpus/ holds the
   * CI tier, so that a clean clone without ../shared runs -Pslt-ci too).
   */
  private static Path located(Path corpus, Path vendored, String name) {
    Path shared = corpus.resolve(name);
    if (Files.exists(shared)) {
      return shared;
    }
    return vendored.resolve(name);
  }

  private static List<SltFile> filtered(List<SltFile> files) {
    String filter = System.getProperty("quaver.slt.filter", "").trim();
    if (filter.isEmpty()) {
      return files;
    }
    return files.stream().filter(f -> f.name().contains(filter)).toList();
  }
}
