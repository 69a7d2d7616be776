package dev.quaver.executor.operator;

import dev.quaver.planner.physical.Field;
import dev.quaver.storage.columnar.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/** Arrow schemas of operator outputs, built with ArrowTypes (the one SQL ↔ Arrow mapping). Stateless. */
public final class Schemas {
  private Schemas() {}

  public static Schema of(List<Field> fields) {
    List<org.apache.arrow.vector.types.pojo.Field> arrow = new ArrayList<>(fields.size());
    for (Field field : fields) {
      arrow.add(ArrowTypes.field(field.name(), field.type()));
    }
    return new Schema(arrow);
  }

  /** Left's columns then right's (a join's output before SEMI/ANTI drop the right ones). */
  public static Schema concat(Schema left, Schema right) {
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>(left.getFields());
    fields.addAll(right.getFields());
    return new Schema(fields);
  }

  /** {@code schema}'s vector types under the plan's names (row-key columns stay VarBinary). */
  public static Schema renamed(Schema schema, List<Field> names) {
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
    List<org.apache.arrow.vector.types.pojo.Field> source = schema.getFields();
    for (int i = 0; i < source.size(); i++) {
      org.apache.arrow.vector.types.pojo.Field field = source.get(i);
      String name = i < names.size() ? names.get(i).name() : field.getName();
      fields.add(new org.apache.arrow.vector.types.pojo.Field(name, field.getFieldType(), field.getChildren()));
    }
    return new Schema(fields);
  }
}
