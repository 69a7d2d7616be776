package dev.quaver.storage;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.row.ColumnRows;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;

/**
 * The per-row checks of a commit that need no other rows: column count, Java value types (a
 * mismatch is a bug above storage), NOT NULL (primary key columns are implicitly NOT NULL; a
 * NULL identity column is not a violation: the commit assigns its value) and CHAR/VARCHAR
 * length. Stateless.
 */
final class RowConstraints {
  private RowConstraints() {}

  static void check(TableDef table, Object[] row) {
    if (row.length != table.columns().size()) {
      throw new IllegalArgumentException("row of " + row.length + " values for table "
          + table.name() + " of " + table.columns().size() + " columns");
    }
    for (int i = 0; i < row.length; i++) {
      ColumnDef column = table.columns().get(i);
      Object value = row[i];
      if (value == null) {
        checkNull(table, i, column);
        continue;
      }
      ColumnType type = column.type();
      if (value.getClass() != type.type().javaClass()) {
        throw wrongClass(column, value);
      }
      if (type.type().isCharacter() && type.length() != ColumnType.UNBOUNDED_LENGTH) {
        checkLength(table, column, (String) value);
      }
    }
  }

  /**
   * The same checks for row {@code row} of {@code rows}, in the same order (so the same error
   * wins): columns read with primitive readers hold their type by construction; values read as
   * objects (DECIMAL, CHAR, VARCHAR) are checked for their class.
   */
  static void check(TableDef table, ColumnRows rows, int row) {
    int count = table.columns().size();
    for (int i = 0; i < count; i++) {
      ColumnDef column = table.columns().get(i);
      if (rows.isNull(i, row)) {
        checkNull(table, i, column);
        continue;
      }
      ColumnType type = column.type();
      SqlType sqlType = type.type();
      if (sqlType == SqlType.DECIMAL || sqlType.isCharacter()) {
        Object value = rows.get(i, row);
        if (value == null || value.getClass() != sqlType.javaClass()) {
          throw wrongClass(column, value);
        }
        if (sqlType.isCharacter() && type.length() != ColumnType.UNBOUNDED_LENGTH) {
          checkLength(table, column, (String) value);
        }
      }
    }
  }

  private static void checkNull(TableDef table, int index, ColumnDef column) {
    if (column.identity().isIdentity()) {
      return; // the commit assigns it (IdentityColumns)
    }
    if (!column.nullable() || table.primaryKey().contains(index)) {
      throw QuaverException.of(ErrorCode.NOT_NULL_VIOLATION,
          "null value in column \"%s\" of table \"%s\" violates not-null constraint",
          column.name(), table.name());
    }
  }

  private static IllegalArgumentException wrongClass(ColumnDef column, Object value) {
    return new IllegalArgumentException("value of "
        + (value == null ? "null" : value.getClass().getSimpleName())
        + " for column " + column.name() + " of type " + column.type());
  }

  private static void checkLength(TableDef table, ColumnDef column, String s) {
    ColumnType type = column.type();
    if (s.length() > type.length() && s.codePointCount(0, s.length()) > type.length()) {
      throw QuaverException.of(ErrorCode.STRING_DATA_RIGHT_TRUNCATION,
          "value too long for type %s in column \"%s\" of table \"%s\": '%s'",
          type, column.name(), table.name(), abbreviate(s));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
