package dev.quaver.executor.operator.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.storage.ScanPredicate;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

class ScanPredicatesTest {
  private static final TableDef TABLE = new TableDef(1, "T", List.of(
      new ColumnDef("A", ColumnType.INTEGER, true, null),
      new ColumnDef("S", ColumnType.varchar(5), true, null),
      new ColumnDef("B", ColumnType.INTEGER, true, null),
      new ColumnDef("D", ColumnType.decimal(5, 1), true, null)),
      List.of(), List.of(), 1, List.of());

  private static PhysicalExpr call(ScalarFunction function, PhysicalExpr... operands) {
    return new PhysicalExpr.Call(function, List.of(operands), ColumnType.BOOLEAN, true);
  }

  private static PhysicalExpr ref(int index, ColumnType type) {
    return new PhysicalExpr.InputRef(index, type, true);
  }

  @Test
  void extractsColumnLiteralConjunctsOnTableOrdinals() {
    PhysicalExpr filter = call(ScalarFunction.AND,
        call(ScalarFunction.GREATER_THAN, ref(0, ColumnType.INTEGER),
            new PhysicalExpr.Literal(5, ColumnType.INTEGER)),
        call(ScalarFunction.EQUALS, new PhysicalExpr.Literal("SE", ColumnType.varchar(2)),
            ref(1, ColumnType.varchar(5))),
        call(ScalarFunction.LESS_THAN, ref(1, ColumnType.varchar(5)),
            new PhysicalExpr.Literal("x", ColumnType.varchar(1))),
        call(ScalarFunction.LESS_THAN, new PhysicalExpr.Literal(9, ColumnType.INTEGER),
            ref(0, ColumnType.INTEGER)),
        call(ScalarFunction.EQUALS, ref(0, ColumnType.INTEGER),
            new PhysicalExpr.Literal(5L, ColumnType.BIGINT)),
        call(ScalarFunction.GREATER_THAN, ref(2, ColumnType.decimal(5, 1)),
            new PhysicalExpr.Literal(new BigDecimal("1.05"), ColumnType.decimal(3, 2))));
    assertThat(ScanPredicates.extract(filter, TABLE, List.of(2, 1, 3))).containsExactly(
        new ScanPredicate(2, ScanPredicate.Op.GT, 5),
        new ScanPredicate(1, ScanPredicate.Op.EQ, "SE"),
        new ScanPredicate(2, ScanPredicate.Op.GT, 9));
  }

  @Test
  void noFilterNoPredicates() {
    assertThat(ScanPredicates.extract(null, TABLE, List.of(0))).isEmpty();
    assertThat(ScanPredicates.extract(call(ScalarFunction.OR,
        call(ScalarFunction.EQUALS, ref(0, ColumnType.INTEGER),
            new PhysicalExpr.Literal(1, ColumnType.INTEGER))), TABLE, List.of(0))).isEmpty();
  }

  /** Parameter values as the Executor binds them; nothing else is used by ScanPredicates. */
  private static EvaluationContext parameters(Object... values) {
    return new EvaluationContext() {
      @Override
      public BufferAllocator allocator() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Object parameter(int index) {
        return values[index];
      }

      @Override
      public Object correlationValue(int correlationId, int index) {
        throw new UnsupportedOperationException();
      }

      @Override
      public long statementStartMillis() {
        return 0;
      }
    };
  }

  @Test
  void resolvesParametersAtExecution() {
    PhysicalExpr filter = call(ScalarFunction.AND,
        call(ScalarFunction.GREATER_THAN, ref(0, ColumnType.INTEGER),
            new PhysicalExpr.Parameter(0, ColumnType.INTEGER)),
        call(ScalarFunction.GREATER_THAN_OR_EQUAL, new PhysicalExpr.Parameter(1, ColumnType.INTEGER),
            ref(0, ColumnType.INTEGER)),
        call(ScalarFunction.EQUALS, ref(1, ColumnType.varchar(5)),
            new PhysicalExpr.Parameter(2, ColumnType.varchar(5))),
        // a NULL value, a value of another type and a parameter of another type: no pruning
        call(ScalarFunction.LESS_THAN, ref(0, ColumnType.INTEGER),
            new PhysicalExpr.Parameter(3, ColumnType.INTEGER)),
        call(ScalarFunction.LESS_THAN, ref(0, ColumnType.INTEGER),
            new PhysicalExpr.Parameter(4, ColumnType.INTEGER)),
        call(ScalarFunction.EQUALS, ref(0, ColumnType.INTEGER),
            new PhysicalExpr.Parameter(5, ColumnType.BIGINT)));
    assertThat(ScanPredicates.extract(filter, TABLE, List.of(2, 1),
        parameters(10, 20, "SE", null, 5L, 7L))).containsExactly(
        new ScanPredicate(2, ScanPredicate.Op.GT, 10),
        new ScanPredicate(2, ScanPredicate.Op.LE, 20),
        new ScanPredicate(1, ScanPredicate.Op.EQ, "SE"));
    // planning time (no context): parameters are left alone
    assertThat(ScanPredicates.extract(filter, TABLE, List.of(2, 1))).isEmpty();
  }
}
