package dev.quaver.executor.vector;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Building and copying batches: a batch from a list of rows, a row out of a batch, selected rows
 * of a batch, a slice of a batch. Every batch made here is allocated from the given allocator
 * and owned by the caller. Stateless.
 */
public final class Batches {
  private Batches() {}

  /** Reads row {@code index} of {@code batch} as Java values. */
  public static Object[] row(VectorSchemaRoot batch, int index) {
    List<FieldVector> vectors = batch.getFieldVectors();
    Object[] row = new Object[vectors.size()];
    for (int column = 0; column < row.length; column++) {
      row[column] = VectorValues.get(vectors.get(column), index);
    }
    return row;
  }

  /** All rows of {@code batch}. */
  public static List<Object[]> rows(VectorSchemaRoot batch) {
    List<Object[]> rows = new ArrayList<>(batch.getRowCount());
    for (int i = 0; i < batch.getRowCount(); i++) {
      rows.add(row(batch, i));
    }
    return rows;
  }

  /** A new batch of {@code schema} holding {@code rows[from, to)}. */
  public static VectorSchemaRoot fromRows(Schema schema, List<Object[]> rows, int from, int to,
      BufferAllocator allocator) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
    try {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (FieldVector vector : vectors) {
        vector.setInitialCapacity(Math.max(1, to - from));
        vector.allocateNew();
      }
      for (int i = from; i < to; i++) {
        Object[] row = rows.get(i);
        for (int column = 0; column < vectors.size(); column++) {
          VectorValues.set(vectors.get(column), i - from, row[column]);
        }
      }
      batch.setRowCount(to - from);
      return batch;
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
  }

  /**
   * A new batch of {@code input}'s schema holding the rows at {@code positions[0, count)}: each
   * column is copied to the heap in bulk and gathered back ({@link HeapColumn}), not copied value
   * by value through Arrow's checked accessors.
   */
  public static VectorSchemaRoot select(VectorSchemaRoot input, int[] positions, int count,
      BufferAllocator allocator) {
    List<Field> fields = input.getSchema().getFields();
    if (!fields.stream().allMatch(HeapColumn::supports)) {
      return selectByValue(input, positions, count, allocator);
    }
    List<FieldVector> vectors = new ArrayList<>(fields.size());
    try {
      int rowCount = input.getRowCount();
      for (int column = 0; column < fields.size(); column++) {
        HeapColumn heap = HeapColumn.empty(fields.get(column));
        heap.append(input.getVector(column), rowCount);
        vectors.add(heap.gather(positions, 0, count, allocator));
      }
    } catch (RuntimeException | Error e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(fields, vectors, count);
  }

  private static VectorSchemaRoot selectByValue(VectorSchemaRoot input, int[] positions, int count,
      BufferAllocator allocator) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(input.getSchema(), allocator);
    try {
      List<FieldVector> from = input.getFieldVectors();
      List<FieldVector> to = batch.getFieldVectors();
      for (int column = 0; column < from.size(); column++) {
        FieldVector target = to.get(column);
        target.setInitialCapacity(Math.max(1, count));
        target.allocateNew();
        FieldVector source = from.get(column);
        for (int i = 0; i < count; i++) {
          target.copyFromSafe(positions[i], i, source);
        }
      }
      batch.setRowCount(count);
      return batch;
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
  }

  /** A new batch sharing (reference-counted) the buffers of rows {@code [start, start+length)}. */
  public static VectorSchemaRoot slice(VectorSchemaRoot input, int start, int length,
      BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (FieldVector vector : input.getFieldVectors()) {
        vectors.add(sliceVector(vector, start, length, allocator));
      }
    } catch (RuntimeException | Error e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(fields(vectors), vectors, length);
  }

  /** A vector of {@code allocator} sharing the buffers of {@code vector}'s rows. */
  public static FieldVector sliceVector(FieldVector vector, int start, int length,
      BufferAllocator allocator) {
    TransferPair pair = vector.getTransferPair(allocator);
    pair.splitAndTransfer(start, length);
    return (FieldVector) pair.getTo();
  }

  /** A batch over {@code vectors} (taking ownership) with {@code rowCount} rows. */
  public static VectorSchemaRoot of(List<FieldVector> vectors, int rowCount) {
    return new VectorSchemaRoot(fields(vectors), vectors, rowCount);
  }

  private static List<Field> fields(List<FieldVector> vectors) {
    List<Field> fields = new ArrayList<>(vectors.size());
    for (FieldVector vector : vectors) {
      fields.add(vector.getField());
    }
    return fields;
  }
}
