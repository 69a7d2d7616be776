package dev.quaver.executor.exchange;

import dev.quaver.executor.vector.Batches;
import dev.quaver.executor.vector.HeapColumn;
import dev.quaver.storage.columnar.PartitionFunction;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * An {@link Exchange} inside one JVM. Batches are not serialized. A batch its producer hands over
 * ({@code Operator#lastBatchTransferable()}: fresh buffers it never touches again) is moved into
 * the exchange's allocator without a copy (Arrow's transfer: the producer's vectors are left
 * empty). Any other batch is copied into batches of the exchange's
 * allocator: the operator contract ({@code Operator#next}, {@code TableScan#next}) lets a
 * producer reuse its output buffers once it is asked for the next batch (the columnar scan does),
 * so a queued batch may not share them. {@code -Dquaver.exchange.transfer=false} (read when an
 * exchange is created) copies every batch, for A/B measurements. A hash shuffle routes rows a
 * batch and a key column at a time ({@link HashRouter}); each batch is copied to the heap once and
 * each consumer's rows gathered from there (a batch whose rows all go to one consumer is handed
 * over or copied whole). A broadcast moves or copies a batch once and gives every consumer a
 * reference-counted slice of the same buffers (a consumer only reads its input). Batches are
 * queued in a bounded {@link BatchQueue} per consumer (per producer for an ordered merge, which
 * needs each producer's sorted stream apart). A hash shuffle sends row r to consumer
 * {@link PartitionFunction#of} of r's key values: the rule by which the storage partitions tables,
 * so shuffled rows meet the table rows with equal keys.
 *
 * <p>Thread safety: safe for concurrent use by all producers and consumers.
 */
public final class InProcessExchange implements Exchange {
  /** Batches one queue holds before its producers wait. */
  public static final int QUEUE_CAPACITY_BATCHES = 4;

  /** The system property that turns the hand-over off (every batch copied), for A/B runs. */
  public static final String TRANSFER_PROPERTY = "quaver.exchange.transfer";

  /** How rows are routed. */
  public enum Routing { GATHER, HASH, BROADCAST, MERGE }

  private final Routing routing;
  private final int producers;
  private final int consumers;
  private final int[] keyColumns;
  private final List<ColumnType> keyTypes;
  private final BufferAllocator allocator;
  private final List<BatchQueue> queues = new ArrayList<>();
  private final boolean transfers = Boolean.parseBoolean(System.getProperty(TRANSFER_PROPERTY, "true"));

  /**
   * {@code keyColumns}/{@code keyTypes}: the hash keys (HASH only); {@code allocator}: owns the
   * batches in flight, closed by {@link #close()}.
   */
  public InProcessExchange(Routing routing, int producers, int consumers, int[] keyColumns,
      List<ColumnType> keyTypes, BufferAllocator allocator) {
    this.routing = Objects.requireNonNull(routing, "routing is null");
    if (producers < 1 || consumers < 1 || (routing == Routing.GATHER || routing == Routing.MERGE) && consumers != 1) {
      throw new IllegalArgumentException(routing + " from " + producers + " to " + consumers);
    }
    this.producers = producers;
    this.consumers = consumers;
    this.keyColumns = keyColumns.clone();
    this.keyTypes = List.copyOf(keyTypes);
    this.allocator = allocator;
    switch (routing) {
      case GATHER -> queues.add(new BatchQueue(QUEUE_CAPACITY_BATCHES * Math.min(producers, 4), producers));
      case MERGE -> {
        for (int p = 0; p < producers; p++) {
          queues.add(new BatchQueue(QUEUE_CAPACITY_BATCHES, 1));
        }
      }
      default -> {
        for (int c = 0; c < consumers; c++) {
          queues.add(new BatchQueue(QUEUE_CAPACITY_BATCHES, producers));
        }
      }
    }
  }

  public Routing routing() {
    return routing;
  }

  public int producers() {
    return producers;
  }

  public int consumers() {
    return consumers;
  }

  @Override
  public Sink sink(int producer, Waits waits) {
    return new RoutingSink(producer, waits);
  }

  @Override
  public Source source(int consumer, Waits waits) {
    if (routing == Routing.MERGE) {
      throw new IllegalStateException("an ordered merge reads each producer's stream: producerSource");
    }
    return new QueueSource(queues.get(routing == Routing.GATHER ? 0 : consumer), waits);
  }

  /** For an ordered merge: the stream of producer {@code producer} alone. */
  public Source producerSource(int producer, Waits waits) {
    if (routing != Routing.MERGE) {
      throw new IllegalStateException(routing + " has no per-producer streams");
    }
    return new QueueSource(queues.get(producer), waits);
  }

  @Override
  public void abort(Throwable cause) {
    RuntimeException error = cause instanceof RuntimeException runtime ? runtime : new RuntimeException(cause);
    queues.forEach(queue -> queue.abort(error));
  }

  @Override
  public void close() {
    queues.forEach(BatchQueue::clear);
    allocator.close();
  }

  /** Routes one producer's batches. */
  private final class RoutingSink implements Sink {
    private final int producer;
    private final Waits waits;
    private final HashRouter router;
    private int[] targets = new int[0];
    private int[] identity = new int[0];
    private final int[][] positions = new int[consumers][];
    private final int[] counts = new int[consumers];

    RoutingSink(int producer, Waits waits) {
      this.producer = producer;
      this.waits = waits;
      this.router = routing == Routing.HASH ? new HashRouter(keyColumns, keyTypes, consumers) : null;
    }

    @Override
    public void send(VectorSchemaRoot batch) {
      send(batch, false);
    }

    @Override
    public void send(VectorSchemaRoot batch, boolean transferable) {
      int rows = batch.getRowCount();
      if (rows == 0) {
        return;
      }
      boolean move = transferable && transfers && BatchTransfer.canMove(batch);
      switch (routing) {
        case GATHER -> queues.get(0).put(take(batch, rows, move), waits);
        case MERGE -> queues.get(producer).put(take(batch, rows, move), waits);
        case BROADCAST -> broadcastShared(take(batch, rows, move), rows); // one copy at most, shared
        case HASH -> shuffle(batch, rows, move);
      }
    }

    /** The batch's rows as a batch of the exchange: moved when {@code move}, else copied. */
    private VectorSchemaRoot take(VectorSchemaRoot batch, int rows, boolean move) {
      return move ? BatchTransfer.move(batch, rows, allocator) : copy(batch, rows);
    }

    /** Queues {@code batch} (owned here) to every consumer: slices sharing its buffers, itself last. */
    private void broadcastShared(VectorSchemaRoot batch, int rows) {
      VectorSchemaRoot own = batch;
      try {
        for (int c = 0; c < consumers - 1; c++) {
          queues.get(c).put(Batches.slice(own, 0, rows, allocator), waits);
        }
        VectorSchemaRoot last = own;
        own = null;
        queues.get(consumers - 1).put(last, waits);
      } finally {
        if (own != null) {
          own.close();
        }
      }
    }

    private void shuffle(VectorSchemaRoot batch, int rows, boolean move) {
      if (targets.length < rows) {
        targets = new int[rows];
      }
      java.util.Arrays.fill(counts, 0);
      router.route(batch, rows, targets);
      for (int r = 0; r < rows; r++) {
        counts[targets[r]]++;
      }
      for (int c = 0; c < consumers; c++) {
        if (counts[c] == rows) {
          queues.get(c).put(take(batch, rows, move), waits);
          return;
        }
      }
      for (int c = 0; c < consumers; c++) {
        if (positions[c] == null || positions[c].length < counts[c]) {
          positions[c] = new int[Math.max(counts[c], 16)];
        }
        counts[c] = 0;
      }
      for (int r = 0; r < rows; r++) {
        positions[targets[r]][counts[targets[r]]++] = r;
      }
      List<Field> fields = batch.getSchema().getFields();
      if (!fields.stream().allMatch(HeapColumn::supports)) {
        for (int c = 0; c < consumers; c++) {
          if (counts[c] > 0) {
            queues.get(c).put(Batches.select(batch, positions[c], counts[c], allocator), waits);
          }
        }
        return;
      }
      HeapColumn[] columns = new HeapColumn[fields.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = HeapColumn.of(batch.getVector(i), rows);
      }
      for (int c = 0; c < consumers; c++) {
        if (counts[c] > 0) {
          queues.get(c).put(gather(fields, columns, positions[c], counts[c]), waits);
        }
      }
    }

    /** A batch of the exchange's allocator holding {@code columns}' rows at {@code rows[0, count)}. */
    private VectorSchemaRoot gather(List<Field> fields, HeapColumn[] columns, int[] rows, int count) {
      List<FieldVector> vectors = new ArrayList<>(columns.length);
      try {
        for (HeapColumn column : columns) {
          vectors.add(column.gather(rows, 0, count, allocator));
        }
      } catch (RuntimeException | Error e) {
        vectors.forEach(FieldVector::close);
        throw e;
      }
      return new VectorSchemaRoot(fields, vectors, count);
    }

    /** A copy of the batch's rows in the exchange's allocator (the producer reuses its vectors). */
    private VectorSchemaRoot copy(VectorSchemaRoot batch, int rows) {
      if (identity.length < rows) {
        identity = new int[rows];
        for (int i = 0; i < rows; i++) {
          identity[i] = i;
        }
      }
      return Batches.select(batch, identity, rows, allocator);
    }

    @Override
    public void finish() {
      switch (routing) {
        case GATHER -> queues.get(0).producerFinished();
        case MERGE -> queues.get(producer).producerFinished();
        default -> queues.forEach(BatchQueue::producerFinished);
      }
    }
  }

  /** Reads one queue; owns the batch it returned last. */
  private static final class QueueSource implements Source {
    private final BatchQueue queue;
    private final Waits waits;
    private VectorSchemaRoot current;
    private boolean finished;

    QueueSource(BatchQueue queue, Waits waits) {
      this.queue = queue;
      this.waits = waits;
    }

    @Override
    public VectorSchemaRoot next() {
      release();
      if (finished) {
        return null;
      }
      current = queue.take(waits);
      finished = current == null;
      return current;
    }

    @Override
    public void close() {
      release();
      finished = true;
    }

    private void release() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
