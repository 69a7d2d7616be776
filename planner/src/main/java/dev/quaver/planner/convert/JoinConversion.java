package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalNestedLoopJoin;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Joins: equi keys ({@code a = b} between the two sides, NULLs never matching) give a
 * PhysicalHashJoin with the rest of the condition as residual; no equi keys give a
 * PhysicalNestedLoopJoin. Key pairs of different types get cast columns appended to the side
 * that needs one (and a Project on top removes them again), so key pairs always have one type:
 *
 * <pre>
 *   Join(a INTEGER = b BIGINT)  becomes
 *   Project(drop $1) ← HashJoin(keys=[1]=[0]) ← (Project(a, CAST(a AS BIGINT)) ← left, right)
 * </pre>
 */
final class JoinConversion {
  private static final Distribution SINGLE = Distribution.single();

  private JoinConversion() {}

  static PhysicalNode convert(RelConverter converter, Join join) {
    RexBuilder rexBuilder = converter.rexBuilder();
    PhysicalNode left = converter.convert(join.getLeft());
    PhysicalNode right = converter.convert(join.getRight());
    JoinType joinType = joinType(join.getJoinType());
    int leftWidth = left.fields().size();
    int rightWidth = right.fields().size();

    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<Boolean> filterNulls = new ArrayList<>();
    List<RexNode> residual = new ArrayList<>();
    RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(), leftKeys, rightKeys,
        filterNulls, residual);

    List<PhysicalExpr> leftExtra = new ArrayList<>();
    List<PhysicalExpr> rightExtra = new ArrayList<>();
    List<Integer> hashLeft = new ArrayList<>();
    List<Integer> hashRight = new ArrayList<>();
    for (int i = 0; i < leftKeys.size(); i++) {
      int l = leftKeys.get(i);
      int r = rightKeys.get(i);
      Field lf = left.fields().get(l);
      Field rf = right.fields().get(r);
      ColumnType common = TypeMapping.commonType(lf.type(), rf.type());
      // IS NOT DISTINCT FROM is a plain hash key when neither side can be NULL
      boolean nullSafe = filterNulls.get(i) || (!lf.nullable() && !rf.nullable());
      if (!nullSafe || common == null) {
        residual.add(rexBuilder.makeCall(
            filterNulls.get(i) ? SqlStdOperatorTable.EQUALS : SqlStdOperatorTable.IS_NOT_DISTINCT_FROM,
            rexBuilder.makeInputRef(join.getLeft().getRowType().getFieldList().get(l).getType(), l),
            rexBuilder.makeInputRef(join.getRight().getRowType().getFieldList().get(r).getType(),
                leftWidth + r)));
        continue;
      }
      hashLeft.add(keyColumn(lf, l, common, leftWidth, leftExtra));
      hashRight.add(keyColumn(rf, r, common, rightWidth, rightExtra));
    }
    PhysicalNode newLeft = withExtra(left, leftExtra);
    PhysicalNode newRight = withExtra(right, rightExtra);
    int shift = leftExtra.size();
    List<Field> concatenated = new ArrayList<>(newLeft.fields());
    concatenated.addAll(newRight.fields());
    RexNode condition = RexUtil.composeConjunction(rexBuilder, residual);
    PhysicalExpr residualExpr = condition.isAlwaysTrue() ? null
        : converter.rex(concatenated, index -> index < leftWidth ? index : index + shift).convert(condition);
    List<Field> fields = joinFields(newLeft, newRight, joinType);
    double rows = converter.rows(join);
    PhysicalNode result = hashLeft.isEmpty()
        ? new PhysicalNestedLoopJoin(newLeft, newRight, joinType, residualExpr, fields, SINGLE, rows)
        : new PhysicalHashJoin(newLeft, newRight, joinType, hashLeft, hashRight, residualExpr, fields, SINGLE,
            rows);
    if (leftExtra.isEmpty() && rightExtra.isEmpty()) {
      return result;
    }
    List<PhysicalExpr> keep = new ArrayList<>();
    List<Field> keptFields = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      boolean extraLeft = i >= leftWidth && i < newLeft.fields().size();
      boolean extraRight = i >= newLeft.fields().size() + rightWidth;
      if (!extraLeft && !extraRight) {
        keep.add(new PhysicalExpr.InputRef(i, fields.get(i).type(), fields.get(i).nullable()));
        keptFields.add(fields.get(i));
      }
    }
    return new PhysicalProject(result, keep, keptFields, SINGLE, rows);
  }

  private static int keyColumn(Field field, int index, ColumnType common, int width, List<PhysicalExpr> extra) {
    if (field.type().equals(common)) {
      return index;
    }
    extra.add(RexConverter.cast(new PhysicalExpr.InputRef(index, field.type(), field.nullable()), common));
    return width + extra.size() - 1;
  }

  private static PhysicalNode withExtra(PhysicalNode input, List<PhysicalExpr> extra) {
    if (extra.isEmpty()) {
      return input;
    }
    List<PhysicalExpr> expressions = new ArrayList<>();
    List<Field> fields = new ArrayList<>(input.fields());
    for (int i = 0; i < input.fields().size(); i++) {
      Field field = input.fields().get(i);
      expressions.add(new PhysicalExpr.InputRef(i, field.type(), field.nullable()));
    }
    for (int i = 0; i < extra.size(); i++) {
      expressions.add(extra.get(i));
      fields.add(new Field("$key" + i, extra.get(i).type(), extra.get(i).nullable()));
    }
    return new PhysicalProject(input, expressions, fields, SINGLE, input.estimatedRows());
  }

  static JoinType joinType(JoinRelType type) {
    switch (type) {
      case INNER:
        return JoinType.INNER;
      case LEFT:
        return JoinType.LEFT;
      case RIGHT:
        return JoinType.RIGHT;
      case FULL:
        return JoinType.FULL;
      case SEMI:
        return JoinType.SEMI;
      case ANTI:
        return JoinType.ANTI;
      default:
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "join type %s is not supported", type);
    }
  }

  static List<Field> joinFields(PhysicalNode left, PhysicalNode right, JoinType joinType) {
    List<Field> fields = new ArrayList<>();
    boolean leftNullable = joinType == JoinType.RIGHT || joinType == JoinType.FULL;
    boolean rightNullable = joinType == JoinType.LEFT || joinType == JoinType.FULL;
    for (Field field : left.fields()) {
      fields.add(leftNullable ? new Field(field.name(), field.type(), true) : field);
    }
    if (joinType.projectsRight()) {
      for (Field field : right.fields()) {
        fields.add(rightNullable ? new Field(field.name(), field.type(), true) : field);
      }
    }
    return fields;
  }
}
