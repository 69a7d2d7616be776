package dev.quaver.storage.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A row-level trigger ({@code CREATE TRIGGER}, SQLite syntax): on every row that an INSERT,
 * UPDATE or DELETE of {@code table} writes, {@link Timing#BEFORE} or {@link Timing#AFTER} the
 * row's write, when {@code whenSql} (a boolean expression, null for none) is true, the statements
 * of {@code body} run with {@code NEW.column} / {@code OLD.column} bound to the row's values. The
 * expression and the statements are kept as SQL text (re-planned by the executor at each catalog
 * version), so objects they name are resolved when the trigger fires, not when it is created: a
 * dropped table they reference does not drop the trigger. {@code updateColumns} restricts an
 * UPDATE trigger ({@code UPDATE OF a, b}); empty means every UPDATE. The trigger is dropped with
 * its table. Immutable.
 */
public record TriggerDef(
    String name,
    String tableName,
    Timing timing,
    Event event,
    List<String> updateColumns,
    String whenSql,
    List<String> body) {

  /** When the body runs relative to the row's write. */
  public enum Timing {
    BEFORE,
    AFTER,
    /** Replaces the write; only for views (not supported yet: 0A000). */
    INSTEAD_OF
  }

  /** The kind of write that fires the trigger. */
  public enum Event {
    INSERT,
    UPDATE,
    DELETE
  }

  public TriggerDef {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(tableName, "tableName is null");
    Objects.requireNonNull(timing, "timing is null");
    Objects.requireNonNull(event, "event is null");
    updateColumns = List.copyOf(updateColumns);
    body = List.copyOf(body);
    if (!updateColumns.isEmpty() && event != Event.UPDATE) {
      throw new IllegalArgumentException("trigger " + name + ": OF columns on a " + event + " trigger");
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("trigger " + name + " has no statements");
    }
  }
}
