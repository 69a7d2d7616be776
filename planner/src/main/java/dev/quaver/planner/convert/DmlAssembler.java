package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalDelete;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalUpdate;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.planner.schema.CatalogTable;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.Identity;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.system.SystemTables;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

/**
 * INSERT, UPDATE and DELETE. The planner strips Calcite's TableModify and optimizes only its
 * input, reshaped by {@link #modifyInput} so that field trimming sees exactly what the modify
 * needs:
 *
 * <pre>
 *   INSERT: the table's columns in table order (defaults filled in by SqlToRel)
 *   UPDATE: the complete new row (SET expressions or the old values), then the row key
 *   DELETE: the row key only
 * </pre>
 *
 * {@link #assemble} then casts the values to the column types and puts the PhysicalInsert,
 * PhysicalUpdate or PhysicalDelete on top.
 */
public final class DmlAssembler {
  private static final Distribution SINGLE = Distribution.single();
  private static final List<Field> COUNT_FIELDS = List.of(new Field("ROWS", ColumnType.BIGINT, false));

  private DmlAssembler() {}

  public static TableDef targetTable(TableModify modify) {
    CatalogTable table = modify.getTable().unwrap(CatalogTable.class);
    if (table == null) {
      throw QuaverException.of(ErrorCode.WRONG_OBJECT_TYPE, "%s is not a table",
          String.join(".", modify.getTable().getQualifiedName()));
    }
    if (SystemTables.isSystem(table.table())) {
      throw QuaverException.of(ErrorCode.WRONG_OBJECT_TYPE, "%s is a read-only system table",
          String.join(".", modify.getTable().getQualifiedName()));
    }
    if (modify.isUpdate() && modify.getUpdateColumnList() != null) {
      // As PostgreSQL: a GENERATED ALWAYS identity column is never set by UPDATE either.
      for (String column : modify.getUpdateColumnList()) {
        for (ColumnDef def : table.table().columns()) {
          if (def.name().equals(column) && def.identity() == Identity.ALWAYS) {
            throw QuaverException.of(ErrorCode.GENERATED_ALWAYS,
                "column \"%s\" of table \"%s\" is an identity column defined as GENERATED ALWAYS and cannot be updated",
                column, table.table().name());
          }
        }
      }
    }
    return table.table();
  }

