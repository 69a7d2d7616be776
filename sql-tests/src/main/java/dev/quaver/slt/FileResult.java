package dev.quaver.slt;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What running one file gave: counts, the failures, and the lines of the records that passed
 * (the ratchet needs them to notice a known failure that now passes). Immutable.
 */
public record FileResult(
    String name, int passed, int failed, int skipped, long elapsedNanos,
    List<RecordFailure> failures, Set<Integer> passedLines) {
  public FileResult {
    Objects.requireNonNull(name, "name is null");
    failures = List.copyOf(failures);
    passedLines = java.util.Collections.unmodifiableSet(new TreeSet<>(passedLines));
  }

  /** Records that ran (passed or failed), per second; records left unrun by the budget don't count. */
  public double recordsPerSecond() {
    double seconds = elapsedNanos / 1e9;
    return seconds <= 0 ? 0 : ran() / seconds;
  }

  /** Failures that are not "not run" (the file's time budget was spent before they started). */
  public int notRun() {
    return (int) failures.stream().filter(f -> f.reason().startsWith(SltRunner.NOT_RUN)).count();
  }

  /** Records that ran: passed plus failed, without those the budget left unrun. */
  public int ran() {
    return passed + failed - notRun();
  }

  /** The one line printed per file. */
  public String summaryLine() {
    return String.format(
        "%s: %d passed, %d failed, %d skipped, %.0f records/s",
        name, passed, failed, skipped, recordsPerSecond());
  }
}
