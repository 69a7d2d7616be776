package dev.quaver.executor.operator.dml;

import dev.quaver.planner.Planner;
import dev.quaver.planner.PreparedPlan;
import dev.quaver.planner.sql.TriggerStatements;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.TriggerDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planned form of triggers: each WHEN condition and body statement rewritten by
 * {@link TriggerStatements} (NEW.x / OLD.x as typed parameters) and prepared by a planner over the
 * trigger's catalog. The rewrite is cached per (trigger, table definition); plans come from the
 * planner's own cache (statement text and catalog version), so a trigger is planned once per
 * catalog version, not once per row.
 *
 * <p>Thread safety: safe for concurrent use (synchronized caches; plans are immutable).
 */
final class TriggerPrograms {
  /** Rewritten triggers kept; a trigger not found is rewritten again (cheap: one parse). */
  private static final int CAPACITY = 1024;
  /** Planners kept, one per catalog (by identity); a server has one catalog, tests a few. */
  private static final int PLANNER_CAPACITY = 4;
  private static final Map<Catalog, Planner> PLANNERS =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Catalog, Planner> eldest) {
          return size() > PLANNER_CAPACITY;
        }
      };
  private static final Map<List<Object>, Program> PROGRAMS =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Program> eldest) {
          return size() > CAPACITY;
        }
      };

  private TriggerPrograms() {}

  /** A statement to run, and the row value each of its parameters takes. */
  record Step(PreparedPlan plan, List<TriggerStatements.Reference> parameters) {}

  /** The rewritten condition (null for none) and body of one trigger. */
  record Program(TriggerStatements.Bound condition, List<TriggerStatements.Bound> body) {}

  static Program program(TriggerDef trigger, TableDef table) {
    List<Object> key = List.of(trigger, table);
    synchronized (PROGRAMS) {
      Program cached = PROGRAMS.get(key);
      if (cached != null) {
        return cached;
      }
    }
    TriggerStatements.Bound condition = trigger.whenSql() == null ? null
        : TriggerStatements.bindCondition(trigger.whenSql(), table, trigger.event());
    List<TriggerStatements.Bound> body = new ArrayList<>();
    for (String statement : trigger.body()) {
      body.add(TriggerStatements.bindStatement(statement, table, trigger.event()));
    }
    Program program = new Program(condition, body);
    synchronized (PROGRAMS) {
      PROGRAMS.put(key, program);
    }
    return program;
  }

  /** Plans a rewritten statement against the catalog's current version. */
  static Step plan(Catalog catalog, TriggerStatements.Bound bound) {
    Planner planner;
    synchronized (PLANNERS) {
      planner = PLANNERS.computeIfAbsent(catalog, Planner::new);
    }
    return new Step(planner.prepare(bound.sql()), bound.parameters());
  }
}
