package dev.quaver.executor.operator.aggregate;

import static dev.quaver.type.ColumnType.BIGINT;
import static dev.quaver.type.ColumnType.BOOLEAN;
import static dev.quaver.type.ColumnType.DOUBLE;
import static dev.quaver.type.ColumnType.INTEGER;
import static dev.quaver.type.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.ExecutorTestBase;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.planner.physical.AggregatePhase;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashAggregateOperatorTest extends ExecutorTestBase {
  private static final List<Field> INPUT = List.of(field("G", TEXT), field("X", INTEGER), field("F", BOOLEAN));

  private PhysicalNode input() {
    return values(INPUT, new Object[] {"a", 1, true}, new Object[] {"a", 1, false}, new Object[] {"b", 5, true},
        new Object[] {null, 7, true}, new Object[] {null, null, true}, new Object[] {"a", 4, true},
        new Object[] {"b", null, false});
  }

  private static AggregateCall call(AggregateFunction function, List<Integer> args, ColumnType type) {
    return new AggregateCall(function, args, false, -1, type, true, null, function.name());
  }

  private static AggregateCall distinct(AggregateFunction function, int arg, ColumnType type) {
    return new AggregateCall(function, List.of(arg), true, -1, type, true, null, function.name());
  }

  private List<List<Object>> aggregate(PhysicalNode input, List<Integer> keys, AggregateCall... calls) {
    List<Field> fields = new ArrayList<>();
    for (int key : keys) {
      fields.add(input.fields().get(key));
    }
    for (AggregateCall call : calls) {
      fields.add(field(call.name(), call.type()));
    }
    return query(new PhysicalHashAggregate(input, keys, List.of(calls), AggregatePhase.SINGLE, fields, SINGLE, 1));
  }

  @Test
  void groupsIncludingNullGroup() {
    List<List<Object>> rows = aggregate(input(), List.of(0),
        call(AggregateFunction.COUNT_STAR, List.of(), BIGINT),
        call(AggregateFunction.COUNT, List.of(1), BIGINT),
        call(AggregateFunction.SUM, List.of(1), BIGINT),
        call(AggregateFunction.MIN, List.of(1), INTEGER),
        call(AggregateFunction.MAX, List.of(1), INTEGER),
        call(AggregateFunction.AVG, List.of(1), DOUBLE));
    assertThat(rows).containsExactly(
        row("a", 3L, 3L, 6L, 1, 4, 2.0),
        row("b", 2L, 1L, 5L, 5, 5, 5.0),
        row(null, 2L, 1L, 7L, 7, 7, 7.0));
  }

  @Test
  void distinctAndFilterColumn() {
    AggregateCall filtered = new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, 2, BIGINT, false,
        null, "CF");
    List<List<Object>> rows = aggregate(input(), List.of(0),
        distinct(AggregateFunction.COUNT, 1, BIGINT), distinct(AggregateFunction.SUM, 1, BIGINT), filtered);
    assertThat(rows).containsExactly(row("a", 2L, 5L, 2L), row("b", 1L, 5L, 1L), row(null, 1L, 7L, 2L));
  }

  @Test
  void emptyInputWithoutKeysGivesOneRow() {
    PhysicalNode empty = values(INPUT);
    assertThat(aggregate(empty, List.of(), call(AggregateFunction.COUNT_STAR, List.of(), BIGINT),
        call(AggregateFunction.SUM, List.of(1), BIGINT), call(AggregateFunction.SUM0, List.of(1), BIGINT),
        call(AggregateFunction.MAX, List.of(1), INTEGER)))
        .containsExactly(row(0L, null, 0L, null));
    assertThat(aggregate(empty, List.of(0), call(AggregateFunction.COUNT_STAR, List.of(), BIGINT))).isEmpty();
  }

  @Test
  void sumOverflowIsNumericValueOutOfRange() {
    PhysicalNode big = values(List.of(field("X", BIGINT)), new Object[] {Long.MAX_VALUE}, new Object[] {1L});
    assertThatThrownBy(() -> aggregate(big, List.of(), call(AggregateFunction.SUM, List.of(0), BIGINT)))
        .isInstanceOfSatisfying(QuaverException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
  }

  @Test
  void singleValueRejectsSecondRow() {
    assertThatThrownBy(() -> aggregate(input(), List.of(), call(AggregateFunction.SINGLE_VALUE, List.of(1), INTEGER)))
        .isInstanceOfSatisfying(QuaverException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CARDINALITY_VIOLATION));
    PhysicalNode one = values(List.of(field("X", INTEGER)), new Object[] {3});
    assertThat(aggregate(one, List.of(), call(AggregateFunction.SINGLE_VALUE, List.of(0), INTEGER)))
        .containsExactly(row(3));
  }

  @Test
  void decimalAverageAndBooleanFolds() {
    ColumnType money = ColumnType.decimal(10, 2);
    PhysicalNode input = values(List.of(field("M", money), field("B", BOOLEAN)),
        new Object[] {new BigDecimal("1.00"), true}, new Object[] {new BigDecimal("2.00"), false},
        new Object[] {new BigDecimal("2.00"), null});
    assertThat(aggregate(input, List.of(), call(AggregateFunction.AVG, List.of(0), money),
        call(AggregateFunction.SUM, List.of(0), ColumnType.decimal(12, 2)),
        call(AggregateFunction.BOOL_AND, List.of(1), BOOLEAN), call(AggregateFunction.BOOL_OR, List.of(1), BOOLEAN),
        new AggregateCall(AggregateFunction.LITERAL_AGG, List.of(), false, -1, INTEGER, false, 9, "L"),
        call(AggregateFunction.ANY_VALUE, List.of(0), money)))
        .containsExactly(row(new BigDecimal("1.67"), new BigDecimal("5.00"), false, true, 9, new BigDecimal("1.00")));
  }
}
