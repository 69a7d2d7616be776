package dev.quaver.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the records of one file, in order, in a fresh {@link Database}, as engine
 * {@value EngineCondition#QUAVER}. Each statement gets {@link Statement#setQueryTimeout} and,
 * in case the server ignores it, a client-side guard ({@link GuardedExecutor}); a statement
 * that overruns the guard fails and the runner continues on a new connection.
 *
 * <p>Thread safety: confined to the calling thread; one file at a time.
 */
public final class SltRunner {
  /** The start of the reason of a record that the file's time budget left unrun. */
  public static final String NOT_RUN = "not run:";

  private final DatabaseProvider provider;
  private final Duration statementTimeout;
  private final Duration fileBudget;

  public SltRunner(DatabaseProvider provider, Duration statementTimeout) {
    this(provider, statementTimeout, null);
  }

  /**
   * {@code fileBudget} (null = none) bounds one file's run: records not started when it is
   * spent fail with a reason saying so, so a slow engine cannot stall a whole suite.
   */
  public SltRunner(DatabaseProvider provider, Duration statementTimeout, Duration fileBudget) {
    this.provider = provider;
    this.statementTimeout = statementTimeout;
    this.fileBudget = fileBudget;
  }

  public FileResult run(SltScript script) {
    long start = System.nanoTime();
    FileRun run = new FileRun(script.name());
    try (Database database = provider.open(script.name());
        GuardedExecutor executor = new GuardedExecutor(database, statementTimeout)) {
      run.execute(script, executor, fileBudget == null ? null : start + fileBudget.toNanos());
      if (run.isOverBudget) {
        run.failRemaining(script, NOT_RUN + " the file's time budget of " + fileBudget.toSeconds()
            + " s was spent");
      }
    } catch (Exception e) {
      run.failRemaining(script, "could not run the file: " + e);
    }
    return new FileResult(script.name(), run.passedLines.size(), run.failures.size(),
        run.skipped, System.nanoTime() - start, run.failures, run.passedLines);
  }

  /** The mutable state of one file's run. */
  private static final class FileRun {
    private final String name;
    private final List<RecordFailure> failures = new ArrayList<>();
    private final Set<Integer> passedLines = new HashSet<>();
    private final Set<Integer> doneLines = new HashSet<>();
    private final Map<String, String> labelHashes = new HashMap<>();
    private int skipped;
    private int hashThreshold;
    private boolean isOverBudget;

    FileRun(String name) {
      this.name = name;
    }

    /** {@code deadlineNanos}: a {@link System#nanoTime} value, or null for no deadline. */
    void execute(SltScript script, GuardedExecutor executor, Long deadlineNanos) {
      for (SltRecord record : script.records()) {
        if (deadlineNanos != null && System.nanoTime() - deadlineNanos > 0) {
          isOverBudget = true;
          return;
        }
        boolean isTest = record instanceof SltRecord.Statement || record instanceof SltRecord.Query;
        if (record.isSkippedFor(EngineCondition.QUAVER)) {
          if (isTest) {
            skipped++;
            doneLines.add(record.line());
          }
          continue;
        }
        if (record instanceof SltRecord.Halt) {
          return;
        }
        if (record instanceof SltRecord.HashThreshold threshold) {
          hashThreshold = threshold.threshold();
          continue;
        }
        doneLines.add(record.line());
        RecordFailure failure = record instanceof SltRecord.Statement statement
            ? runStatement(statement, executor)
            : runQuery((SltRecord.Query) record, executor);
        if (failure == null) {
          passedLines.add(record.line());
        } else {
          failures.add(failure);
        }
      }
    }

    /** Marks every test record not yet run as failed (the database could not be used). */
    void failRemaining(SltScript script, String reason) {
      for (SltRecord record : script.records()) {
        boolean isTest = record instanceof SltRecord.Statement || record instanceof SltRecord.Query;
        if (isTest && !doneLines.contains(record.line())) {
          if (record.isSkippedFor(EngineCondition.QUAVER)) {
            skipped++;
          } else {
            String sql = record instanceof SltRecord.Statement s ? s.sql()
                : ((SltRecord.Query) record).sql();
            failures.add(new RecordFailure(name, record.line(), sql, reason, null, null));
          }
        }
      }
    }

    private RecordFailure runStatement(SltRecord.Statement record, GuardedExecutor executor) {
      String expected = record.expectsError()
          ? "error" + (record.expectedSqlState() == null ? "" : " " + record.expectedSqlState())
          : "ok";
      try {
        executor.call(record.sql(), statement -> {
          statement.execute(record.sql());
          return null;
        });
      } catch (SQLException e) {
        if (!record.expectsError()) {
          return failure(record.line(), record.sql(), describe(e), expected, describe(e));
        }
        String state = e.getSQLState();
        if (record.expectedSqlState() != null && !record.expectedSqlState().equals(state)) {
          return failure(record.line(), record.sql(),
              "expected SQLSTATE " + record.expectedSqlState() + ", got " + describe(e),
              expected, describe(e));
        }
        return null;
      } catch (StatementTimeoutException e) {
        return failure(record.line(), record.sql(), e.getMessage(), expected, e.getMessage());
      }
      if (record.expectsError()) {
        return failure(record.line(), record.sql(), "statement succeeded but an error was expected",
            expected, "ok");
      }
      return null;
    }

    private RecordFailure runQuery(SltRecord.Query record, GuardedExecutor executor) {
      String types = record.types();
      List<String> values;
      try {
        values = executor.call(record.sql(), statement -> readValues(statement, record));
      } catch (SQLException e) {
        return failure(record.line(), record.sql(), describe(e), expectedText(record),
            describe(e));
      } catch (StatementTimeoutException e) {
        return failure(record.line(), record.sql(), e.getMessage(), expectedText(record),
            e.getMessage());
      } catch (ColumnCountException e) {
        return failure(record.line(), record.sql(), e.getMessage(), expectedText(record), null);
      }
      QueryResult result = QueryResult.sorted(types.length(), values, record.sortMode());
      if (record.expected() != null && !result.matches(record.expected())) {
        return failure(record.line(), record.sql(), "wrong result", expectedText(record),
            result.describe(hashThreshold));
      }
      if (record.label() != null) {
        String previous = labelHashes.putIfAbsent(record.label(), result.hashLine());
        if (previous != null && !previous.equals(result.hashLine())) {
          return failure(record.line(), record.sql(),
              "result differs from earlier queries labelled " + record.label(), previous,
              result.hashLine());
        }
      }
      return null;
    }

    private static List<String> readValues(Statement statement, SltRecord.Query record)
        throws SQLException {
      String types = record.types();
      List<String> values = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(record.sql())) {
        int columns = rs.getMetaData().getColumnCount();
        if (columns != types.length()) {
          throw new ColumnCountException(
              "query returned " + columns + " columns, the record declares " + types.length());
        }
        while (rs.next()) {
          for (int i = 0; i < columns; i++) {
            values.add(ValueFormatter.format(rs.getObject(i + 1), types.charAt(i)));
          }
        }
      }
      return values;
    }

    private static String expectedText(SltRecord.Query record) {
      return record.expected() == null ? "(not checked)" : String.join("\n", record.expected());
    }

    private RecordFailure failure(
        int line, String sql, String reason, String expected, String actual) {
      return new RecordFailure(name, line, sql, reason, expected, actual);
    }

    private static String describe(SQLException e) {
      return "error " + e.getSQLState() + ": " + e.getMessage();
    }
  }

  /** A query whose column count differs from its record's type string. */
  private static final class ColumnCountException extends RuntimeException {
    ColumnCountException(String message) {
      super(message);
    }
  }
}
