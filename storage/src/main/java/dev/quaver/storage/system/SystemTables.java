package dev.quaver.storage.system;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The registry of system tables of one engine. Register at engine open, before the first
 * statement is planned: the planner reflects the registry when it builds its schema for a
 * catalog version, so a table registered later appears only after the next DDL change.
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class SystemTables {
  /** A registry that stays empty, for catalogs without an engine (tests, tools). */
  public static final SystemTables NONE = new SystemTables();

  private final Map<String, SystemTable> byName = new ConcurrentHashMap<>();
  private final Map<Long, SystemTable> byId = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(-1);

  /**
   * Registers a system table whose rows come from {@code rows}; assigns its negative id.
   * Throws IllegalStateException if the name is taken (a programming error, not a user error).
   */
  public TableDef register(String name, List<ColumnDef> columns, Supplier<List<Object[]>> rows) {
    if (this == NONE) {
      throw new IllegalStateException("the NONE registry cannot hold tables");
    }
    long id = nextId.getAndDecrement();
    TableDef definition = new TableDef(id, name, columns, List.of(), List.of(), 1, List.of());
    SystemTable table = new SystemTable() {
      @Override
      public TableDef definition() {
        return definition;
      }

      @Override
      public List<Object[]> rows() {
        return rows.get();
      }
    };
    if (byName.putIfAbsent(name, table) != null) {
      throw new IllegalStateException("system table " + name + " is already registered");
    }
    byId.put(id, table);
    return definition;
  }

  public Optional<TableDef> table(String name) {
    SystemTable table = byName.get(name);
    return table == null ? Optional.empty() : Optional.of(table.definition());
  }

  /** All system tables, ordered by name. */
  public List<TableDef> tables() {
    List<TableDef> tables = new ArrayList<>();
    for (SystemTable table : byName.values()) {
      tables.add(table.definition());
    }
    tables.sort(Comparator.comparing(TableDef::name));
    return tables;
  }

  /** True when {@code table} is a system table (of any registry): its id is negative. */
  public static boolean isSystem(TableDef table) {
    return table.id() < 0;
  }

  /** Scans a system table: its rows as of now, as Arrow batches (no row keys: read-only). */
  public TableScan scan(TableDef table, int[] columns, BufferAllocator allocator,
      int maxRowsPerBatch) {
    SystemTable systemTable = byId.get(table.id());
    if (systemTable == null) {
      throw new QuaverException(ErrorCode.UNDEFINED_TABLE,
          "system table " + SystemTable.SCHEMA + "." + table.name() + " does not exist");
    }
    return new RowListScan(systemTable.definition(), systemTable.rows(), columns, allocator,
        maxRowsPerBatch);
  }
}
