package dev.quaver.bench.olap;

/**
 * What one query did on one engine: its median and fastest times over the measured repetitions, the
 * normalized result of the last run, or the error / timeout that stopped it.
 */
record Outcome(Status status, double medianMs, double minMs, Results results, String message) {
  enum Status { OK, ERROR, TIMEOUT }

  static Outcome ok(double medianMs, double minMs, Results results) {
    return new Outcome(Status.OK, medianMs, minMs, results, "");
  }

  static Outcome failed(Status status, String message) {
    return new Outcome(status, Double.NaN, Double.NaN, null, message);
  }

  boolean completed() {
    return status == Status.OK;
  }
}
