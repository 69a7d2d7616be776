package dev.quaver.server.query;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.protocol.ColumnInfo;
import dev.quaver.protocol.KeysRequest;
import dev.quaver.protocol.TableInfo;
import dev.quaver.storage.IdentityColumns;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Which columns of an INSERT's target table are its generated keys: the identity column for
 * RETURN_GENERATED_KEYS (none when the table has none), or the columns the client named or
 * numbered (1-based), as pgjdbc's RETURNING does. Names match exactly, else case-insensitively
 * (JDBC tools pass lower-case names for upper-case columns). Stateless.
 */
final class KeyColumns {
  private KeyColumns() {}

  static GeneratedKeysCollector collector(TableDef table, KeysRequest request) {
    List<Integer> ordinals = new ArrayList<>();
    switch (request.mode()) {
      case IDENTITY -> {
        int identity = IdentityColumns.column(table);
        if (identity >= 0) {
          ordinals.add(identity);
        }
      }
      case NAMES -> request.names().forEach(name -> ordinals.add(byName(table, name)));
      case INDEXES -> request.indexes().forEach(index -> {
        if (index < 1 || index > table.columns().size()) {
          throw QuaverException.of(ErrorCode.UNDEFINED_COLUMN,
              "column index %d of generated keys is out of range 1..%d of table \"%s\"", index,
              table.columns().size(), table.name());
        }
        ordinals.add(index - 1);
      });
    }
    if (ordinals.isEmpty()) {
      return GeneratedKeysCollector.NONE; // no identity column: no keys, not a row per insert
    }
    int[] columns = new int[ordinals.size()];
    List<ColumnInfo> infos = new ArrayList<>(columns.length);
    for (int i = 0; i < columns.length; i++) {
      columns[i] = ordinals.get(i);
      ColumnDef column = table.columns().get(columns[i]);
      infos.add(new ColumnInfo(column.name(), column.type(), column.nullable(),
          ColumnOrigins.of(TableInfo.PUBLIC_SCHEMA, table, columns[i])));
    }
    return new GeneratedKeysCollector(table, columns, infos);
  }

  private static int byName(TableDef table, String name) {
    List<ColumnDef> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw QuaverException.of(ErrorCode.UNDEFINED_COLUMN,
        "column \"%s\" of generated keys does not exist in table \"%s\"", name, table.name());
  }
}
