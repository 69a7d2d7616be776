package dev.quaver.server.net;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.protocol.CatalogInfo;
import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.IndexInfo;
import dev.quaver.protocol.TableInfo;
import dev.quaver.server.query.EngineExecution;
import dev.quaver.server.query.EngineStatement;
import dev.quaver.server.query.QueryEngine;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny engine for network tests. It understands a handful of fixed statements:
 * {@code numbers N} (N rows of BIGINT id, VARCHAR name, made lazily 4096 at a time),
 * {@code echo} (one parameter of every type, returned as one row), {@code insert ?} (an INTEGER
 * parameter, update count 1), {@code sleep} (a query that blocks until canceled),
 * {@code fail} (a 42601 with position), {@code boom} (a bug), {@code unique} (23505).
 *
 * <p>Thread safety: safe for concurrent use (counters are atomic, lists concurrent).
 */
final class FakeEngine implements QueryEngine {
  static final List<ColumnType> ALL_TYPES = List.of(ColumnType.BOOLEAN, ColumnType.TINYINT, ColumnType.SMALLINT,
      ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE, ColumnType.decimal(12, 3),
      ColumnType.character(3), ColumnType.TEXT, ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP);
  private static final Pattern NUMBERS = Pattern.compile("numbers (\\d+)");
  static final int BATCH_ROWS = 4096;

  /** Rows produced by {@code numbers} so far: shows how far the server runs ahead of the client. */
  final AtomicLong rowsProduced = new AtomicLong();
  final List<Object> inserted = new CopyOnWriteArrayList<>();
  /** Executions started and not yet closed: must be 0 once every session is gone. */
  static final AtomicLong OPEN_EXECUTIONS = new AtomicLong();
  volatile boolean isClosed;

  @Override
  public EngineStatement prepare(String sql) {
    String text = sql.trim();
    Matcher numbers = NUMBERS.matcher(text);
    if (numbers.matches()) {
      long count = Long.parseLong(numbers.group(1));
      return statement(List.of(), List.of(new ColumnInfo("ID", ColumnType.BIGINT, false),
          new ColumnInfo("NAME", ColumnType.TEXT, true)), parameters -> new NumbersExecution(count));
    }
    switch (text) {
      case "echo": {
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < ALL_TYPES.size(); i++) {
          columns.add(new ColumnInfo("C" + i, ALL_TYPES.get(i), true));
        }
        return statement(ALL_TYPES, columns, parameters -> new RowsExecution(columns, parameters));
      }
      case "insert ?":
        return statement(List.of(ColumnType.INTEGER), List.of(), parameters -> {
          inserted.add(parameters.get(0));
          return new CountExecution(1);
        });
      case "delete":
        return statement(List.of(), List.of(), parameters -> new CountExecution(inserted.size()));
      case "sleep":
        return statement(List.of(), List.of(new ColumnInfo("X", ColumnType.INTEGER, true)),
            parameters -> new SleepExecution());
      case "unique":
        return statement(List.of(), List.of(), parameters -> {
          throw new QuaverException(ErrorCode.UNIQUE_VIOLATION, "duplicate key value 1 violates primary key of T");
        });
      case "boom":
        throw new IllegalStateException("bug in the fake");
      default:
        throw new QuaverException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + text + "\"", 1, null);
    }
  }

  @Override
  public CatalogInfo catalog() {
    TableInfo t = new TableInfo("T", false, List.of(
        new ColumnInfo("ID", ColumnType.BIGINT, false),
        new ColumnInfo("NAME", ColumnType.varchar(20), true),
        new ColumnInfo("PRICE", ColumnType.decimal(10, 2), true)),
        List.of(0), List.of(new IndexInfo("T_NAME", false, List.of(1))));
    TableInfo v = new TableInfo("V", true, List.of(new ColumnInfo("ID", ColumnType.BIGINT, true)), List.of(), List.of());
    return new CatalogInfo(List.of(t, v));
  }

  @Override
  public void close() {
    isClosed = true;
  }

  private interface Runner {
    EngineExecution run(List<Object> parameters);
  }

  private static EngineStatement statement(List<ColumnType> parameterTypes, List<ColumnInfo> columns, Runner runner) {
    return new EngineStatement() {
      @Override
      public List<ColumnType> parameterTypes() {
        return parameterTypes;
      }

      @Override
      public List<ColumnInfo> columns() {
        return columns;
      }

      @Override
      public EngineExecution execute(List<Object> parameters) {
        return runner.run(parameters);
      }
    };
  }

  private abstract static class BaseExecution implements EngineExecution {
    volatile boolean isCanceled;
    private final java.util.concurrent.atomic.AtomicBoolean isClosed = new java.util.concurrent.atomic.AtomicBoolean();

    BaseExecution() {
      OPEN_EXECUTIONS.incrementAndGet();
    }

    @Override
    public boolean returnsRows() {
      return true;
    }

    @Override
    public long updateCount() {
      return -1;
    }

    @Override
    public void cancel() {
      isCanceled = true;
    }

    @Override
    public void close() {
      if (isClosed.compareAndSet(false, true)) {
        OPEN_EXECUTIONS.decrementAndGet();
      }
    }

    void checkCanceled() {
      if (isCanceled) {
        throw new QuaverException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
      }
    }
  }

  private final class NumbersExecution extends BaseExecution {
    private final long count;
    private long next;

    NumbersExecution(long count) {
      this.count = count;
    }

    @Override
    public List<ColumnInfo> columns() {
      return List.of(new ColumnInfo("ID", ColumnType.BIGINT, false), new ColumnInfo("NAME", ColumnType.TEXT, true));
    }

    @Override
    public ColumnBatch next() {
      checkCanceled();
      if (next >= count) {
        return null;
      }
      int rows = (int) Math.min(BATCH_ROWS, count - next);
      Object[] ids = new Object[rows];
      Object[] names = new Object[rows];
      for (int i = 0; i < rows; i++) {
        long id = next + i;
        ids[i] = id;
        names[i] = id % 10 == 0 ? null : "n" + id;
      }
      next += rows;
      rowsProduced.addAndGet(rows);
      return ColumnBatch.of(List.of(ColumnType.BIGINT, ColumnType.TEXT), rows, new Object[][] {ids, names});
    }
  }

  private static final class RowsExecution extends BaseExecution {
    private final List<ColumnInfo> columns;
    private List<Object> row;

    RowsExecution(List<ColumnInfo> columns, List<Object> row) {
      this.columns = columns;
      this.row = row;
    }

    @Override
    public List<ColumnInfo> columns() {
      return columns;
    }

    @Override
    public ColumnBatch next() {
      if (row == null) {
        return null;
      }
      List<ColumnType> types = new ArrayList<>();
      columns.forEach(column -> types.add(column.type()));
      ColumnBatch batch = ColumnBatch.ofRows(types, List.of(row));
      row = null;
      return batch;
    }
  }

  private static final class CountExecution extends BaseExecution {
    private final long count;

    CountExecution(long count) {
      this.count = count;
    }

    @Override
    public boolean returnsRows() {
      return false;
    }

    @Override
    public List<ColumnInfo> columns() {
      return List.of();
    }

    @Override
    public long updateCount() {
      return count;
    }

    @Override
    public ColumnBatch next() {
      return null;
    }
  }

  private static final class SleepExecution extends BaseExecution {
    @Override
    public List<ColumnInfo> columns() {
      return List.of(new ColumnInfo("X", ColumnType.INTEGER, true));
    }

    @Override
    public ColumnBatch next() {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < deadline) {
        checkCanceled();
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      throw new IllegalStateException("sleep was never canceled");
    }
  }
}
