package dev.quaver.executor;

import dev.quaver.planner.sql.DdlCommand;
import dev.quaver.storage.catalog.Catalog;

/**
 * Applies a DDL command to the catalog, honouring IF [NOT] EXISTS and OR REPLACE; the catalog's
 * own errors (42P07, 42P01, 42704, 42710, 23505) reach the user unchanged. Stateless.
 */
final class DdlApplier {
  private DdlApplier() {}

  static void apply(Catalog catalog, DdlCommand command) {
    if (command instanceof DdlCommand.CreateTable create) {
      String name = create.table().name();
      if (create.ifNotExists() && (catalog.table(name).isPresent() || catalog.view(name).isPresent())) {
        return;
      }
      catalog.createTable(create.table());
    } else if (command instanceof DdlCommand.DropTable drop) {
      if (drop.ifExists() && catalog.table(drop.name()).isEmpty()) {
        return;
      }
      catalog.dropTable(drop.name());
    } else if (command instanceof DdlCommand.CreateView create) {
      if (create.orReplace() && catalog.view(create.view().name()).isPresent()) {
        catalog.dropView(create.view().name()); // TODO(#4): replace atomically in the catalog
      }
      catalog.createView(create.view());
    } else if (command instanceof DdlCommand.DropView drop) {
      if (drop.ifExists() && catalog.view(drop.name()).isEmpty()) {
        return;
      }
      catalog.dropView(drop.name());
    } else if (command instanceof DdlCommand.CreateIndex create) {
      if (create.ifNotExists() && catalog.tableOfIndex(create.index().name()).isPresent()) {
        return;
      }
      catalog.createIndex(create.tableName(), create.index());
    } else if (command instanceof DdlCommand.DropIndex drop) {
      if (drop.ifExists() && catalog.tableOfIndex(drop.name()).isEmpty()) {
        return;
      }
      catalog.dropIndex(drop.name());
    } else if (command instanceof DdlCommand.CreateTrigger create) {
      if (create.ifNotExists() && catalog.trigger(create.trigger().name()).isPresent()) {
        return;
      }
      catalog.createTrigger(create.trigger());
    } else if (command instanceof DdlCommand.DropTrigger drop) {
      if (drop.ifExists() && catalog.trigger(drop.name()).isEmpty()) {
        return;
      }
      catalog.dropTrigger(drop.name());
    } else if (command instanceof DdlCommand.OptimizeTable optimize) {
      catalog.optimizeTable(optimize.name());
    } else {
      throw new IllegalArgumentException("unknown DDL command " + command);
    }
  }
}
