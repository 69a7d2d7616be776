package dev.quaver.storage;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Identity columns at commit. A new row (insert, or update) whose identity column is NULL gets
 * the table's next value, assigned under the commit lock by {@link CommitBuilder} in commit
 * order, so values only grow. The counter lives in the same map and WAL/manifest field as the
 * hidden row ids (a commit's record carries the counter's new high-water mark), under the id
 * {@link #counterId}: durable with the rows that used its values, across restart and crash.
 * Values of a failed commit are not reused while the server runs (a gap, as with SQL sequences).
 *
 * <p>Also the capture of inserted rows for JDBC generated keys: {@link #captureInserts} runs a
 * statement on the current thread and returns the rows it inserted into a table, after commit,
 * identity values filled in (the server's INSERT ... RETURNING path).
 *
 * <p>Thread safety: the capture is per thread; the rest is stateless.
 */
public final class IdentityColumns {
  /** Marks counter ids apart from table ids (table ids are small positive numbers). */
  private static final long COUNTER_BIT = 1L << 62;
  private static final ThreadLocal<Capture> CAPTURE = new ThreadLocal<>();

  private record Capture(long tableId, List<Object[]> rows) {}

  private IdentityColumns() {}

  /** The ordinal of the table's identity column, or -1. */
  public static int column(TableDef table) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).identity().isIdentity()) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code row} waits for its identity value (prepare leaves its key and value to the commit). */
  static boolean needsValue(TableDef table, Object[] row) {
    int column = column(table);
    return column >= 0 && column < row.length && row[column] == null;
  }

  /** The key of the table's identity counter in the row-id map. */
  static long counterId(TableDef table) {
    return COUNTER_BIT | table.id();
  }

  /** The Java value of {@code value} in the identity column's type; 22003 when it does not fit. */
  static Object value(TableDef table, int column, long value) {
    ColumnDef def = table.columns().get(column);
    SqlType type = def.type().type();
    long max = type == SqlType.TINYINT ? Byte.MAX_VALUE : type == SqlType.SMALLINT ? Short.MAX_VALUE
        : type == SqlType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (value > max) {
      throw QuaverException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
          "identity column \"%s\" of table \"%s\" reached the maximum value of %s: %d",
          def.name(), table.name(), type, max);
    }
    if (type == SqlType.TINYINT) {
      return (byte) value;
    }
    if (type == SqlType.SMALLINT) {
      return (short) value;
    }
    return type == SqlType.INTEGER ? (Object) (int) value : (Object) value;
  }

  /**
   * Runs {@code body} and returns the rows it inserted into the table with id {@code tableId}
   * (in insert order, as committed: identity values filled in) along with its result. Only
   * commits made on the calling thread are seen.
   */
  public static <T> Captured<T> captureInserts(long tableId, Supplier<T> body) {
    Capture previous = CAPTURE.get();
    Capture capture = new Capture(tableId, new ArrayList<>());
    CAPTURE.set(capture);
    try {
      T result = body.get();
      return new Captured<>(result, List.copyOf(capture.rows()));
    } finally {
      if (previous == null) {
        CAPTURE.remove();
      } else {
        CAPTURE.set(previous);
      }
    }
  }

  /** A captured statement's result and inserted rows. */
  public record Captured<T>(T result, List<Object[]> rows) {}

  /** Called by the commit for each row it inserts, after identity values are assigned. */
  static void inserted(TableDef table, Object[] row) {
    Capture capture = CAPTURE.get();
    if (capture != null && capture.tableId() == table.id()) {
      capture.rows().add(row);
    }
  }

  /** Whether the current thread captures inserts (so the commit need not call {@link #inserted}). */
  static boolean isCapturing() {
    return CAPTURE.get() != null;
  }
}
