package dev.quaver.storage;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;

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
        if (column.identity().isIdentity()) {
          continue; // the commit assigns it (IdentityColumns)
        }
        if (!column.nullable() || table.primaryKey().contains(i)) {
          throw QuaverException.of(ErrorCode.NOT_NULL_VIOLATION,
              "null value in column \"%s\" of table \"%s\" violates not-null constraint",
              column.name(), table.name());
        }
        continue;
      }
      ColumnType type = column.type();
      if (value.getClass() != type.type().javaClass()) {
        throw new IllegalArgumentException("value of " + value.getClass().getSimpleName()
            + " for column " + column.name() + " of type " + type);
      }
      if (type.type().isCharacter() && type.length() != ColumnType.UNBOUNDED_LENGTH) {
        String s = (String) value;
        if (s.length() > type.length() && s.codePointCount(0, s.length()) > type.length()) {
          throw QuaverException.of(ErrorCode.STRING_DATA_RIGHT_TRUNCATION,
              "value too long for type %s in column \"%s\" of table \"%s\": '%s'",
              type, column.name(), table.name(), abbreviate(s));
        }
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
