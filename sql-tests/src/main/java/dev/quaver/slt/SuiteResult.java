package dev.quaver.slt;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a suite run: per-file results plus what the known-failures ratchet found.
 * The run succeeds when there is no unexpected failure, no fixed-but-listed record and no
 * file that could not be parsed. {@code wallNanos} is the whole run's wall-clock time and
 * {@code parallelism} the number of files that ran at the same time (0 and 1 when unknown):
 * with files in parallel, the suite's records/s is records over wall time, not the sum of the
 * files' own times. Immutable.
 */
public record SuiteResult(
    List<FileResult> files, List<RecordFailure> unexpectedFailures, List<String> fixedRecords,
    List<String> brokenFiles, long wallNanos, int parallelism) {
  private static final int MAX_LISTED = 200;

  public SuiteResult {
    files = List.copyOf(files);
    unexpectedFailures = List.copyOf(unexpectedFailures);
    fixedRecords = List.copyOf(fixedRecords);
    brokenFiles = List.copyOf(brokenFiles);
  }

  /** A result without wall-clock time (one file at a time). */
  public SuiteResult(
      List<FileResult> files, List<RecordFailure> unexpectedFailures, List<String> fixedRecords,
      List<String> brokenFiles) {
    this(files, unexpectedFailures, fixedRecords, brokenFiles, 0, 1);
  }

  /** Records that ran (passed or failed, without those a file budget left unrun). */
  public long ran() {
    return files.stream().mapToLong(FileResult::ran).sum();
  }

  /** Records that ran per second of wall-clock time (0 when the wall time is unknown). */
  public double wallRecordsPerSecond() {
    return wallNanos <= 0 ? 0 : ran() / (wallNanos / 1e9);
  }

  public int passed() {
    return files.stream().mapToInt(FileResult::passed).sum();
  }

  public int failed() {
    return files.stream().mapToInt(FileResult::failed).sum();
  }

  public int skipped() {
    return files.stream().mapToInt(FileResult::skipped).sum();
  }

  public boolean isSuccess() {
    return unexpectedFailures.isEmpty() && fixedRecords.isEmpty() && brokenFiles.isEmpty();
  }

  /** The closing line of a run. */
  public String summaryLine() {
    String line = passed() + " passed, " + failed() + " failed, " + skipped() + " skipped";
    if (wallNanos <= 0) {
      return line;
    }
    return line + String.format(java.util.Locale.ROOT, ", %.0f records/s in %.0f s wall time, %d file%s at a time",
        wallRecordsPerSecond(), wallNanos / 1e9, parallelism, parallelism == 1 ? "" : "s");
  }

  /** Every failure of the run in known-failures.txt form (to seed or refresh the list). */
  public String failuresAsKnownFailures() {
    return files.stream()
        .flatMap(f -> f.failures().stream())
        .map(f -> f.key() + " " + f.reason())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** Why the run failed, for an assertion message; empty when it succeeded. */
  public String problems() {
    StringBuilder out = new StringBuilder();
    for (String broken : brokenFiles) {
      out.append("unreadable file: ").append(broken).append('\n');
    }
    int shown = 0;
    for (RecordFailure failure : unexpectedFailures) {
      if (++shown > MAX_LISTED) {
        out.append("... and ").append(unexpectedFailures.size() - MAX_LISTED)
            .append(" more new failures\n");
        break;
      }
      out.append("new failure (not in known-failures.txt): ")
          .append(failure.key()).append(' ').append(failure.reason()).append('\n');
    }
    for (String fixed : fixedRecords) {
      out.append("now passes, remove from known-failures.txt: ").append(fixed).append('\n');
    }
    return out.toString();
  }
}
