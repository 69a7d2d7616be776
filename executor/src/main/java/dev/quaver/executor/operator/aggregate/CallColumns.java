package dev.quaver.executor.operator.aggregate;

import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.type.SqlType;
import dev.quaver.executor.vector.VectorValues;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Chooses the {@link CallColumn} of an aggregate call: a primitive column (COUNT, SUM, SUM0, AVG,
 * MIN, MAX over integral / date / time / floating point / DECIMAL arguments as the call's type
 * allows; see each class) when the aggregation is vectorized and the call is not DISTINCT, else
 * the boxed {@link BoxedCallColumn} over {@link Accumulators} (every function, DISTINCT, any
 * type). Both follow Accumulators' semantics exactly. Stateless.
 */
final class CallColumns {
  private CallColumns() {}

  static CallColumn create(AggregateCall call, List<Field> inputFields, boolean vectorized, LongConsumer reserve) {
    if (vectorized && !call.distinct()) {
      CallColumn column = primitive(call, inputFields);
      if (column != null) {
        return column;
      }
    }
    return new BoxedCallColumn(call, reserve);
  }

  private static CallColumn primitive(AggregateCall call, List<Field> inputFields) {
    List<Integer> arguments = call.arguments();
    if (call.filterColumn() >= 0 && BatchColumn.kindOf(inputFields.get(call.filterColumn())) != BatchColumn.Kind.BIT) {
      return null;
    }
    switch (call.function()) {
      case COUNT_STAR:
        return new CountColumn(call, new int[0]);
      case COUNT:
        for (int argument : arguments) {
          if (BatchColumn.kindOf(inputFields.get(argument)) == null) {
            return null;
          }
        }
        return new CountColumn(call, arguments.stream().mapToInt(Integer::intValue).toArray());
      case SUM:
      case SUM0:
      case AVG:
        return arguments.size() == 1 ? SumColumn.of(call, inputFields.get(arguments.get(0))) : null;
      case MIN:
      case MAX: {
        if (arguments.size() != 1) {
          return null;
        }
        BatchColumn.Kind kind = BatchColumn.kindOf(inputFields.get(arguments.get(0)));
        boolean numeric = kind == BatchColumn.Kind.LONG || kind == BatchColumn.Kind.FLOAT
            || kind == BatchColumn.Kind.DOUBLE;
        return numeric && call.type().type() != SqlType.BOOLEAN ? new ExtremeColumn(call, kind) : null;
      }
      default:
        return null;
    }
  }

  /** True when row {@code row} passes the call's filter column (TRUE; not FALSE, not NULL). */
  static boolean passes(BatchColumn filter, int row) {
    return !filter.isNull(row) && filter.longAt(row) != 0;
  }

  /** The filter column of {@code call} in {@code columns}, or null. */
  static BatchColumn filter(AggregateCall call, BatchColumn[] columns) {
    return call.filterColumn() >= 0 ? columns[call.filterColumn()] : null;
  }

  /** Writes a long result (a BIGINT fast path; other vectors convert the number). */
  static void setLong(FieldVector vector, int index, long value) {
    if (vector instanceof BigIntVector bigint) {
      bigint.setSafe(index, value);
    } else {
      VectorValues.set(vector, index, value);
    }
  }

  static void setDouble(FieldVector vector, int index, double value) {
    if (vector instanceof Float8Vector doubles) {
      doubles.setSafe(index, value);
    } else {
      VectorValues.set(vector, index, value);
    }
  }
}
