package dev.quaver.planner;

import dev.quaver.storage.stats.Statistics;
import dev.quaver.storage.stats.TableStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans by exact statement text (prefixed by the planner-affecting session settings when they
 * differ from their defaults), valid while the catalog version they were planned at is current
 * and the statistics of every table they read are those they were costed with (#7: ANALYZE or an
 * ETL refresh of a table re-plans the statements that read it, and only those — an OLTP point
 * statement on another table keeps its plan). Bounded: the least recently used plan goes first
 * once {@code capacity} is reached.
 *
 * <p>Statistics are compared by identity: the statistics store replaces a table's
 * {@link TableStatistics} object on every change. The global {@link Statistics#version()} is the
 * fast path: while it has not moved since an entry was checked, no table is looked up.
 *
 * <p>Thread safety: guarded by {@code this}.
 */
final class PlanCache {
  /**
   * A cached plan, the tables it reads with the statistics it was costed with (null: none), and
   * the statistics version at which that was last verified.
   */
  private record Entry(PreparedPlan plan, List<Long> tables, List<TableStatistics> statistics,
      long checkedVersion) {}

  private final Map<String, Entry> plans;

  PlanCache(int capacity) {
    this.plans = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * The cached plan under {@code key} if it was planned at {@code catalogVersion} and the tables it
   * reads still have the statistics it was planned with; otherwise the entry is dropped.
   * {@code key} is the statement text, prefixed by the planning settings key when not empty.
   */
  synchronized PreparedPlan get(String key, long catalogVersion, Statistics statistics) {
    Entry entry = plans.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.plan().catalogVersion() != catalogVersion) {
      plans.remove(key);
      return null;
    }
    long version = statistics.version();
    if (entry.checkedVersion() != version) {
      for (int i = 0; i < entry.tables().size(); i++) {
        if (statistics.table(entry.tables().get(i)).orElse(null) != entry.statistics().get(i)) {
          plans.remove(key);
          return null;
        }
      }
      plans.put(key, new Entry(entry.plan(), entry.tables(), entry.statistics(), version));
    }
    return entry.plan();
  }

  /**
   * Caches {@code plan} under {@code key}, which reads {@code tables} (ids) and was planned entirely at statistics
   * version {@code statisticsVersion}; the tables' current statistics are taken as those it was
   * costed with.
   */
  synchronized void put(String key, PreparedPlan plan, List<Long> tables, Statistics statistics, long statisticsVersion) {
    List<TableStatistics> seen = new java.util.ArrayList<>(tables.size());
    for (long table : tables) {
      seen.add(statistics.table(table).orElse(null));
    }
    plans.put(key, new Entry(plan, List.copyOf(tables), java.util.Collections.unmodifiableList(seen),
        statisticsVersion));
  }

  /** Drops every plan. */
  synchronized void clear() {
    plans.clear();
  }

  synchronized int size() {
    return plans.size();
  }
}
