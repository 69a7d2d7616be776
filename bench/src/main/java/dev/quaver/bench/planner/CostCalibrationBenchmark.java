package dev.quaver.bench.planner;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calibrates the ratios of the cost model's constants (docs/cost-model.md §2) on this machine:
 * nanoseconds per row to insert into and probe a hash table, per byte to copy (what an in-process
 * exchange does), and per comparison of a sort. Each benchmark reports ns per row/byte/compare
 * ({@link OperationsPerInvocation}). Run with
 * {@code java -jar bench/target/benchmarks.jar CostCalibration}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1)
public class CostCalibrationBenchmark {
  private static final int ROWS = 1 << 20;
  private static final int BYTES = 1 << 24;

  private long[] keys;
  private Map<Long, Long> table;
  private byte[] source;
  private byte[] target;

  @Setup
  public void data() {
    SplittableRandom random = new SplittableRandom(7);
    keys = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      keys[i] = random.nextLong(ROWS * 4L);
    }
    table = build();
    source = new byte[BYTES];
    target = new byte[BYTES];
    random.nextBytes(source);
  }

  /** HASH_BUILD_ROW: one insert into a hash table. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public Map<Long, Long> hashBuildPerRow() {
    return build();
  }

  /** HASH_PROBE_ROW: one probe of a built hash table. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long hashProbePerRow() {
    long found = 0;
    for (long key : keys) {
      Long value = table.get(key ^ 1);
      found += value == null ? 0 : value;
    }
    return found;
  }

  /** EXCHANGE_BYTE: copying one byte into a new buffer. */
  @Benchmark
  @OperationsPerInvocation(BYTES)
  public byte[] copyPerByte() {
    System.arraycopy(source, 0, target, 0, BYTES);
    return target;
  }

  /** SORT_COMPARE: per row and log2(rows) of a sort (one comparison). */
  @Benchmark
  @OperationsPerInvocation(ROWS * 20)
  public long[] sortPerCompare() {
    long[] copy = keys.clone();
    Arrays.sort(copy);
    return copy;
  }

  private Map<Long, Long> build() {
    Map<Long, Long> map = new HashMap<>(ROWS * 2);
    for (long key : keys) {
      map.put(key, key);
    }
    return map;
  }
}
