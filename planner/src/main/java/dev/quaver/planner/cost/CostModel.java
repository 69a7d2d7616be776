package dev.quaver.planner.cost;

import dev.quaver.planner.physical.Field;
import java.util.List;

/**
 * The formulas and constants of Quaver's cost model (docs/cost-model.md). A cost is an estimate
 * of work in nanoseconds of one core of this machine; the per-row constants were calibrated by
 * {@code bench/run-calibration.sh} (OperatorCalibration: Quaver's own operators through the
 * server, process CPU time per input row) on a quiet machine, 2026-11-28 17:52 UTC, load 1.9-3.1,
 * after the vectorized aggregation and joins of #6 (docs/cost-model.md §2 has the raw figures);
 * where that run's derivation was below its noise (hash probe ≈ 0, exchange byte < 0) the earlier
 * value is kept; the memory constant is one. Network bytes are weighted as the in-process exchange
 * moves them (a copy into a new batch); memory held by hash tables is weighted so that a plan
 * that builds the same table on every partition pays for it. Stateless.
 */
public final class CostModel {
  /** Rows assumed for a table without statistics: large, so that it is never broadcast. */
  public static final double UNKNOWN_TABLE_ROWS = 1_000_000;
  /** Reading one row of a scan (decode, visibility, batch building), ns. */
  public static final double SCAN_ROW = 28;
  /** Reading one byte of a scan, ns. */
  public static final double SCAN_BYTE = 2;
  /** Evaluating one predicate or projection expression over one row, ns. */
  public static final double EXPRESSION_ROW = 43;
  /** Inserting one row into a hash table (join build 244, aggregation group 137 measured: their mean), ns. */
  public static final double HASH_BUILD_ROW = 190;
  /** Probing a hash table with one row, ns. */
  public static final double HASH_PROBE_ROW = 30;
  /** Emitting one output row of a join or aggregation, ns. */
  public static final double OUTPUT_ROW = 47;
  /** Moving one byte through an exchange (serialize, copy, deserialize), ns. */
  public static final double EXCHANGE_BYTE = 2;
  /** Moving one row through an exchange (hashing, routing), ns. */
  public static final double EXCHANGE_ROW = 128;
  /** Holding one byte of a hash table (build side) in memory: allocation and cache misses, ns. */
  public static final double MEMORY_BYTE = 1;
  /** Comparing two rows while sorting, ns (times log2 rows per row). */
  public static final double SORT_COMPARE = 85;
  /** Receivers of a broadcast (and partitions of a shuffle) when no table says. */
  public static final int DEFAULT_PARTITIONS = 4;

  private CostModel() {}

  /** Scan: every row and every byte read once (callers pass the rows zone-map pruning keeps). */
  public static double scan(double rows, double bytes) {
    return rows * SCAN_ROW + bytes * SCAN_BYTE;
  }

  /** Filter or project: {@code expressions} evaluated per input row. */
  public static double expressions(double rows, int expressions) {
    return rows * EXPRESSION_ROW * Math.max(1, expressions);
  }

  /**
   * Hash join: build the right side ({@code builds} copies of it: one per partition when it was
   * broadcast), probe with the left, emit the output; the build tables held in memory.
   */
  public static double hashJoin(double buildRows, double buildBytes, double probeRows, double outputRows,
      int builds) {
    return builds * (buildRows * HASH_BUILD_ROW + buildBytes * MEMORY_BYTE)
        + probeRows * HASH_PROBE_ROW + outputRows * OUTPUT_ROW;
  }

  /** Nested-loop join: every pair evaluated. */
  public static double nestedLoopJoin(double leftRows, double rightRows, double outputRows) {
    return leftRows * rightRows * EXPRESSION_ROW + outputRows * OUTPUT_ROW;
  }

  /** Exchange moving {@code rows} rows of {@code bytes} bytes, {@code copies} times (broadcast: receivers). */
  public static double exchange(double rows, double bytes, int copies) {
    return copies * (rows * EXCHANGE_ROW + bytes * EXCHANGE_BYTE);
  }

  /** Hash aggregation of {@code inputRows} rows into {@code groups} groups of {@code groupBytes} bytes. */
  public static double aggregate(double inputRows, double groups, double groupBytes) {
    return inputRows * HASH_PROBE_ROW + groups * (HASH_BUILD_ROW + OUTPUT_ROW) + groupBytes * MEMORY_BYTE;
  }

  /** Sort of {@code rows} rows (a top-N with a small limit costs about one pass). */
  public static double sort(double rows, long limit) {
    double n = Math.max(2, rows);
    double kept = limit >= 0 ? Math.min(n, Math.max(2, limit)) : n;
    return n * SORT_COMPARE * log2(kept) + n * OUTPUT_ROW;
  }

  /** Estimated bytes of one row of these fields (fixed widths; strings by declared length, capped). */
  public static double rowBytes(List<Field> fields) {
    double bytes = 0;
    for (Field field : fields) {
      bytes += switch (field.type().type()) {
        case BOOLEAN, TINYINT -> 1;
        case SMALLINT -> 2;
        case INTEGER, REAL, DATE, TIME, INTERVAL_YEAR_MONTH -> 4;
        case BIGINT, DOUBLE, TIMESTAMP, INTERVAL_DAY_TIME -> 8;
        case DECIMAL -> 16;
        case CHAR, VARCHAR -> 4 + Math.min(32, field.type().precision());
      };
    }
    return Math.max(1, bytes);
  }

  private static double log2(double value) {
    return Math.log(value) / Math.log(2);
  }
}
