package dev.quaver.executor.profile;

import java.util.List;
import java.util.Locale;

/**
 * What one operator instance did while the statement ran: rows and batches it returned, time
 * spent in its {@code next()} (inclusive of its inputs, like PostgreSQL's actual time; for the
 * receiving end of an exchange that includes waiting for the producers), the peak of its
 * fragment instance's memory (Arrow + the statement's reserved heap) when it returned a batch,
 * and bytes it spilled. A node built several times (the inner side of a correlate, each instance
 * of a parallel fragment) has one profile per build; {@link #sum} adds them up.
 *
 * <p>Thread safety: confined to the thread running the operator; read after it closed.
 */
final class OperatorProfile {
  long rows;
  long batches;
  long nanos;
  long peakBytes;
  long spilledBytes;
  int instances = 1;

  /** The profiles of one node added up: sums, except the peak (the largest) and the time. */
  static OperatorProfile sum(List<OperatorProfile> profiles) {
    OperatorProfile total = new OperatorProfile();
    total.instances = 0;
    for (OperatorProfile profile : profiles) {
      total.rows += profile.rows;
      total.batches += profile.batches;
      total.nanos += profile.nanos;
      total.peakBytes = Math.max(total.peakBytes, profile.peakBytes);
      total.spilledBytes += profile.spilledBytes;
      total.instances += profile.instances;
    }
    return total;
  }

  /**
   * " actual_rows=.. batches=.. time=..ms peak_memory=..B spilled=..B", preceded by
   * " instances=n" when it ran in more than one fragment instance (time is then their sum).
   */
  String format() {
    return String.format(Locale.ROOT, "%s actual_rows=%d batches=%d time=%.3fms peak_memory=%dB spilled=%dB",
        instances > 1 ? " instances=" + instances : "", rows, batches, nanos / 1e6, peakBytes, spilledBytes);
  }
}
