package dev.quaver.jdbc;

import dev.quaver.protocol.BatchColumn;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.type.ColumnType;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of a prepared statement, held column-wise: the set being bound, and the sets
 * added to the batch. A parameter of a fixed-width type lives in a {@code long[]} or
 * {@code double[]} column ({@link BatchColumn.Layout}), so {@code setInt} then
 * {@code addBatch} stores a primitive and the batch goes to the wire as primitive columns —
 * no {@code Object[]} per set and no boxed value per parameter (a 1000-row batch of six
 * parameters used to allocate 7,000 objects before encoding).
 *
 * <p>Values arrive already converted to the parameter's declared type (the setters'
 * conversions), as Java values of {@link dev.quaver.type.SqlType} or as their primitive form.
 *
 * <p>Thread safety: confined, as the statement that owns it.
 */
final class ParameterColumns {
  private final List<ColumnType> types;
  private final BatchColumn.Layout[] layouts;
  private final long[] currentLongs;
  private final double[] currentDoubles;
  private final Object[] currentObjects;
  private final boolean[] currentNull;
  private final boolean[] isSet;
  private long[][] longs;
  private double[][] doubles;
  private Object[][] objects;
  private boolean[][] nulls;
  /** Per column: whether any added set had NULL there (else no mask goes to the batch). */
  private final boolean[] anyNull;
  private int rows;
  private int capacity;

  ParameterColumns(List<ColumnType> types) {
    this.types = List.copyOf(types);
    int count = types.size();
    layouts = new BatchColumn.Layout[count];
    for (int i = 0; i < count; i++) {
      layouts[i] = BatchColumn.layoutOf(types.get(i).type());
    }
    currentLongs = new long[count];
    currentDoubles = new double[count];
    currentObjects = new Object[count];
    currentNull = new boolean[count];
    isSet = new boolean[count];
    anyNull = new boolean[count];
    startOver(0);
  }

  int count() {
    return types.size();
  }

  List<ColumnType> currentTypes() {
    return types;
  }

  BatchColumn.Layout layout(int index) {
    return layouts[index];
  }

  /** Requires: a LONGS parameter; {@code value} in its primitive form. */
  void setLong(int index, long value) {
    currentLongs[index] = value;
    currentNull[index] = false;
    isSet[index] = true;
  }

  /** Requires: a DOUBLES parameter. */
  void setDouble(int index, double value) {
    currentDoubles[index] = value;
    currentNull[index] = false;
    isSet[index] = true;
  }

  void setNull(int index) {
    currentNull[index] = true;
    currentObjects[index] = null;
    isSet[index] = true;
  }

  /** A Java value of the parameter's type (or null), stored in the parameter's layout. */
  void set(int index, Object value) {
    if (value == null) {
      setNull(index);
      return;
    }
    switch (layouts[index]) {
      case LONGS -> setLong(index, value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue());
      case DOUBLES -> setDouble(index, ((Number) value).doubleValue());
      case OBJECTS -> {
        currentObjects[index] = value;
        currentNull[index] = false;
        isSet[index] = true;
      }
    }
  }

  void clearCurrent() {
    Arrays.fill(isSet, false);
    Arrays.fill(currentNull, false);
    Arrays.fill(currentObjects, null);
  }

  /** The 1-based position of the first parameter without a value, or 0 when all have one. */
  int firstUnset() {
    for (int i = 0; i < isSet.length; i++) {
      if (!isSet[i]) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Appends the current set to the batch (the current values stay bound, as JDBC requires). */
  void addBatch() {
    if (rows == capacity) {
      allocate(Math.max(16, capacity * 2));
    }
    for (int i = 0; i < layouts.length; i++) {
      boolean isNull = currentNull[i];
      nulls[i][rows] = isNull;
      anyNull[i] |= isNull;
      switch (layouts[i]) {
        case LONGS -> longs[i][rows] = isNull ? 0 : currentLongs[i];
        case DOUBLES -> doubles[i][rows] = isNull ? 0 : currentDoubles[i];
        case OBJECTS -> objects[i][rows] = isNull ? null : currentObjects[i];
      }
    }
    rows++;
  }

  int batchSize() {
    return rows;
  }

  void clearBatch() {
    startOver(0);
  }

  /** An empty batch over fresh arrays of {@code newCapacity} (the last batch's size: no regrowth). */
  private void startOver(int newCapacity) {
    rows = 0;
    Arrays.fill(anyNull, false);
    longs = null;
    doubles = null;
    objects = null;
    nulls = null;
    allocate(newCapacity);
  }

  /** The current set as a one-row batch (EXECUTE). */
  ColumnBatch current() {
    BatchColumn[] columns = new BatchColumn[layouts.length];
    for (int i = 0; i < layouts.length; i++) {
      dev.quaver.type.SqlType type = types.get(i).type();
      boolean[] mask = currentNull[i] ? new boolean[] {true} : null;
      columns[i] = switch (layouts[i]) {
        case LONGS -> BatchColumn.ofLongs(type, new long[] {mask == null ? currentLongs[i] : 0}, mask, 1);
        case DOUBLES -> BatchColumn.ofDoubles(type, new double[] {mask == null ? currentDoubles[i] : 0}, mask, 1);
        case OBJECTS -> BatchColumn.ofObjects(type, new Object[] {mask == null ? currentObjects[i] : null});
      };
    }
    return ColumnBatch.ofColumns(types, 1, columns);
  }

  /** The added sets as one batch, taking the arrays over; the batch starts empty again. */
  ColumnBatch takeBatch() {
    int count = rows;
    BatchColumn[] columns = new BatchColumn[layouts.length];
    for (int i = 0; i < layouts.length; i++) {
      dev.quaver.type.SqlType type = types.get(i).type();
      boolean[] mask = anyNull[i] ? nulls[i] : null;
      columns[i] = switch (layouts[i]) {
        case LONGS -> BatchColumn.ofLongs(type, longs[i], mask, count);
        case DOUBLES -> BatchColumn.ofDoubles(type, doubles[i], mask, count);
        case OBJECTS -> BatchColumn.ofObjects(type, count == objects[i].length ? objects[i]
            : Arrays.copyOf(objects[i], count));
      };
    }
    ColumnBatch batch = ColumnBatch.ofColumns(types, count, columns);
    startOver(count);
    return batch;
  }

  /** Grows (copying) or, after {@link #startOver}, creates the batch arrays. */
  private void allocate(int newCapacity) {
    int count = layouts.length;
    long[][] newLongs = new long[count][];
    double[][] newDoubles = new double[count][];
    Object[][] newObjects = new Object[count][];
    boolean[][] newNulls = new boolean[count][];
    for (int i = 0; i < count; i++) {
      newNulls[i] = nulls == null ? new boolean[newCapacity] : Arrays.copyOf(nulls[i], newCapacity);
      switch (layouts[i]) {
        case LONGS -> newLongs[i] = longs == null ? new long[newCapacity] : Arrays.copyOf(longs[i], newCapacity);
        case DOUBLES -> newDoubles[i] = doubles == null ? new double[newCapacity]
            : Arrays.copyOf(doubles[i], newCapacity);
        case OBJECTS -> newObjects[i] = objects == null ? new Object[newCapacity]
            : Arrays.copyOf(objects[i], newCapacity);
      }
    }
    longs = newLongs;
    doubles = newDoubles;
    objects = newObjects;
    nulls = newNulls;
    capacity = newCapacity;
  }
}
