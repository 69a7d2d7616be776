package dev.quaver.executor.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.vector.Batches;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * A queued batch shares nothing with the producer's batch (the producer may overwrite its buffers
 * once it sent them, as the operator contract allows) and outlives the producer's allocator, every
 * allocator ends empty, and a hash shuffle delivers every row once. A handed-over batch
 * ({@code send(batch, true)}) is moved, not copied: the producer's vectors are empty right after
 * the send, the consumers read the sent rows (a broadcast's consumers share one set of buffers,
 * also from several threads), and an aborted exchange frees what it was handed.
 */
class InProcessExchangeTest {
  private static final Schema SCHEMA = new Schema(List.of(ArrowTypes.field("K", ColumnType.BIGINT),
      ArrowTypes.field("S", ColumnType.TEXT)));

  private static List<Object[]> rows(int from, int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      rows.add(new Object[] {i % 5 == 0 ? null : (long) i, i % 7 == 0 ? null : "s" + i});
    }
    return rows;
  }

  @Test
  void gatheredAndBroadcastBatchesOutliveTheProducersAllocator() {
    for (InProcessExchange.Routing routing : List.of(InProcessExchange.Routing.GATHER,
        InProcessExchange.Routing.BROADCAST)) {
      try (BufferAllocator root = new RootAllocator()) {
        BufferAllocator statement = root.newChildAllocator("statement", 0, Long.MAX_VALUE);
        int consumers = routing == InProcessExchange.Routing.GATHER ? 1 : 3;
        InProcessExchange exchange = new InProcessExchange(routing, 1, consumers, new int[0], List.of(),
            statement.newChildAllocator("exchange", 0, Long.MAX_VALUE));
        try (BufferAllocator producer = statement.newChildAllocator("producer", 0, Long.MAX_VALUE)) {
          Exchange.Sink sink = exchange.sink(0, Exchange.Waits.NONE);
          for (int b = 0; b < 3; b++) {
            try (VectorSchemaRoot batch = Batches.fromRows(SCHEMA, rows(b * 100, 100), 0, 100, producer)) {
              sink.send(batch);
              org.apache.arrow.vector.BigIntVector keys = (org.apache.arrow.vector.BigIntVector) batch.getVector(0);
              for (int i = 0; i < 100; i++) {
                keys.set(i, -1L); // the producer reuses its buffers for its next batch
              }
            }
          }
          sink.finish();
          assertThat(producer.getAllocatedMemory()).isZero();
        }
        for (int c = 0; c < consumers; c++) {
          List<String> seen = new ArrayList<>();
          try (Exchange.Source source = exchange.source(c, Exchange.Waits.NONE)) {
            for (VectorSchemaRoot batch = source.next(); batch != null; batch = source.next()) {
              Batches.rows(batch).forEach(row -> seen.add(java.util.Arrays.toString(row)));
            }
          }
          List<String> expected = new ArrayList<>();
          rows(0, 300).forEach(row -> expected.add(java.util.Arrays.toString(row)));
          assertThat(seen).isEqualTo(expected);
        }
        exchange.close();
        assertThat(statement.getAllocatedMemory()).isZero();
        statement.close();
      }
    }
  }

  @Test
  void hashShuffleDeliversEveryRowOnceToItsConsumer() {
    try (BufferAllocator root = new RootAllocator()) {
      BufferAllocator statement = root.newChildAllocator("statement", 0, Long.MAX_VALUE);
      InProcessExchange exchange = new InProcessExchange(InProcessExchange.Routing.HASH, 1, 3, new int[] {0},
          List.of(ColumnType.BIGINT), statement.newChildAllocator("exchange", 0, Long.MAX_VALUE));
      try (BufferAllocator producer = statement.newChildAllocator("producer", 0, Long.MAX_VALUE)) {
        Exchange.Sink sink = exchange.sink(0, Exchange.Waits.NONE);
        for (int b = 0; b < 2; b++) {
          try (VectorSchemaRoot batch = Batches.fromRows(SCHEMA, rows(b * 200, 200), 0, 200, producer)) {
            sink.send(batch);
          }
        }
        // all rows of one key: one consumer takes the whole batch
        List<Object[]> same = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          same.add(new Object[] {7L, "same" + i});
        }
        try (VectorSchemaRoot batch = Batches.fromRows(SCHEMA, same, 0, 50, producer)) {
          sink.send(batch);
        }
        sink.finish();
      }
      int total = 0;
      java.util.Map<Object, Integer> consumerOfKey = new java.util.HashMap<>();
      for (int c = 0; c < 3; c++) {
        try (Exchange.Source source = exchange.source(c, Exchange.Waits.NONE)) {
          for (VectorSchemaRoot batch = source.next(); batch != null; batch = source.next()) {
            for (Object[] row : Batches.rows(batch)) {
              total++;
              Integer previous = consumerOfKey.put(String.valueOf(row[0]), c);
              assertThat(previous == null || previous == c).as("key %s", row[0]).isTrue();
            }
          }
        }
      }
      assertThat(total).isEqualTo(450);
      exchange.close();
      assertThat(statement.getAllocatedMemory()).isZero();
      statement.close();
    }
  }

  @Test
  void handedOverBatchesAreMovedNotCopied() {
    for (InProcessExchange.Routing routing : List.of(InProcessExchange.Routing.GATHER,
        InProcessExchange.Routing.BROADCAST, InProcessExchange.Routing.MERGE, InProcessExchange.Routing.HASH)) {
      try (BufferAllocator root = new RootAllocator()) {
        BufferAllocator statement = root.newChildAllocator("statement", 0, Long.MAX_VALUE);
        int consumers = routing == InProcessExchange.Routing.BROADCAST || routing == InProcessExchange.Routing.HASH
            ? 3 : 1;
        InProcessExchange exchange = new InProcessExchange(routing, 1, consumers,
            routing == InProcessExchange.Routing.HASH ? new int[] {0} : new int[0],
            routing == InProcessExchange.Routing.HASH ? List.of(ColumnType.BIGINT) : List.of(),
            statement.newChildAllocator("exchange", 0, Long.MAX_VALUE));
        List<Object[]> sent = new ArrayList<>();
        try (BufferAllocator producer = statement.newChildAllocator("producer", 0, Long.MAX_VALUE)) {
          Exchange.Sink sink = exchange.sink(0, Exchange.Waits.NONE);
          for (int b = 0; b < 3; b++) {
            // a hash shuffle hands over a batch whose rows all go to one consumer (one key)
            List<Object[]> rows = routing == InProcessExchange.Routing.HASH ? sameKey(b * 100, 100) : rows(b * 100, 100);
            sent.addAll(rows);
            try (VectorSchemaRoot batch = Batches.fromRows(SCHEMA, rows, 0, 100, producer)) {
              sink.send(batch, true);
              assertThat(producer.getAllocatedMemory()).as("%s: moved, not copied", routing).isZero();
            }
          }
          sink.finish();
        }
        List<String> expected = new ArrayList<>();
        sent.forEach(row -> expected.add(java.util.Arrays.toString(row)));
        List<String> all = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
          List<String> seen = new ArrayList<>();
          try (Exchange.Source source = routing == InProcessExchange.Routing.MERGE
              ? exchange.producerSource(0, Exchange.Waits.NONE) : exchange.source(c, Exchange.Waits.NONE)) {
            for (VectorSchemaRoot batch = source.next(); batch != null; batch = source.next()) {
              Batches.rows(batch).forEach(row -> seen.add(java.util.Arrays.toString(row)));
            }
          }
          if (routing == InProcessExchange.Routing.BROADCAST) {
            assertThat(seen).isEqualTo(expected);
          }
          all.addAll(seen);
        }
        if (routing != InProcessExchange.Routing.BROADCAST) {
          assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
        }
        exchange.close();
        assertThat(statement.getAllocatedMemory()).isZero();
        statement.close();
      }
    }
  }

  private static List<Object[]> sameKey(int from, int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      rows.add(new Object[] {42L, i % 7 == 0 ? null : "s" + i});
    }
    return rows;
  }

  @Test
  void sharedBroadcastBuffersAreReadAndFreedByConcurrentConsumers() throws Exception {
    int batches = 200;
    try (BufferAllocator root = new RootAllocator()) {
      BufferAllocator statement = root.newChildAllocator("statement", 0, Long.MAX_VALUE);
      InProcessExchange exchange = new InProcessExchange(InProcessExchange.Routing.BROADCAST, 1, 3, new int[0],
          List.of(), statement.newChildAllocator("exchange", 0, Long.MAX_VALUE));
      java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<Long>> sums = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
          Exchange.Source source = exchange.source(c, Exchange.Waits.NONE);
          sums.add(threads.submit(() -> {
            long sum = 0;
            try (source) {
              for (VectorSchemaRoot batch = source.next(); batch != null; batch = source.next()) {
                org.apache.arrow.vector.BigIntVector keys = (org.apache.arrow.vector.BigIntVector) batch.getVector(0);
                for (int i = 0; i < batch.getRowCount(); i++) {
                  sum += keys.isNull(i) ? 0 : keys.get(i);
                }
              }
            }
            return sum;
          }));
        }
        threads.submit(() -> {
          try (BufferAllocator producer = statement.newChildAllocator("producer", 0, Long.MAX_VALUE)) {
            Exchange.Sink sink = exchange.sink(0, Exchange.Waits.NONE);
            for (int b = 0; b < batches; b++) {
              try (VectorSchemaRoot batch = Batches.fromRows(SCHEMA, rows(b * 50, 50), 0, 50, producer)) {
                sink.send(batch, true);
              }
            }
            sink.finish();
          }
          return null;
        }).get();
        long expected = 0;
        for (Object[] row : rows(0, batches * 50)) {
          expected += row[0] == null ? 0 : (Long) row[0];
        }
        for (java.util.concurrent.Future<Long> sum : sums) {
          assertThat(sum.get()).isEqualTo(expected);
        }
      } finally {
        threads.shutdownNow();
      }
      exchange.close();
      assertThat(statement.getAllocatedMemory()).isZero();
      statement.close();
    }
  }

  @Test
  void anAbortedExchangeFreesAHandedOverBatch() {
    for (InProcessExchange.Routing routing : List.of(InProcessExchange.Routing.GATHER,
        InProcessExchange.Routing.BROADCAST)) {
      try (BufferAllocator root = new RootAllocator()) {
        BufferAllocator statement = root.newChildAllocator("statement", 0, Long.MAX_VALUE);
        int consumers = routing == InProcessExchange.Routing.GATHER ? 1 : 3;
        InProcessExchange exchange = new InProcessExchange(routing, 1, consumers, new int[0], List.of(),
            statement.newChildAllocator("exchange", 0, Long.MAX_VALUE));
        exchange.abort(new IllegalStateException("failed elsewhere"));
        try (BufferAllocator producer = statement.newChildAllocator("producer", 0, Long.MAX_VALUE);
            VectorSchemaRoot batch = Batches.fromRows(SCHEMA, rows(0, 100), 0, 100, producer)) {
          Exchange.Sink sink = exchange.sink(0, Exchange.Waits.NONE);
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> sink.send(batch, true))
              .hasMessage("failed elsewhere");
        }
        exchange.close();
        assertThat(statement.getAllocatedMemory()).isZero();
        statement.close();
      }
    }
  }
}
