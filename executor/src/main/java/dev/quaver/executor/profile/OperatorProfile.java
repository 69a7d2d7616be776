package dev.quaver.executor.profile;

import java.util.Locale;

/**
 * What one plan node did while the statement ran: rows and batches it returned, time spent in
 * its {@code next()} (inclusive of its inputs, like PostgreSQL's actual time), the peak of the
 * statement's memory (Arrow + reserved heap) when it returned a batch, and bytes it spilled.
 * A node built several times (the inner side of a correlate) adds up.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class OperatorProfile {
  long rows;
  long batches;
  long nanos;
  long peakBytes;
  long spilledBytes;
  int instances;

  /** " actual_rows=.. batches=.. time=..ms peak_memory=..B spilled=..B". */
  String format() {
    return String.format(Locale.ROOT, " actual_rows=%d batches=%d time=%.3fms peak_memory=%dB spilled=%dB",
        rows, batches, nanos / 1e6, peakBytes, spilledBytes);
  }
}
