package dev.quaver.executor.spill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.FakeStorage;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.vector.Batches;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Test support for spilling operators: a statement-like context with a small memory limit and a
 * fresh spill directory, a generated input operator of many rows, and the end-of-test checks
 * (allocator empty, heap reservations back to 0, no spill file left).
 */
public final class SpillHarness implements AutoCloseable {
  public final Path spillDirectory;
  public final BufferAllocator root = new RootAllocator(1L << 30);
  public final BufferAllocator allocator;
  public final ExecutionContext context;

  public SpillHarness(Path spillDirectory, long memoryLimit) {
    this.spillDirectory = spillDirectory;
    this.allocator = root.newChildAllocator("statement", 0, memoryLimit);
    ExecutorConfig config = new ExecutorConfig(memoryLimit, 1L << 30, 1024, spillDirectory);
    this.context = new ExecutionContext(new FakeStorage(), config, allocator, List.of(), 0,
        System.currentTimeMillis());
  }

  /** A source of {@code rows} rows made by {@code row}, in batches of the context's size. */
  public Operator generate(List<ColumnType> types, long rows, LongFunction<Object[]> row) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(ArrowTypes.field("C" + i, types.get(i)));
    }
    Schema schema = new Schema(fields);
    return new Operator() {
      private long next;
      private VectorSchemaRoot current;

      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public VectorSchemaRoot next() {
        close();
        if (next >= rows) {
          return null;
        }
        List<Object[]> batch = new ArrayList<>();
        while (next < rows && batch.size() < context.batchRows()) {
          batch.add(row.apply(next++));
        }
        current = Batches.fromRows(schema, batch, 0, batch.size(), allocator);
        return current;
      }

      @Override
      public void close() {
        if (current != null) {
          current.close();
          current = null;
        }
      }
    };
  }

  /** Pulls every row of {@code operator} and closes it. */
  public static List<Object[]> drain(Operator operator) {
    List<Object[]> rows = new ArrayList<>();
    try (operator) {
      for (VectorSchemaRoot batch = operator.next(); batch != null; batch = operator.next()) {
        rows.addAll(Batches.rows(batch));
      }
    }
    return rows;
  }

  /** Spill files (not directories) under the spill directory right now. */
  public long spillFiles() throws IOException {
    if (!Files.exists(spillDirectory)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(spillDirectory)) {
      return paths.filter(Files::isRegularFile).count();
    }
  }

  /** Checks that nothing is left: Arrow memory, heap reservations, spill files. */
  @Override
  public void close() throws IOException {
    assertThat(allocator.getAllocatedMemory()).isZero();
    assertThat(context.heapBytes()).isZero();
    assertThat(spillFiles()).isZero();
    allocator.close();
    root.close();
  }
}
