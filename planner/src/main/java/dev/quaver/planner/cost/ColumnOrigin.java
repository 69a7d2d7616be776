package dev.quaver.planner.cost;

import dev.quaver.planner.schema.CatalogTable;
import dev.quaver.storage.catalog.TableDef;
import java.util.List;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * The table column an output column of a logical plan comes from unchanged (through filters,
 * projections of plain references, joins, sorts and group keys), so that its statistics apply.
 * Immutable.
 */
record ColumnOrigin(TableDef table, int column) {
  /** The origin of field {@code field} of {@code rel}, or null when it is computed. */
  static ColumnOrigin of(RelNode rel, int field) {
    RelNode node = rel;
    int index = field;
    for (int depth = 0; depth < 200; depth++) {
      if (node instanceof HepRelVertex vertex) {
        node = vertex.getCurrentRel();
      } else if (node instanceof TableScan scan) {
        CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
        if (table == null || index >= table.table().columns().size()) {
          return null;
        }
        return new ColumnOrigin(table.table(), index);
      } else if (node instanceof Project project) {
        List<RexNode> projects = project.getProjects();
        if (index >= projects.size() || !(projects.get(index) instanceof RexInputRef ref)) {
          return null;
        }
        index = ref.getIndex();
        node = project.getInput();
      } else if (node instanceof Filter || node instanceof Sort) {
        node = node.getInput(0);
      } else if (node instanceof Join || node instanceof Correlate) {
        RelNode left = node.getInput(0);
        int leftWidth = left.getRowType().getFieldCount();
        if (index < leftWidth) {
          node = left;
        } else {
          index -= leftWidth;
          node = node.getInput(1);
        }
      } else if (node instanceof Aggregate aggregate) {
        List<Integer> keys = aggregate.getGroupSet().asList();
        if (index >= keys.size()) {
          return null;
        }
        index = keys.get(index);
        node = aggregate.getInput();
      } else {
        return null;
      }
    }
    return null;
  }
}
