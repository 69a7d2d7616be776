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

  public double recordsPerSecond() {
    double seconds = elapsedNanos / 1e9;
    return seconds <= 0 ? 0 : (passed + failed) / seconds;
  }

  /** The one line printed per file. */
  public String summaryLine() {
    return String.format(
        "%s: %d passed, %d failed, %d skipped, %.0f records/s",
        name, passed, failed, skipped, recordsPerSecond());
  }
}
