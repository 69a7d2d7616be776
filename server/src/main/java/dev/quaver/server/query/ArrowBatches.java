package dev.quaver.server.query;

import dev.quaver.planner.physical.Field;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Copies executor output (Arrow batches, valid only until the next pull) into protocol column
 * batches the session can keep. Uses the one Arrow mapping, {@link ArrowTypes}. Stateless.
 */
final class ArrowBatches {
  private ArrowBatches() {}

  static ColumnBatch toColumnBatch(VectorSchemaRoot root, List<Field> fields) {
    int rows = root.getRowCount();
    List<ColumnType> types = new ArrayList<>(fields.size());
    Object[][] columns = new Object[fields.size()][];
    for (int i = 0; i < fields.size(); i++) {
      ColumnType type = fields.get(i).type();
      types.add(type);
      FieldVector vector = root.getVector(i);
      Object[] values = new Object[rows];
      for (int row = 0; row < rows; row++) {
        values[row] = ArrowTypes.get(vector, row, type);
      }
      columns[i] = values;
    }
    return ColumnBatch.of(types, rows, columns);
  }

  static List<ColumnInfo> columns(List<Field> fields) {
    List<ColumnInfo> columns = new ArrayList<>(fields.size());
    for (Field field : fields) {
      columns.add(new ColumnInfo(field.name(), field.type(), field.nullable()));
    }
    return columns;
  }
}
