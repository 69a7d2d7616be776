package dev.quaver.planner.schema;

import dev.quaver.storage.catalog.ViewDef;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog view: its row type comes from validating its SQL (through {@link ViewTyper}), and a
 * query that reads it gets the view's query expanded in place by SqlToRelConverter's
 * ViewExpander, renamed to the view's column names. Immutable.
 */
public final class CatalogView extends AbstractTable implements TranslatableTable {
  /** Validates a view's query and returns its row type, renamed to the view's column names. */
  @FunctionalInterface
  public interface ViewTyper {
    RelDataType rowType(ViewDef view, RelDataTypeFactory typeFactory);
  }

  private final ViewDef view;
  private final ViewTyper typer;

  public CatalogView(ViewDef view, ViewTyper typer) {
    this.view = Objects.requireNonNull(view, "view is null");
    this.typer = Objects.requireNonNull(typer, "typer is null");
  }

  public ViewDef view() {
    return view;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return typer.rowType(view, typeFactory);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelDataType rowType = relOptTable.getRowType();
    RelRoot root = context.expandView(rowType, view.sql(), List.of(), List.of(view.name()));
    return RelOptUtil.createCastRel(root.project(), rowType, true);
  }
}
