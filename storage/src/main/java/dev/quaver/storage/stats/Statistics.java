package dev.quaver.storage.stats;

import java.util.Optional;

/**
 * The statistics of a database's tables, by table id: what the planner reads and what ANALYZE
 * and the ETL write. A table without statistics is unknown, and the planner treats unknown as
 * large, never as small. {@link #version()} grows with every change, so a plan built from older
 * statistics can be recognized as stale.
 *
 * <p>Thread safety: implementations are safe for concurrent use.
 */
public interface Statistics {
  /** Statistics that know no table and refuse writes (catalogs without a statistics store). */
  Statistics NONE = new Statistics() {
    @Override
    public Optional<TableStatistics> table(long tableId) {
      return Optional.empty();
    }

    @Override
    public long version() {
      return 0;
    }

    @Override
    public void put(TableStatistics statistics) {
      throw new UnsupportedOperationException("this catalog keeps no statistics");
    }

    @Override
    public void remove(long tableId) {
    }
  };

  Optional<TableStatistics> table(long tableId);

  long version();

  /** Replaces the statistics of {@code statistics.tableId()}, durably before returning. */
  void put(TableStatistics statistics);

  /** Forgets a table's statistics (it was dropped). */
  void remove(long tableId);
}
