package dev.quaver.planner.sql.dml;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * {@code x IN ()} and {@code x NOT IN ()} (SQLite): an empty list holds no value, so IN is FALSE
 * and NOT IN is TRUE, even when x is NULL (as for an empty subquery in standard SQL). The parser
 * builds this operator over x and an empty list (the patch of Calcite's IN production described
 * in planner/parser/pom.xml); the validator's unconditional rewrite then replaces the call by
 * {@code x IS NULL AND FALSE} (or {@code x IS NULL OR TRUE}), which keeps x validated (an
 * unknown column still fails) and simplifies to the constant.
 */
public final class SqlEmptyInOperator extends SqlBinaryOperator {
  /** IN's precedence in Calcite's SqlInOperator, so {@code a = b IN ()} groups as IN does. */
  private static final int IN_PRECEDENCE = 32;

  public static final SqlEmptyInOperator IN = new SqlEmptyInOperator("IN", false);
  public static final SqlEmptyInOperator NOT_IN = new SqlEmptyInOperator("NOT IN", true);

  private final boolean negated;

  private SqlEmptyInOperator(String name, boolean negated) {
    super(name, SqlKind.OTHER, IN_PRECEDENCE, true, ReturnTypes.BOOLEAN, InferTypes.FIRST_KNOWN, null);
    this.negated = negated;
  }

  /** The empty-list form of {@code op} (IN or NOT IN), or null for an operator without one (= ANY). */
  public static SqlEmptyInOperator of(SqlOperator op) {
    if (op.getKind() == SqlKind.IN) {
      return IN;
    }
    if (op.getKind() == SqlKind.NOT_IN) {
      return NOT_IN;
    }
    return null;
  }

  public boolean isNegated() {
    return negated;
  }

  @Override
  public SqlNode rewriteCall(SqlValidator validator, SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    SqlNode operand = call.operand(0); // a typed local: operand(0) alone would infer createCall's SqlNodeList overload
    SqlNode isNull = SqlStdOperatorTable.IS_NULL.createCall(pos, operand);
    return negated
        ? SqlStdOperatorTable.OR.createCall(pos, isNull, SqlLiteral.createBoolean(true, pos))
        : SqlStdOperatorTable.AND.createCall(pos, isNull, SqlLiteral.createBoolean(false, pos));
  }
}
