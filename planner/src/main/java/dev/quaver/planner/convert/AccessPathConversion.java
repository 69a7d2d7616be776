package dev.quaver.planner.convert;

import dev.quaver.planner.SessionSettings;
import dev.quaver.planner.Settings;
import dev.quaver.planner.cost.CostMetadataQuery;
import dev.quaver.planner.cost.CostModel;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.planner.physical.IndexAccess;
import dev.quaver.planner.physical.KeyRange;
import dev.quaver.planner.physical.PhysicalIndexScan;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Chooses how a filtered table is read (issue #7, access paths): the full scan (columnar
 * segments ⊕ delta, or the row store) with the filter on top, or a {@link PhysicalIndexScan} that
 * reads only the keys the filter allows: a primary-key point get or range, or a secondary-index
 * range followed by row lookups. Candidates come from {@link KeyConditions}; the cheapest wins
 * by the cost model (docs/cost-model.md, "Access paths"), or the session's {@code access_path}
 * forces one. Stateless.
 */
final class AccessPathConversion {
  /** Opening a cursor at one key: a seek in the memtables and in every SSTable level (ns). */
  static final double KEY_SEEK = 3_000;
  /**
   * Reading one row of a key range from the row store into vectors (ns): a merging cursor over
   * memtables and SSTables and a row decode, several times a columnar row's {@code SCAN_ROW}.
   */
  static final double KEY_ROW = 300;
  /** Looking one row up by its key after an index entry: a point read of the row store (ns). */
  static final double ROW_LOOKUP = 2_000;

  private AccessPathConversion() {}

  /**
   * The index scan that should replace {@code Filter(scan)}, or null to keep the scan.
   * {@code condition} is the filter's condition over the scan's output, already converted.
   */
  static PhysicalIndexScan choose(RelConverter converter, Filter filter, PhysicalTableScan scan,
      PhysicalExpr condition, SessionSettings settings) {
    String mode = settings.get(Settings.ACCESS_PATH);
    TableDef table = scan.table();
    if ("scan".equals(mode) || table.id() < 0 || scan.filter() != null) {
      return null;
    }
    List<RexNode> rexConjuncts = RelOptUtil.conjunctions(filter.getCondition());
    List<PhysicalExpr> conjuncts = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    RexConverter rex = converter.rex(scan.fields());
    for (int i = 0; i < rexConjuncts.size(); i++) {
      for (PhysicalExpr conjunct : KeyConditions.flatten(rex.convert(rexConjuncts.get(i)), ScalarFunction.AND)) {
        conjuncts.add(conjunct);
        owners.add(i);
      }
    }
    KeyConditions conditions = KeyConditions.of(conjuncts, owners, scan.columns(), table);
    double tableRows = Math.max(1, converter.rows(filter.getInput()));
    double scanCost = scanCost(scan, tableRows);
    PhysicalIndexScan best = null;
    if (table.hasPrimaryKey()) {
      best = candidate(converter, filter, scan, condition, conditions, null, table.primaryKey(), true, rexConjuncts,
          tableRows, scanCost);
    }
    for (IndexDef index : table.indexes()) {
      PhysicalIndexScan candidate = candidate(converter, filter, scan, condition, conditions, index.name(),
          index.columns(), index.unique(), rexConjuncts, tableRows, scanCost);
      if (candidate != null && (best == null || candidate.cost() < best.cost())) {
        best = candidate;
      }
    }
    if (best == null || !"auto".equals(mode)) {
      return best;
    }
    if (best.cost() >= scanCost || unknownStatistics(filter, table) && !atMostOneRowPerRange(best)) {
      return null; // unknown is large: without statistics only reads of at most one row per key win
    }
    return best;
  }

  private static boolean unknownStatistics(Filter filter, TableDef table) {
    return !(filter.getCluster().getMetadataQuery() instanceof CostMetadataQuery query)
        || query.statistics().table(table) == null;
  }

  /** Every range binds every key column of the primary key or of a UNIQUE index. */
  private static boolean atMostOneRowPerRange(PhysicalIndexScan scan) {
    boolean unique = scan.index() == null || scan.table().index(scan.index()).map(IndexDef::unique).orElse(false);
    return unique && scan.ranges().stream().allMatch(range -> range.equal().size() == scan.keyColumns().size()
        && range.equal().stream().noneMatch(KeyRange::isNull)); // a UNIQUE index holds many NULLs
  }

  /** The full scan with the filter: every row read and tested. */
  static double scanCost(PhysicalTableScan scan, double tableRows) {
    return CostModel.scan(tableRows, tableRows * CostModel.rowBytes(scan.fields()))
        + CostModel.expressions(tableRows, 1);
  }

  /** Reading {@code keyRows} rows through {@code ranges} key ranges, then filtering them. */
  static double indexCost(int ranges, double keyRows, boolean secondary) {
    return ranges * KEY_SEEK + keyRows * (KEY_ROW + (secondary ? ROW_LOOKUP : 0))
        + CostModel.expressions(keyRows, 1);
  }

  private static PhysicalIndexScan candidate(RelConverter converter, Filter filter, PhysicalTableScan scan,
      PhysicalExpr condition, KeyConditions conditions, String index, List<Integer> keyColumns, boolean unique,
      List<RexNode> rexConjuncts, double tableRows, double scanCost) {
    KeyConditions.Access access = conditions.ranges(keyColumns);
    if (access == null) {
      return null;
    }
    double keyRows;
    if (access.point() && unique) {
      keyRows = Math.min(tableRows, access.ranges().size());
    } else {
      List<RexNode> used = new ArrayList<>();
      access.consumed().forEach(i -> used.add(rexConjuncts.get(i)));
      RexNode keyCondition = RexUtil.composeConjunction(converter.rexBuilder(), used);
      keyRows = Math.min(tableRows, converter.rows(filter.copy(filter.getTraitSet(), filter.getInput(), keyCondition)));
    }
    IndexAccess kind = index != null ? IndexAccess.SECONDARY_INDEX
        : access.point() ? IndexAccess.PRIMARY_KEY_POINT : IndexAccess.PRIMARY_KEY_RANGE;
    double cost = indexCost(access.ranges().size(), keyRows, index != null);
    // at most the rows the key ranges reach (a point get of a table never analyzed is still 1 row)
    double rows = Math.max(1, Math.min(converter.rows(filter), keyRows));
    return new PhysicalIndexScan(scan.table(), index, kind, keyColumns, access.ranges(), scan.columns(),
        scan.withRowKey(), condition, scan.fields(), Distribution.single(), rows, cost, scanCost);
  }
}
