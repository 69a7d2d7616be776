package dev.quaver.storage.etl;

import dev.quaver.storage.columnar.segment.SegmentOptions;
import java.util.Locale;
import java.util.Objects;

/**
 * Tuning of the ETL. {@link #defaults()} reads {@code quaver.etl.*} system properties:
 * {@code quaver.etl.mode} = {@code background} (default), {@code forced} (run after every
 * commit, in the committing thread: tests) or {@code disabled} (never on its own; OPTIMIZE TABLE
 * still runs it); {@code thresholdRows}, {@code intervalMillis}, {@code memoryBudgetBytes},
 * {@code mergeSegments}, {@code progressRows}. Immutable.
 *
 * @param mode when the ETL runs on its own
 * @param thresholdRows the background ETL runs for a table once this many of its rows changed
 *     since its watermark (or, before its first run, once it holds this many rows)
 * @param intervalMillis how often the background daemon looks at the tables
 * @param memoryBudgetBytes the sort spills sorted runs to disk past this many bytes
 * @param mergeSegments a partition's small or sparse segments are merged once it has this many
 * @param progressRows a running ETL logs its progress every this many rows
 * @param segments how segments are cut and encoded
 */
public record EtlOptions(Mode mode, long thresholdRows, long intervalMillis,
    long memoryBudgetBytes, int mergeSegments, long progressRows, SegmentOptions segments) {
  /** When the ETL runs without being asked. */
  public enum Mode { BACKGROUND, FORCED, DISABLED }

  public EtlOptions {
    Objects.requireNonNull(mode, "mode is null");
    Objects.requireNonNull(segments, "segments is null");
    if (thresholdRows < 1 || intervalMillis < 1 || memoryBudgetBytes < 1 || mergeSegments < 2
        || progressRows < 1) {
      throw new IllegalArgumentException("inconsistent ETL options");
    }
  }

  public static EtlOptions defaults() {
    return new EtlOptions(
        Mode.valueOf(System.getProperty("quaver.etl.mode", "background").toUpperCase(Locale.ROOT)),
        Long.getLong("quaver.etl.thresholdRows", 65536),
        Long.getLong("quaver.etl.intervalMillis", 1000),
        Long.getLong("quaver.etl.memoryBudgetBytes", 64L << 20),
        Integer.getInteger("quaver.etl.mergeSegments", 4),
        Long.getLong("quaver.etl.progressRows", 1_000_000),
        SegmentOptions.defaults());
  }

  public EtlOptions withMode(Mode newMode) {
    return new EtlOptions(newMode, thresholdRows, intervalMillis, memoryBudgetBytes, mergeSegments,
        progressRows, segments);
  }
}
