package dev.quaver.bench.jdbc;

import dev.quaver.executor.Executor;
import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.QueryExecution;
import dev.quaver.planner.Planner;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ExecuteBatch;
import dev.quaver.protocol.MessageCodec;
import dev.quaver.protocol.ProtocolFormat;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The server side of a 1000-row PreparedStatement batch without network or driver: planner,
 * executor ({@code executeOneCommitBatch}) and storage in one thread, sync mode OFF, printing the
 * thread's CPU time per row — the figure to drive down for issue #4's 1M rows/s (run it under JFR
 * to see where it goes). Usage: {@code java -cp bench/target/benchmarks.jar
 * dev.quaver.bench.jdbc.BatchInsertProfile [seconds] [lists|columns|frames]}: {@code lists} (the
 * default) hands the executor one list per set; {@code columns} the column batch the server
 * decodes (primitive columns); {@code frames} decodes each batch from its EXECUTE_BATCH frame
 * first, so the protocol decode is in the figure too.
 */
public final class BatchInsertProfile {
  private BatchInsertProfile() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    String mode = args.length > 1 ? args[1] : "lists";
    Path directory = Files.createTempDirectory("quaver-batch-profile");
    StorageConfig config = new StorageConfig(directory, StorageConfig.SyncMode.OFF, 10);
    try (StorageEngine storage = Storage.open(config);
        Executor executor = new Executor(storage, ExecutorConfig.defaults(directory.resolve("spill")))) {
      Planner planner = new Planner(storage.catalog());
      try (QueryExecution ddl = executor.execute(planner.prepare(Target.CREATE_PLAYS), List.of())) {
        ddl.updateCount();
      }
      PreparedPlan insert = planner.prepare(JdbcInsertRunner.INSERT);
      SplittableRandom random = new SplittableRandom(1);
      // The parameter sets are made up front (the table has no key: rows may repeat), so the
      // thread's CPU time is the server's alone.
      List<List<List<Object>>> batches = new ArrayList<>();
      for (int b = 0; b < 64; b++) {
        List<List<Object>> sets = new ArrayList<>(JdbcInsertRunner.BATCH_ROWS);
        for (int r = 0; r < JdbcInsertRunner.BATCH_ROWS; r++) {
          sets.add(Arrays.asList(random.nextInt(1_000_000), random.nextInt(200_000),
              random.nextInt(10_000), "SE", 1_704_067_200_000L + random.nextLong(31_622_400_000L),
              random.nextInt(1_000, 300_000)));
        }
        batches.add(sets);
      }
      List<ColumnBatch> columnBatches = new ArrayList<>();
      List<byte[]> frames = new ArrayList<>();
      for (List<List<Object>> sets : batches) {
        ColumnBatch columns = primitive(ColumnBatch.ofRows(insert.parameterTypes(), sets));
        columnBatches.add(columns);
        frames.add(MessageCodec.encode(new ExecuteBatch(1, columns)));
      }
      long batch = 0;
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long warmupEnd = System.nanoTime() + (long) (seconds * 0.3e9);
      long end = warmupEnd + (long) (seconds * 1e9);
      long rows = 0;
      long cpuFrom = -1;
      long wallFrom = 0;
      while (System.nanoTime() < end) {
        if (cpuFrom < 0 && System.nanoTime() >= warmupEnd) {
          cpuFrom = threads.getCurrentThreadCpuTime();
          wallFrom = System.nanoTime();
          rows = 0;
        }
        int index = (int) (batch++ % batches.size());
        switch (mode) {
          case "columns" -> executor.executeOneCommitBatch(insert, columnBatches.get(index));
          case "frames" -> {
            byte[] frame = frames.get(index);
            ExecuteBatch message = (ExecuteBatch) MessageCodec.decode(frame[0] & 0xFF,
                ByteBuffer.wrap(frame, ProtocolFormat.HEADER_BYTES, frame.length - ProtocolFormat.HEADER_BYTES));
            executor.executeOneCommitBatch(insert, message.parameters());
          }
          default -> executor.executeOneCommitBatch(insert, batches.get(index));
        }
        rows += JdbcInsertRunner.BATCH_ROWS;
      }
      double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuFrom) / 1e3;
      double wallSeconds = (System.nanoTime() - wallFrom) / 1e9;
      System.out.printf("%s: %,d rows in %.1f s: %.0f rows/s, thread CPU %.2f us/row, load %.2f%n", mode, rows,
          wallSeconds, rows / wallSeconds, cpuMicros / rows,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** The batch as the server decodes it: fixed-width columns primitive. */
  private static ColumnBatch primitive(ColumnBatch boxed) {
    byte[] frame = MessageCodec.encode(new ExecuteBatch(1, boxed));
    return ((ExecuteBatch) MessageCodec.decodeFrame(frame)).parameters();
  }
}
