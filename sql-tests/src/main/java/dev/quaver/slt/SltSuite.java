package dev.quaver.slt;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs many files, one fresh database each, prints one line per file (and the first
 * {@value #DETAILED_FAILURES_PER_FILE} failures of a file in detail), a closing line, and
 * applies the known-failures ratchet.
 *
 * <p>Thread safety: confined to the calling thread.
 */
public final class SltSuite {
  static final int DETAILED_FAILURES_PER_FILE = 3;

  private final SltRunner runner;
  private final PrintStream out;

  public SltSuite(DatabaseProvider provider, Duration statementTimeout, PrintStream out) {
    this(provider, statementTimeout, null, out);
  }

  /** {@code fileBudget}: see {@link SltRunner#SltRunner(DatabaseProvider, Duration, Duration)}. */
  public SltSuite(
      DatabaseProvider provider, Duration statementTimeout, Duration fileBudget, PrintStream out) {
    this.runner = new SltRunner(provider, statementTimeout, fileBudget);
    this.out = out;
  }

  public SuiteResult run(List<SltFile> files, KnownFailures knownFailures) {
    List<FileResult> results = new ArrayList<>();
    List<RecordFailure> unexpected = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (SltFile file : files) {
      SltScript script;
      try {
        script = SltParser.parse(file.path(), file.name());
      } catch (Exception e) {
        out.println(file.name() + ": cannot be read: " + e.getMessage());
        broken.add(file.name() + ": " + e.getMessage());
        continue;
      }
      FileResult result = runner.run(script);
      results.add(result);
      out.println(result.summaryLine());
      List<RecordFailure> newFailures = knownFailures.unexpectedFailures(result);
      for (int i = 0; i < Math.min(DETAILED_FAILURES_PER_FILE, newFailures.size()); i++) {
        out.print(newFailures.get(i).describe());
      }
      unexpected.addAll(newFailures);
      fixed.addAll(knownFailures.fixedRecords(result));
      out.flush();
    }
    SuiteResult suite = new SuiteResult(results, unexpected, fixed, broken);
    out.println(suite.summaryLine());
    if (!suite.isSuccess()) {
      out.print(suite.problems());
    }
    out.flush();
    return suite;
  }
}
