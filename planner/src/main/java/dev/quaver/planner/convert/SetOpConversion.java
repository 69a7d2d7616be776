package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalSetOp;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.planner.physical.SetOpKind;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexLiteral;

/**
 * Set operations and literal rows, which share one concern: several rows or inputs whose column
 * types must be unified. Each column gets the common type of all inputs and every input is cast
 * to it; a UNION ALL of literal rows (a multi-row VALUES with expressions) becomes one
 * PhysicalValues.
 */
final class SetOpConversion {
  private static final Distribution SINGLE = Distribution.single();

  private SetOpConversion() {}

  static PhysicalNode convert(RelConverter converter, SetOp setOp) {
    SetOpKind kind;
    if (setOp instanceof Union) {
      kind = SetOpKind.UNION;
    } else if (setOp instanceof Intersect) {
      kind = SetOpKind.INTERSECT;
    } else if (setOp instanceof Minus) {
      kind = SetOpKind.EXCEPT;
    } else {
      throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "set operation %s is not supported",
          setOp.getRelTypeName());
    }
    List<PhysicalNode> inputs = new ArrayList<>();
    for (RelNode input : setOp.getInputs()) {
      inputs.add(converter.convert(input));
    }
    List<Field> fields = unifiedFields(setOp, inputs.stream().map(PhysicalNode::fields).toList());
    double rows = converter.rows(setOp);
    if (kind == SetOpKind.UNION && setOp.all && inputs.stream().allMatch(i -> i instanceof PhysicalValues)) {
      List<List<PhysicalExpr>> rowsList = new ArrayList<>();
      for (PhysicalNode input : inputs) {
        for (List<PhysicalExpr> row : ((PhysicalValues) input).rows()) {
          rowsList.add(castRow(row, fields));
        }
      }
      return new PhysicalValues(rowsList, fields, SINGLE, rows);
    }
    List<PhysicalNode> cast = new ArrayList<>();
    for (PhysicalNode input : inputs) {
      cast.add(castInput(input, fields));
    }
    return new PhysicalSetOp(cast, kind, setOp.all, fields, SINGLE, rows);
  }

  static PhysicalNode convertValues(RelConverter converter, Values values) {
    List<List<PhysicalExpr>> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      List<PhysicalExpr> row = new ArrayList<>();
      for (RexLiteral literal : tuple) {
        row.add(LiteralConversion.convert(literal));
      }
      rows.add(row);
    }
    List<List<Field>> rowFields = new ArrayList<>();
    for (List<PhysicalExpr> row : rows) {
      List<Field> fields = new ArrayList<>();
      for (PhysicalExpr expr : row) {
        fields.add(new Field("", expr.type(), expr.nullable()));
      }
      rowFields.add(fields);
    }
    List<Field> fields = unifiedFields(values, rowFields);
    List<List<PhysicalExpr>> castRows = new ArrayList<>();
    for (List<PhysicalExpr> row : rows) {
      castRows.add(castRow(row, fields));
    }
    return new PhysicalValues(castRows, fields, SINGLE, rows.size());
  }

  /** One field per column: the rel's name, the common type of all inputs, nullable if any is. */
  private static List<Field> unifiedFields(RelNode rel, List<List<Field>> inputs) {
    List<String> names = rel.getRowType().getFieldNames();
    List<Field> result = new ArrayList<>();
    for (int column = 0; column < names.size(); column++) {
      ColumnType type = null;
      boolean nullable = false;
      for (List<Field> input : inputs) {
        Field field = input.get(column);
        nullable |= field.nullable();
        type = type == null ? field.type() : TypeMapping.commonType(type, field.type());
        if (type == null) {
          break;
        }
      }
      if (type == null || inputs.isEmpty()) {
        type = TypeMapping.toColumnType(rel.getRowType().getFieldList().get(column).getType());
      }
      if (inputs.isEmpty()) {
        nullable = rel.getRowType().getFieldList().get(column).getType().isNullable();
      }
      result.add(new Field(names.get(column), type, nullable));
    }
    return result;
  }

  private static List<PhysicalExpr> castRow(List<PhysicalExpr> row, List<Field> fields) {
    List<PhysicalExpr> result = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      result.add(RexConverter.cast(row.get(i), fields.get(i).type()));
    }
    return result;
  }

  static PhysicalNode castInput(PhysicalNode input, List<Field> fields) {
    boolean same = true;
    for (int i = 0; i < fields.size(); i++) {
      same &= input.fields().get(i).type().equals(fields.get(i).type());
    }
    if (same) {
      return input;
    }
    List<PhysicalExpr> expressions = new ArrayList<>();
    List<Field> castFields = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Field field = input.fields().get(i);
      PhysicalExpr expr = RexConverter.cast(new PhysicalExpr.InputRef(i, field.type(), field.nullable()),
          fields.get(i).type());
      expressions.add(expr);
      castFields.add(new Field(field.name(), expr.type(), expr.nullable()));
    }
    return new PhysicalProject(input, expressions, castFields, SINGLE, input.estimatedRows());
  }
}