  public static RelNode modifyInput(TableModify modify, RelBuilder relBuilder) {
    RelNode input = modify.getInput();
    TableDef table = targetTable(modify);
    int width = table.columns().size();
    RexBuilder rexBuilder = modify.getCluster().getRexBuilder();
    switch (modify.getOperation()) {
      case INSERT:
        return input;
      case UPDATE: {
        List<String> updated = modify.getUpdateColumnList();
        List<RexNode> sources = modify.getSourceExpressionList();
        List<RexNode> row = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
          ColumnDef column = table.columns().get(i);
          int position = updated.indexOf(column.name());
          row.add(position >= 0 ? sources.get(position) : rexBuilder.makeInputRef(input, i));
          names.add(column.name());
        }
        row.add(rexBuilder.makeInputRef(input, width));
        names.add(CatalogTable.ROW_KEY_COLUMN);
        return relBuilder.push(input).project(row, names, true).build();
      }
      case DELETE:
        return relBuilder.push(input)
            .project(List.of(rexBuilder.makeInputRef(input, width)), List.of(CatalogTable.ROW_KEY_COLUMN), true)
            .build();
      default:
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "%s is not supported", modify.getOperation());
    }
  }

  public static PhysicalNode assemble(TableModify.Operation operation, TableDef table, PhysicalNode input) {
    double rows = input.estimatedRows();
    switch (operation) {
      case INSERT:
        return new PhysicalInsert(table, castToColumns(input, table, false), COUNT_FIELDS, SINGLE, rows);
      case UPDATE:
        return new PhysicalUpdate(table, castToColumns(input, table, true), COUNT_FIELDS, SINGLE, rows);
      case DELETE:
        return new PhysicalDelete(table, input, COUNT_FIELDS, SINGLE, rows);
      default:
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "%s is not supported", operation);
    }
  }

  /** Casts the first n columns to the table's column types; keeps a trailing row key. */
  private static PhysicalNode castToColumns(PhysicalNode input, TableDef table, boolean withKey) {
    List<ColumnDef> columns = table.columns();
    checkAssignable(input, columns);
    if (input instanceof PhysicalValues values && !withKey) {
      List<List<PhysicalExpr>> rows = new ArrayList<>();
      for (List<PhysicalExpr> row : values.rows()) {
        List<PhysicalExpr> cast = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          cast.add(RexConverter.cast(row.get(i), columns.get(i).type()));
        }
        rows.add(cast);
      }
      return new PhysicalValues(rows, columnFields(columns, rows.isEmpty() ? null : rows.get(0)), SINGLE,
          values.estimatedRows());
    }
    List<PhysicalExpr> expressions = new ArrayList<>();
    boolean identity = true;
    for (int i = 0; i < input.fields().size(); i++) {
      Field field = input.fields().get(i);
      PhysicalExpr ref = new PhysicalExpr.InputRef(i, field.type(), field.nullable());
      PhysicalExpr expr = i < columns.size() ? RexConverter.cast(ref, columns.get(i).type()) : ref;
      identity &= expr == ref;
      expressions.add(expr);
    }
    if (identity) {
      return input;
    }
    List<Field> fields = new ArrayList<>(columnFields(columns, expressions));
    if (withKey) {
      fields.add(input.fields().get(columns.size()));
    }
    return new PhysicalProject(input, expressions, fields, SINGLE, input.estimatedRows());
  }

  /**
   * Calcite's implicit coercion accepts assignments PostgreSQL rejects (5 into a BOOLEAN
   * column); this keeps to SQL's store-assignment rules: numbers, booleans and datetimes do not
   * convert into each other, strings convert into anything (checked when cast at run time).
   */
  private static void checkAssignable(PhysicalNode input, List<ColumnDef> columns) {
    for (int i = 0; i < columns.size(); i++) {
      ColumnType target = columns.get(i).type();
      if (input instanceof PhysicalValues values) {
        for (List<PhysicalExpr> row : values.rows()) {
          checkAssignable(row.get(i), target, columns.get(i));
        }
      } else if (input instanceof PhysicalProject project) {
        checkAssignable(project.expressions().get(i), target, columns.get(i));
      } else {
        Field field = input.fields().get(i);
        checkAssignable(new PhysicalExpr.InputRef(i, field.type(), field.nullable()), target, columns.get(i));
      }
    }
  }

  private static void checkAssignable(PhysicalExpr expr, ColumnType target, ColumnDef column) {
    if (expr instanceof PhysicalExpr.Literal literal && literal.value() == null) {
      return;
    }
    if (!isAssignable(unwrapCasts(expr).type(), target)) {
      throw QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "column %s is of type %s but the value is of type %s",
          column.name(), target, unwrapCasts(expr).type());
    }
  }

  /**
   * The value before casts: Calcite's type coercion has already wrapped a mismatched value in
   * a CAST to the column type, indistinguishable from one the user wrote (so an explicit
   * CAST(5 AS BOOLEAN) is rejected as well).
   */
  private static PhysicalExpr unwrapCasts(PhysicalExpr expr) {
    PhysicalExpr current = expr;
    while (current instanceof PhysicalExpr.Call call && call.function() == ScalarFunction.CAST) {
      current = call.operands().get(0);
    }
    return current;
  }

  private static boolean isAssignable(ColumnType source, ColumnType target) {
    dev.quaver.type.SqlType from = source.type();
    dev.quaver.type.SqlType to = target.type();
    if (from == to || from.isCharacter() || to.isCharacter()) {
      return true;
    }
    if (from.isNumeric() && to.isNumeric()) {
      return true;
    }
    if (from.isDatetime() && to.isDatetime()) {
      return !(from == dev.quaver.type.SqlType.TIME ^ to == dev.quaver.type.SqlType.TIME);
    }
    return false;
  }

  private static List<Field> columnFields(List<ColumnDef> columns, List<PhysicalExpr> row) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      boolean nullable = row == null || row.get(i).nullable();
      fields.add(new Field(columns.get(i).name(), columns.get(i).type(), nullable));
    }
    return fields;
  }
}
