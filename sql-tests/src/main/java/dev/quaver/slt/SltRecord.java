package dev.quaver.slt;

import java.util.List;
import java.util.Objects;

/**
 * One record of a sqllogictest file. {@code line} is the 1-based line of the record's keyword
 * ({@code statement}, {@code query}, ...), the number used in reports and in
 * known-failures.txt. {@code conditions} are the skipif/onlyif lines in front of it.
 */
public sealed interface SltRecord {
  int line();

  List<EngineCondition> conditions();

  /** True when some condition keeps this record from running on {@code engine}. */
  default boolean isSkippedFor(String engine) {
    return conditions().stream().anyMatch(c -> c.skips(engine));
  }

  /**
   * {@code statement ok} or {@code statement error [SQLSTATE]}. {@code expectedSqlState} is
   * null when any error is accepted (or when no error is expected).
   */
  record Statement(
      int line, List<EngineCondition> conditions, String sql, boolean expectsError,
      String expectedSqlState) implements SltRecord {
    public Statement {
      conditions = List.copyOf(conditions);
      Objects.requireNonNull(sql, "sql is null");
    }
  }

  /**
   * {@code query <types> [sort] [label]}. {@code expected} holds the lines after
   * {@code ----}: values one per line, rows one per line, or one
   * {@code "N values hashing to H"} line; it is null when the record had no {@code ----}
   * (then only success is checked). {@code label} is null when absent.
   */
  record Query(
      int line, List<EngineCondition> conditions, String sql, String types, SortMode sortMode,
      String label, List<String> expected) implements SltRecord {
    public Query {
      conditions = List.copyOf(conditions);
      Objects.requireNonNull(sql, "sql is null");
      Objects.requireNonNull(types, "types is null");
      Objects.requireNonNull(sortMode, "sortMode is null");
      expected = expected == null ? null : List.copyOf(expected);
    }
  }

  /** {@code hash-threshold N}: results of more than N values compare as a hash (0 = never). */
  record HashThreshold(int line, List<EngineCondition> conditions, int threshold)
      implements SltRecord {
    public HashThreshold {
      conditions = List.copyOf(conditions);
    }
  }

  /** {@code halt}: stop running this file (usually behind {@code onlyif <engine>}). */
  record Halt(int line, List<EngineCondition> conditions) implements SltRecord {
    public Halt {
      conditions = List.copyOf(conditions);
    }
  }
}
