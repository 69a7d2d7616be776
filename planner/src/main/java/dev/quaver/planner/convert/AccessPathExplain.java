package dev.quaver.planner.convert;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.KeyRange;
import dev.quaver.planner.physical.PhysicalIndexScan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * EXPLAIN text of a {@link PhysicalIndexScan} (issue #7, access paths), e.g.
 * {@code IndexScan(table=T, access=point get, key=PRIMARY KEY(ID), ranges=[ID = ?0],
 * columns=[ID, NAME], filter=EQUALS($0, ?0), point get 0.003ms chosen over scan 46.000ms)}:
 * the access kind, the index, each key range over the key columns, and the access-path decision
 * with the rejected full scan's cost. Stateless.
 */
final class AccessPathExplain {
  /** Ranges beyond this many print as a count. */
  private static final int MAX_PRINTED_RANGES = 8;

  private AccessPathExplain() {}

  static String describe(PhysicalIndexScan scan) {
    List<String> keyNames = scan.keyColumns().stream().map(i -> scan.table().columns().get(i).name()).toList();
    List<String> columns = scan.columns().stream().map(i -> scan.table().columns().get(i).name()).toList();
    String ranges = scan.ranges().size() > MAX_PRINTED_RANGES ? scan.ranges().size() + " ranges"
        : scan.ranges().stream().map(range -> range(range, keyNames)).collect(Collectors.joining(" OR "));
    return "IndexScan(table=" + scan.table().name() + ", access=" + scan.access().label()
        + ", key=" + (scan.index() == null ? "PRIMARY KEY" : scan.index()) + "(" + String.join(", ", keyNames) + ")"
        + ", ranges=[" + ranges + "], columns=" + columns + (scan.withRowKey() ? ", rowKey" : "")
        + ", filter=" + ExplainPrinter.expr(scan.filter()) + ", " + scan.decision() + ")";
  }

  private static String range(KeyRange range, List<String> keyNames) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < range.equal().size(); i++) {
      parts.add(KeyRange.isNull(range.equal().get(i)) ? keyNames.get(i) + " IS NULL"
          : keyNames.get(i) + " = " + ExplainPrinter.expr(range.equal().get(i)));
    }
    String column = range.width() > range.equal().size() ? keyNames.get(range.equal().size()) : null;
    if (range.lower() != null) {
      parts.add(column + (range.lowerInclusive() ? " >= " : " > ") + ExplainPrinter.expr(range.lower()));
    }
    if (range.upper() != null) {
      parts.add(column + (range.upperInclusive() ? " <= " : " < ") + ExplainPrinter.expr(range.upper()));
    }
    return String.join(" AND ", parts);
  }
}
