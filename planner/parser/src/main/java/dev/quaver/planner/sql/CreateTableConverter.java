package dev.quaver.planner.sql;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.sql.ddl.SqlColumnDeclaration;
import dev.quaver.planner.sql.ddl.SqlCreateQuaverTable;
import dev.quaver.planner.sql.ddl.SqlTableConstraint;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.Identity;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Builds the {@link TableDef} of one CREATE TABLE. Rules, in the order they are applied:
 * columns are unique by exact name; at most one PRIMARY KEY (column- or table-level) and its
 * columns become NOT NULL; the distribution key defaults to the primary key (none: the hidden
 * row id) and, when the table has a primary key, must be part of it, so that a key lookup knows
 * its partition; UNIQUE constraints become unique indexes named {@code <table>_<cols>_key}
 * unless named by CONSTRAINT, and one equal to the primary key is dropped as redundant.
 *
 * <p>Thread safety: confined to the converting thread; used once.
 */
final class CreateTableConverter {
  /** Upper bound of PARTITIONS n; beyond it per-partition overhead dominates any gain. */
  static final int MAX_PARTITIONS = 1024;

  private final SqlCreateQuaverTable create;
  private final String tableName;
  private final List<SqlColumnDeclaration> declarations = new ArrayList<>();
  private int identityCount;
  private final Map<String, Integer> ordinals = new LinkedHashMap<>();
  private List<Integer> primaryKey = List.of();
  private final List<NamedKey> uniqueKeys = new ArrayList<>();

  private CreateTableConverter(SqlCreateQuaverTable create) {
    this.create = create;
    this.tableName = DdlConverter.simpleName(create.name());
  }

