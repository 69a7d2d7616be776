package dev.quaver.planner.sql;

import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.TriggerDef;
import dev.quaver.storage.catalog.ViewDef;
import java.util.Objects;

/**
 * A validated DDL statement, ready for the executor to apply to the catalog. The planner has
 * resolved names (unquoted ones folded to upper case, as Calcite does), checked types and
 * defaults, and validated a view's query. Immutable.
 */
public sealed interface DdlCommand {
  /** CREATE TABLE; the table's id is assigned by the catalog. */
  record CreateTable(TableDef table, boolean ifNotExists) implements DdlCommand {
    public CreateTable {
      Objects.requireNonNull(table, "table is null");
    }
  }

  record DropTable(String name, boolean ifExists) implements DdlCommand {}

  record CreateView(ViewDef view, boolean orReplace) implements DdlCommand {
    public CreateView {
      Objects.requireNonNull(view, "view is null");
    }
  }

  record DropView(String name, boolean ifExists) implements DdlCommand {}

  record CreateIndex(String tableName, IndexDef index, boolean ifNotExists) implements DdlCommand {
    public CreateIndex {
      Objects.requireNonNull(tableName, "tableName is null");
      Objects.requireNonNull(index, "index is null");
    }
  }

  record DropIndex(String name, boolean ifExists) implements DdlCommand {}

  /** CREATE TRIGGER; the table existed when the statement was planned. */
  record CreateTrigger(TriggerDef trigger, boolean ifNotExists) implements DdlCommand {
    public CreateTrigger {
      Objects.requireNonNull(trigger, "trigger is null");
    }
  }

  record DropTrigger(String name, boolean ifExists) implements DdlCommand {}

  /** OPTIMIZE TABLE: run the table's ETL now (issue #5). */
  record OptimizeTable(String name) implements DdlCommand {
    public OptimizeTable {
      Objects.requireNonNull(name, "name is null");
    }
  }

  /** ANALYZE [table]: recompute the statistics of one table, or of every table ({@code tableName} null). */
  record Analyze(String tableName) implements DdlCommand {}
}
