package dev.quaver.planner.schema;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.Identity;
import dev.quaver.storage.catalog.TableDef;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;

/**
 * The values an INSERT gives to the columns it leaves out: the column's DEFAULT expression
 * (parsed from {@link ColumnDef#defaultSql()}) or NULL. A NOT NULL column without a default is
 * NOT_NULLABLE, so leaving it out is a validation error. An identity column's "default" is NULL,
 * which storage replaces at commit with the next identity value; a GENERATED ALWAYS identity
 * column is STORED, so Calcite's validator refuses any value but DEFAULT for it ("Cannot INSERT
 * into generated column", 428C9). Immutable.
 */
final class ColumnDefaults extends NullInitializerExpressionFactory {
  private final TableDef table;

  ColumnDefaults(TableDef table) {
    this.table = table;
  }

  @Override
  public ColumnStrategy generationStrategy(RelOptTable relTable, int column) {
    if (column >= table.columns().size()) {
      return ColumnStrategy.NOT_NULLABLE; // the hidden row key: stored, never computed
    }
    ColumnDef def = table.columns().get(column);
    if (def.identity() == Identity.ALWAYS) {
      return ColumnStrategy.STORED;
    }
    if (def.defaultSql() != null || def.identity().isIdentity()) {
      return ColumnStrategy.DEFAULT;
    }
    return def.nullable() ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
  }

  @Override
  public RexNode newColumnDefaultValue(RelOptTable relTable, int column, InitializerContext context) {
    ColumnDef def = table.columns().get(column);
    RexBuilder rexBuilder = context.getRexBuilder();
    RelDataType type = relTable.getRowType().getFieldList().get(column).getType();
    if (def.defaultSql() == null) {
      return rexBuilder.makeNullLiteral(type);
    }
    SqlNode expression;
    try {
      expression = SqlParser.create(def.defaultSql()).parseExpression();
    } catch (SqlParseException e) {
      throw new IllegalStateException(
          "bad DEFAULT of column " + def.name() + " of " + table.name() + ": " + def.defaultSql(), e);
    }
    RexNode value = context.convertExpression(expression);
    return rexBuilder.makeCast(type, value, true, false);
  }
}