  static DdlCommand.CreateTable convert(SqlCreateQuaverTable create) {
    if (create.getReplace()) {
      throw new QuaverException(
          ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE OR REPLACE TABLE is not supported");
    }
    return new CreateTableConverter(create).build();
  }

  private DdlCommand.CreateTable build() {
    for (SqlNode element : create.elements()) {
      if (element instanceof SqlColumnDeclaration column) {
        addColumn(column);
      }
    }
    for (SqlNode element : create.elements()) {
      if (element instanceof SqlColumnDeclaration column) {
        List<Integer> key = List.of(ordinals.get(column.name().getSimple()));
        if (column.isPrimaryKey()) {
          setPrimaryKey(key);
        }
        if (column.isUnique()) {
          uniqueKeys.add(new NamedKey(null, key));
        }
      } else if (element instanceof SqlTableConstraint constraint) {
        String what = constraint.isPrimaryKey() ? "primary key" : "unique constraint";
        List<Integer> key = resolve(constraint.columns(), what);
        if (constraint.isPrimaryKey()) {
          setPrimaryKey(key);
        } else {
          String name = constraint.name() == null ? null : constraint.name().getSimple();
          uniqueKeys.add(new NamedKey(name, key));
        }
      }
    }
    List<ColumnDef> columns = new ArrayList<>();
    for (SqlColumnDeclaration declaration : declarations) {
      columns.add(columnDef(declaration, primaryKey.contains(columns.size())));
    }
    TableDef table =
        new TableDef(
            0, tableName, columns, primaryKey, distributionKey(), partitions(), uniqueIndexes(),
            sortKey());
    return new DdlCommand.CreateTable(table, create.ifNotExists);
  }

  private void addColumn(SqlColumnDeclaration column) {
    String name = column.name().getSimple();
    if (ordinals.containsKey(name)) {
      throw QuaverException.of(
          ErrorCode.DUPLICATE_COLUMN, "column %s specified more than once in table %s",
          name, tableName);
    }
    ordinals.put(name, declarations.size());
    declarations.add(column);
  }

  private void setPrimaryKey(List<Integer> key) {
    if (!primaryKey.isEmpty()) {
      throw QuaverException.of(
          ErrorCode.INVALID_TABLE_DEFINITION,
          "multiple primary keys for table %s are not allowed", tableName);
    }
    primaryKey = key;
  }

  private ColumnDef columnDef(SqlColumnDeclaration declaration, boolean inPrimaryKey) {
    String name = declaration.name().getSimple();
    ColumnType serial = IdentityColumns.serialType(declaration.type());
    ColumnType type = serial != null ? serial : ColumnTypes.of(declaration.type(), name);
    Identity identity = serial != null ? Identity.BY_DEFAULT : IdentityColumns.of(declaration.identity());
    boolean nullable = !inPrimaryKey && !Boolean.FALSE.equals(declaration.nullable());
    SqlNode defaultValue = declaration.defaultValue();
    String defaultSql = defaultValue == null ? null : DdlConverter.toSql(defaultValue);
    if (identity.isIdentity()) {
      IdentityColumns.check(tableName, name, type, declaration.nullable(), defaultSql, ++identityCount);
      nullable = false;
    }
    return new ColumnDef(name, type, nullable, defaultSql, identity);
  }

  private List<Integer> distributionKey() {
    SqlNodeList distributedBy = create.distributedBy();
    if (distributedBy == null) {
      return primaryKey;
    }
    List<Integer> key = resolve(distributedBy, "distribution key");
    if (!primaryKey.isEmpty() && !primaryKey.containsAll(key)) {
      throw QuaverException.of(
          ErrorCode.INVALID_TABLE_DEFINITION,
          "distribution key %s of table %s must be part of its primary key %s",
          names(key), tableName, names(primaryKey));
    }
    return key;
  }

  /** The ORDER BY (cols) columnar sort key; empty (row-key order) when absent. */
  private List<Integer> sortKey() {
    SqlNodeList orderBy = create.orderBy();
    return orderBy == null ? List.of() : resolve(orderBy, "sort key");
  }

  private int partitions() {
    SqlNumericLiteral literal = create.partitions();
    if (literal == null) {
      return TableDef.DEFAULT_PARTITIONS;
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (!literal.isInteger()
        || value.compareTo(BigDecimal.ONE) < 0
        || value.compareTo(BigDecimal.valueOf(MAX_PARTITIONS)) > 0) {
      throw QuaverException.of(
          ErrorCode.INVALID_PARAMETER_VALUE,
          "PARTITIONS %s of table %s must be an integer between 1 and %d",
          literal.toValue(), tableName, MAX_PARTITIONS);
    }
    return value.intValueExact();
  }

  private List<IndexDef> uniqueIndexes() {
    List<IndexDef> indexes = new ArrayList<>();
    Set<List<Integer>> seenKeys = new HashSet<>();
    seenKeys.add(primaryKey);
    Set<String> seenNames = new HashSet<>();
    for (NamedKey key : uniqueKeys) {
      if (!seenKeys.add(key.columns())) {
        continue;
      }
      String name = key.name() != null ? key.name() : generatedName(key.columns(), seenNames);
      if (!seenNames.add(name)) {
        throw QuaverException.of(
            ErrorCode.DUPLICATE_OBJECT, "constraint %s specified more than once in table %s",
            name, tableName);
      }
      indexes.add(new IndexDef(name, key.columns(), true));
    }
    return indexes;
  }

  /** PostgreSQL's naming, with the suffix in the table name's case: t1_a_b_key, T1_A_B_KEY. */
  private String generatedName(List<Integer> columns, Set<String> taken) {
    StringBuilder base = new StringBuilder(tableName);
    for (int column : columns) {
      base.append('_').append(declarations.get(column).name().getSimple());
    }
    boolean upper = tableName.equals(tableName.toUpperCase(Locale.ROOT));
    String suffix = upper ? "_KEY" : "_key";
    String name = base + suffix;
    for (int attempt = 1; taken.contains(name); attempt++) {
      name = base + suffix + attempt;
    }
    return name;
  }

  private List<Integer> resolve(SqlNodeList columns, String what) {
    List<Integer> key = new ArrayList<>();
    for (SqlNode node : columns) {
      String name = ((SqlIdentifier) node).getSimple();
      Integer ordinal = ordinals.get(name);
      if (ordinal == null) {
        throw QuaverException.of(
            ErrorCode.UNDEFINED_COLUMN, "column %s named in %s does not exist in table %s",
            name, what, tableName);
      }
      if (key.contains(ordinal)) {
        throw QuaverException.of(
            ErrorCode.DUPLICATE_COLUMN, "column %s appears twice in %s of table %s",
            name, what, tableName);
      }
      key.add(ordinal);
    }
    return key;
  }

  private List<String> names(List<Integer> key) {
    return key.stream().map(i -> declarations.get(i).name().getSimple()).toList();
  }

  /** A UNIQUE key with its CONSTRAINT name, or a null name when it gets a generated one. */
  private record NamedKey(String name, List<Integer> columns) {}
}
