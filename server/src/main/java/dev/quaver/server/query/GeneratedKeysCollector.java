package dev.quaver.server.query;

import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.GeneratedKeys;
import dev.quaver.storage.IdentityColumns;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's INSERT ... RETURNING path for JDBC generated keys (docs/protocol.md,
 * GENERATED_KEYS): runs statements while storage captures the rows they insert into the target
 * table (as committed: identity values filled in) and keeps the requested columns of each.
 * {@link #NONE} is for statements that insert nothing: no columns, no rows.
 *
 * <p>Thread safety: confined to the worker running the request.
 */
final class GeneratedKeysCollector {
  static final GeneratedKeysCollector NONE = new GeneratedKeysCollector(null, new int[0], List.of());

  private final TableDef table;
  private final int[] ordinals;
  private final List<ColumnInfo> columns;
  private final List<List<Object>> rows = new ArrayList<>();

  /** Keys {@code ordinals} (described by {@code columns}) of the rows inserted into {@code table}. */
  GeneratedKeysCollector(TableDef table, int[] ordinals, List<ColumnInfo> columns) {
    this.table = table;
    this.ordinals = ordinals.clone();
    this.columns = List.copyOf(columns);
  }

  /** Runs {@code body} on this thread, keeping the keys of the rows it inserts; returns its result. */
  <T> T capture(Supplier<T> body) {
    if (table == null) {
      return body.get();
    }
    IdentityColumns.Captured<T> captured = IdentityColumns.captureInserts(table.id(), body);
    for (Object[] row : captured.rows()) {
      List<Object> keys = new ArrayList<>(ordinals.length);
      for (int ordinal : ordinals) {
        keys.add(row[ordinal]);
      }
      rows.add(keys);
    }
    return captured.result();
  }

  /** Forgets the keys captured so far (a batch whose entries failed). */
  void clear() {
    rows.clear();
  }

  /** The GENERATED_KEYS message of everything captured. */
  GeneratedKeys message() {
    List<ColumnType> types = new ArrayList<>(columns.size());
    columns.forEach(column -> types.add(column.type()));
    return new GeneratedKeys(columns, ColumnBatch.ofRows(types, rows));
  }
}
