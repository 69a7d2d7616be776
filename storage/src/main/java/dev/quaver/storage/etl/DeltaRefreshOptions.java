package dev.quaver.storage.etl;

/**
 * Tuning of the background step that precomputes, after commits, what the next columnar scan of
 * a table needs beyond its segments ({@link DeltaRefresher}, docs/columnar.md "Precomputed
 * superseded rows"). {@link #defaults()} reads {@code quaver.columnar.deltaRefresh} (true),
 * {@code quaver.columnar.deltaPollMillis} (10), {@code quaver.columnar.deltaQuietMillis} (100),
 * {@code quaver.columnar.deltaMaxDelayMillis} (5000) and {@code quaver.columnar.deltaMaxRows}
 * (262,144). Immutable.
 *
 * @param enabled whether the step runs at all (off: the first scan after changes computes it)
 * @param pollMillis how often the step looks at the visible sequence (a volatile read)
 * @param quietMillis a burst of commits counts as over once none was seen for this long
 * @param maxDelayMillis under a steady stream of commits, the step still runs this often
 * @param maxRows the most changed keys per table the step holds decoded in memory; a larger
 *     delta is left to the next scan (which computes it as without the step)
 */
public record DeltaRefreshOptions(boolean enabled, long pollMillis, long quietMillis,
    long maxDelayMillis, long maxRows) {
  public DeltaRefreshOptions {
    if (pollMillis < 1 || quietMillis < 0 || maxDelayMillis < 1 || maxRows < 0) {
      throw new IllegalArgumentException("inconsistent delta refresh options");
    }
  }

  public static DeltaRefreshOptions defaults() {
    return new DeltaRefreshOptions(
        Boolean.parseBoolean(System.getProperty("quaver.columnar.deltaRefresh", "true")),
        Long.getLong("quaver.columnar.deltaPollMillis", 10),
        Long.getLong("quaver.columnar.deltaQuietMillis", 100),
        Long.getLong("quaver.columnar.deltaMaxDelayMillis", 5000),
        Long.getLong("quaver.columnar.deltaMaxRows", 262_144));
  }
}
