package dev.quaver.planner.sql;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.sql.ddl.SqlAnalyzeTable;
import dev.quaver.planner.sql.ddl.SqlCreateQuaverIndex;
import dev.quaver.planner.sql.ddl.SqlCreateQuaverTable;
import dev.quaver.planner.sql.ddl.SqlCreateQuaverTrigger;
import dev.quaver.planner.sql.ddl.SqlCreateQuaverView;
import dev.quaver.planner.sql.ddl.SqlDropQuaverObject;
import dev.quaver.planner.sql.ddl.SqlDropQuaverTrigger;
import dev.quaver.planner.sql.ddl.SqlOptimizeTable;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;

/**
 * Turns a parsed DDL statement into a {@link DdlCommand}: resolves column names to ordinals,
 * maps types, applies defaults (distribution key, partitions) and checks everything that does
 * not need the data. Existence checks the catalog makes itself at apply time (duplicate table,
 * missing table on DROP) are left to it. Names are used as the parser produced them: unquoted
 * identifiers already folded to upper case. Thread safety: stateless.
 */
public final class DdlConverter {
  private DdlConverter() {}

  /** True for the statements {@link #convert} accepts: CREATE/DROP TABLE, VIEW, INDEX and TRIGGER. */
  public static boolean isDdl(SqlNode node) {
    return node instanceof SqlAnalyzeTable
        || node instanceof SqlCreateQuaverTable
        || node instanceof SqlCreateQuaverView
        || node instanceof SqlCreateQuaverIndex
        || node instanceof SqlDropQuaverObject
        || node instanceof SqlCreateQuaverTrigger
        || node instanceof SqlDropQuaverTrigger
        || node instanceof SqlOptimizeTable;
  }

  /**
   * Requires: {@code isDdl(node)}. {@code viewQueryColumns} validates a view's query and returns
   * its output column names; it is called only for CREATE VIEW.
   */
  public static DdlCommand convert(
      SqlNode node, Catalog catalog, Function<SqlNode, List<String>> viewQueryColumns) {
    if (node instanceof SqlAnalyzeTable analyze) {
      return analyze(analyze, catalog);
    }
    Objects.requireNonNull(catalog, "catalog is null");
    if (node instanceof SqlCreateQuaverTable create) {
      return CreateTableConverter.convert(create);
    }
    if (node instanceof SqlCreateQuaverView create) {
      return createView(create, viewQueryColumns);
    }
    if (node instanceof SqlCreateQuaverIndex create) {
      return createIndex(create, catalog);
    }
    if (node instanceof SqlCreateQuaverTrigger create) {
      return TriggerConverter.convert(create, catalog);
    }
    if (node instanceof SqlOptimizeTable optimize) {
      return new DdlCommand.OptimizeTable(simpleName(optimize.table()));
    }
    if (node instanceof SqlDropQuaverTrigger drop) {
      return new DdlCommand.DropTrigger(simpleName(drop.name()), drop.ifExists);
    }
    if (node instanceof SqlDropQuaverObject drop) {
      String name = simpleName(drop.name());
      switch (drop.objectType()) {
        case TABLE:
          return new DdlCommand.DropTable(name, drop.ifExists);
        case VIEW:
          return new DdlCommand.DropView(name, drop.ifExists);
        case INDEX:
          return new DdlCommand.DropIndex(name, drop.ifExists);
      }
    }
    throw new IllegalArgumentException("not a DDL statement: " + node.getKind());
  }

  private static DdlCommand analyze(SqlAnalyzeTable analyze, Catalog catalog) {
    if (analyze.table() == null) {
      return new DdlCommand.Analyze(null);
    }
    String name = simpleName(analyze.table());
    if (catalog.table(name).isEmpty()) {
      throw QuaverException.of(ErrorCode.UNDEFINED_TABLE, "table %s does not exist", name);
    }
    return new DdlCommand.Analyze(name);
  }

  /** SQL text of an expression or query that the planner re-parses with {@link QuaverSqlParser}. */
  static String toSql(SqlNode node) {
    return node.toSqlString(
            config ->
                config
                    .withDialect(CalciteSqlDialect.DEFAULT)
                    .withClauseStartsLine(false)
                    .withIndentation(0))
        .getSql();
  }

  /** The name of a table, view or index; schema-qualified names are not supported yet. */
  static String simpleName(SqlIdentifier identifier) {
    if (!identifier.isSimple()) {
      throw QuaverException.of(
          ErrorCode.FEATURE_NOT_SUPPORTED, "qualified name %s is not supported", identifier);
    }
    return identifier.getSimple();
  }

  private static DdlCommand createView(
      SqlCreateQuaverView create, Function<SqlNode, List<String>> viewQueryColumns) {
    String name = simpleName(create.name());
    List<String> queryColumns = viewQueryColumns.apply(create.query());
    List<String> columnNames = new ArrayList<>();
    SqlNodeList declared = create.columns();
    if (declared != null) {
      if (declared.size() > queryColumns.size()) {
        throw QuaverException.of(
            ErrorCode.SYNTAX_ERROR,
            "CREATE VIEW %s specifies %d column names but its query has %d columns",
            name, declared.size(), queryColumns.size());
      }
      for (SqlNode column : declared) {
        columnNames.add(((SqlIdentifier) column).getSimple());
      }
      // As in PostgreSQL, fewer names than columns rename the first columns only.
      columnNames.addAll(queryColumns.subList(declared.size(), queryColumns.size()));
      Set<String> seen = new HashSet<>();
      for (String column : columnNames) {
        if (!seen.add(column)) {
          throw QuaverException.of(
              ErrorCode.DUPLICATE_COLUMN, "column %s specified more than once in view %s",
              column, name);
        }
      }
    }
    ViewDef view = new ViewDef(name, toSql(create.query()), columnNames);
    return new DdlCommand.CreateView(view, create.getReplace());
  }

  private static DdlCommand createIndex(SqlCreateQuaverIndex create, Catalog catalog) {
    if (create.getReplace()) {
      throw new QuaverException(
          ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE OR REPLACE INDEX is not supported");
    }
    String name = simpleName(create.name());
    String tableName = simpleName(create.table());
    TableDef table =
        catalog
            .table(tableName)
            .orElseThrow(
                () ->
                    catalog.view(tableName).isPresent()
                        ? QuaverException.of(
                            ErrorCode.WRONG_OBJECT_TYPE,
                            "cannot create index %s on %s: it is a view", name, tableName)
                        : QuaverException.of(
                            ErrorCode.UNDEFINED_TABLE, "table %s does not exist", tableName));
    List<Integer> columns = new ArrayList<>();
    for (SqlNode node : create.columns()) {
      SqlIdentifier column =
          node.getKind() == SqlKind.DESCENDING
              ? (SqlIdentifier) ((SqlBasicCall) node).operand(0)
              : (SqlIdentifier) node;
      String columnName = column.getSimple();
      int ordinal =
          table
              .columnIndex(columnName)
              .orElseThrow(
                  () ->
                      QuaverException.of(
                          ErrorCode.UNDEFINED_COLUMN,
                          "column %s of index %s does not exist in table %s",
                          columnName, name, tableName));
      columns.add(ordinal);
    }
    IndexDef index = new IndexDef(name, columns, create.isUnique());
    return new DdlCommand.CreateIndex(tableName, index, create.ifNotExists);
  }
}
