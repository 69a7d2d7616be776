package dev.quaver.executor.operator.join;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The output columns of a hash join that keeps only some right columns
 * (PhysicalHashJoin.rightOutput, #6): all left columns, then the listed right ones. Used for the
 * vectorized join's schema and to narrow the batches of the boxed join it may fall back to, which
 * always produces every column.
 *
 * <p>Thread safety: stateless.
 */
final class JoinOutput {
  private JoinOutput() {}

  /** {@code pairSchema} (left then all right columns) narrowed to the left and {@code rightOutput} columns. */
  static Schema schema(Schema pairSchema, int leftWidth, int[] rightOutput) {
    List<Field> fields = new ArrayList<>(pairSchema.getFields().subList(0, leftWidth));
    for (int column : rightOutput) {
      fields.add(pairSchema.getFields().get(leftWidth + column));
    }
    return new Schema(fields);
  }

  /**
   * {@code batch} (left then all right columns; null at the end) narrowed to {@code schema}: a view
   * of its vectors, which stay owned and closed by its producer. {@code rightOutput} null: as is.
   */
  static VectorSchemaRoot select(VectorSchemaRoot batch, Schema schema, int leftWidth, int[] rightOutput) {
    if (batch == null || rightOutput == null) {
      return batch;
    }
    List<FieldVector> vectors = new ArrayList<>(schema.getFields().size());
    vectors.addAll(batch.getFieldVectors().subList(0, leftWidth));
    for (int column : rightOutput) {
      vectors.add(batch.getFieldVectors().get(leftWidth + column));
    }
    return new VectorSchemaRoot(schema.getFields(), vectors, batch.getRowCount());
  }
}
