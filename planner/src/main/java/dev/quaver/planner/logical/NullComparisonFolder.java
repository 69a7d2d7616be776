package dev.quaver.planner.logical;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Replaces a comparison ({@code = <> < <= > >=}) with an operand that is NULL by construction (a
 * NULL literal, or a cast, sign or arithmetic over one) by a NULL of the comparison's type: under SQL's three-valued logic it is UNKNOWN whatever the other operand is.
 * Calcite's simplifier does this only where it simplifies; a comparison with NULL left in a
 * filter makes its predicate metadata ({@code RelOptPredicateList}) fail an internal check when a
 * later step asks for it (for example {@code NOT - CAST(NULL AS INTEGER) NOT IN (col, 37)} under
 * a DISTINCT). {@code IS [NOT] DISTINCT FROM} is defined on NULL and is left alone.
 *
 * <p>Thread safety: stateless.
 */
public final class NullComparisonFolder {
  private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
      SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL);

  /** Operators that return NULL when any operand is NULL. */
  private static final Set<SqlKind> STRICT = EnumSet.of(SqlKind.CAST, SqlKind.MINUS_PREFIX,
      SqlKind.PLUS_PREFIX, SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE,
      SqlKind.MOD);

  private NullComparisonFolder() {}

  /** A NULL literal, or a strict operator (cast, sign, arithmetic) over one. */
  static boolean isDefinitelyNull(RexNode node) {
    if (RexUtil.isNullLiteral(node, false)) {
      return true;
    }
    if (node instanceof RexCall call && STRICT.contains(call.getKind())) {
      for (RexNode operand : call.getOperands()) {
        if (isDefinitelyNull(operand)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code rel} with every comparison against a NULL literal, at any depth, folded to NULL. */
  public static RelNode apply(RelNode rel) {
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    RexShuttle fold = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        RexNode visited = super.visitCall(call);
        if (visited instanceof RexCall result && COMPARISONS.contains(result.getKind())) {
          for (RexNode operand : result.getOperands()) {
            if (isDefinitelyNull(operand)) {
              return rexBuilder.makeNullLiteral(result.getType());
            }
          }
        }
        return visited;
      }
    };
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other).accept(fold);
      }
    });
  }
}
