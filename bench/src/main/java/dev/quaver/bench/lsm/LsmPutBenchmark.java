package dev.quaver.bench.lsm;

import dev.quaver.storage.StorageConfig.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH version of the embedded put cells of {@link LsmBenchRunner}: run with e.g.
 * {@code java -jar bench/target/benchmarks.jar LsmPut -t 8 -p sync=COMMIT}. The runner is the
 * one that prints Quaver/RocksDB ratios from a single run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class LsmPutBenchmark {
  @Param({"quaver", "rocksdb"})
  public String engine;

  @Param({"COMMIT", "INTERVAL", "OFF"})
  public String sync;

  @Param({"true", "false"})
  public boolean sequential;

  private Path directory;
  private PutTarget target;
  private Workload workload;

  @Setup(Level.Trial)
  public void open() throws Exception {
    directory = Files.createTempDirectory("lsm-jmh-" + engine);
    target = PutTarget.open(engine, directory, SyncMode.valueOf(sync));
    workload = new Workload(sequential);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    target.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  @Benchmark
  public void put() throws Exception {
    target.put(workload.nextKey(), Workload.value());
  }
}
