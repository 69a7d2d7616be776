package dev.quaver.executor;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.sql.DdlCommand;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.TableAnalyzer;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Applies a DDL command to the catalog, honouring IF [NOT] EXISTS and OR REPLACE; the catalog's
 * own errors (42P07, 42P01, 42704, 42710, 23505) reach the user unchanged. Stateless.
 */
final class DdlApplier {
  private DdlApplier() {}

  /**
   * Applies {@code command}; ANALYZE scans through {@code storage} with memory from
   * {@code allocator} and stores the statistics in the catalog's statistics.
   */
  static void apply(StorageEngine storage, DdlCommand command, BufferAllocator allocator) {
    if (command instanceof DdlCommand.Analyze analyze) {
      Catalog catalog = storage.catalog();
      List<TableDef> tables = analyze.tableName() == null ? catalog.tables()
          : List.of(catalog.table(analyze.tableName()).orElseThrow(() -> QuaverException.of(
              ErrorCode.UNDEFINED_TABLE, "table %s does not exist", analyze.tableName())));
      for (TableDef table : tables) {
        try (BufferAllocator scanMemory = allocator.newChildAllocator("analyze", 0, Long.MAX_VALUE)) {
          catalog.statistics().put(TableAnalyzer.compute(storage, table, scanMemory));
        }
      }
      return;
    }
    if (command instanceof DdlCommand.DropTable drop) {
      // The dropped table's statistics go with it (its id is never reused, so this is tidiness).
      Long id = storage.catalog().table(drop.name()).map(TableDef::id).orElse(null);
      apply(storage.catalog(), command);
      if (id != null) {
        storage.catalog().statistics().remove(id);
      }
      return;
    }
    apply(storage.catalog(), command);
  }

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
