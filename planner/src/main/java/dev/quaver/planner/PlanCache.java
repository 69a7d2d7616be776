package dev.quaver.planner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plans by exact statement text, valid while the catalog version they were planned at is
 * current. Bounded: the least recently used plan goes first once {@code capacity} is reached.
 *
 * <p>Thread safety: guarded by {@code this}.
 */
final class PlanCache {
  private final Map<String, PreparedPlan> plans;

  PlanCache(int capacity) {
    this.plans = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparedPlan> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached plan of {@code sql} if it was planned at {@code catalogVersion}. */
  synchronized PreparedPlan get(String sql, long catalogVersion) {
    PreparedPlan plan = plans.get(sql);
    if (plan == null) {
      return null;
    }
    if (plan.catalogVersion() != catalogVersion) {
      plans.remove(sql);
      return null;
    }
    return plan;
  }

  synchronized void put(PreparedPlan plan) {
    plans.put(plan.sql(), plan);
  }

  /** Drops every plan (the statistics they were costed with changed). */
  synchronized void clear() {
    plans.clear();
  }

  synchronized int size() {
    return plans.size();
  }
}
