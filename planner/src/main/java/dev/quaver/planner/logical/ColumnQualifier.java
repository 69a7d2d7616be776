package dev.quaver.planner.logical;

import dev.quaver.planner.schema.CatalogSchema;
import dev.quaver.planner.schema.CatalogTable;
import dev.quaver.storage.catalog.ColumnDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Qualifies the unqualified column names of a SELECT over many comma-joined tables before
 * validation ({@code x27} becomes {@code t38.x27}), exactly as the validator's identifier
 * expansion would. Why: Calcite's validator finds the table of an unqualified column by resolving
 * every FROM item's name against every FROM item (ListScope.findQualifyingTableNames), which is
 * quadratic in the number of tables per column; with 30-64 tables (SQLite's select5.test) that was
 * more than half of the planning time. A qualified name costs one linear lookup.
 *
 * <p>Deliberately narrow, so that it can only do what the validator would do anyway: only a
 * plain SELECT (optionally under ORDER BY, which is left as written: it may name select aliases)
 * whose FROM is a comma list of catalog tables (with optional aliases, all names distinct), whose
 * select list and WHERE contain only column names, literals and the operators listed in
 * {@link #isPlainOperator} (no subquery, no function, no window). A column name found in exactly
 * one FROM table is qualified with that table's name or alias; names found in none or in several
 * are left as written, for the validator to report. Anything else leaves the statement as it is.
 *
 * <p>Immutable (stateless).
 */
public final class ColumnQualifier {
  /** Below this many FROM tables the validator's own resolution is cheap enough. */
  static final int MIN_TABLES = 6;

  private ColumnQualifier() {}

  /** {@code node} with the columns of its many-table SELECT qualified, or {@code node} itself. */
  public static SqlNode apply(SqlNode node, CatalogSchema schema) {
    SqlSelect select;
    if (node instanceof SqlSelect s) {
      select = s;
    } else if (node instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect s) {
      select = s;
    } else {
      return node;
    }
    if (select.getFrom() == null || select.getGroup() != null || select.getHaving() != null
        || (select.getWindowList() != null && !select.getWindowList().isEmpty())) {
      return node;
    }
    List<SqlNode> items = new ArrayList<>();
    if (!commaItems(select.getFrom(), items) || items.size() < MIN_TABLES) {
      return node;
    }
    Map<String, String> qualifierOf = columnOwners(items, schema);
    if (qualifierOf == null) {
      return node;
    }
    SqlNodeList selectList = select.getSelectList();
    if (!isPlain(selectList, true) || (select.getWhere() != null && !isPlain(select.getWhere(), false))) {
      return node;
    }
    for (int i = 0; i < selectList.size(); i++) {
      selectList.set(i, qualify(selectList.get(i), qualifierOf));
    }
    if (select.getWhere() != null) {
      select.setWhere(qualify(select.getWhere(), qualifierOf));
    }
    return node;
  }

  /** Collects the leaves of a tree of comma joins; false when it is anything else. */
  private static boolean commaItems(SqlNode from, List<SqlNode> items) {
    if (from instanceof SqlJoin join) {
      if (join.getJoinType() != JoinType.COMMA || join.isNatural()
          || join.getConditionType() != JoinConditionType.NONE) {
        return false;
      }
      return commaItems(join.getLeft(), items) && commaItems(join.getRight(), items);
    }
    items.add(from);
    return true;
  }

  /**
   * Column name to the qualifier (table name or alias) of the one FROM table that has it; a name
   * in several tables maps to null (ambiguous: left alone). Null when a FROM item is not a plain
   * catalog table or two items have the same name.
   */
  private static Map<String, String> columnOwners(List<SqlNode> items, CatalogSchema schema) {
    Map<String, String> owners = new HashMap<>();
    Set<String> qualifiers = new HashSet<>();
    for (SqlNode item : items) {
      SqlNode tableName = item;
      String qualifier;
      if (item instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
        if (as.operandCount() != 2 || !(as.operand(1) instanceof SqlIdentifier alias) || !alias.isSimple()) {
          return null;
        }
        tableName = as.operand(0);
        qualifier = alias.getSimple();
      } else if (item instanceof SqlIdentifier identifier && identifier.isSimple()) {
        qualifier = identifier.getSimple();
      } else {
        return null;
      }
      if (!(tableName instanceof SqlIdentifier identifier) || !identifier.isSimple()) {
        return null;
      }
      Table table = schema.getTable(identifier.getSimple());
      if (!(table instanceof CatalogTable catalogTable) || catalogTable.withRowKey() || !qualifiers.add(qualifier)) {
        return null;
      }
      for (ColumnDef column : catalogTable.table().columns()) {
        if (owners.containsKey(column.name())) {
          owners.put(column.name(), null);
        } else {
          owners.put(column.name(), qualifier);
        }
      }
    }
    return owners;
  }

  /** Whether {@code node} holds only column names, literals and plain operators. */
  private static boolean isPlain(SqlNode node, boolean isSelectList) {
    if (node instanceof SqlNodeList list) {
      for (SqlNode element : list) {
        if (!isPlain(element, isSelectList)) {
          return false;
        }
      }
      return true;
    }
    if (node instanceof SqlIdentifier || node instanceof SqlLiteral) {
      return true;
    }
    if (node instanceof SqlBasicCall call) {
      if (call.getKind() == SqlKind.AS) {
        return isSelectList && call.operandCount() == 2 && call.operand(1) instanceof SqlIdentifier
            && isPlain(call.operand(0), false);
      }
      if (!isPlainOperator(call.getKind())) {
        return false;
      }
      for (SqlNode operand : call.getOperandList()) {
        if (operand == null || !isPlain(operand, false)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Operators whose operands are ordinary value expressions (no names of other kinds). */
  private static boolean isPlainOperator(SqlKind kind) {
    return switch (kind) {
      case AND, OR, NOT, EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN,
          GREATER_THAN_OR_EQUAL, IS_NULL, IS_NOT_NULL, PLUS, MINUS, TIMES, DIVIDE,
          MINUS_PREFIX, PLUS_PREFIX, BETWEEN, IN, NOT_IN -> true;
      default -> false;
    };
  }

  /** {@code node} with each unambiguous unqualified column name qualified (checked plain first). */
  private static SqlNode qualify(SqlNode node, Map<String, String> qualifierOf) {
    if (node instanceof SqlIdentifier identifier) {
      if (!identifier.isSimple() || identifier.isStar()) {
        return identifier;
      }
      String qualifier = qualifierOf.get(identifier.getSimple());
      if (qualifier == null) {
        return identifier;
      }
      // The same identifier (and component positions) as DelegatingScope.fullyQualify builds.
      SqlParserPos pos = identifier.getParserPosition();
      return new SqlIdentifier(List.of(qualifier, identifier.getSimple()), null, pos,
          List.of(SqlParserPos.ZERO, pos));
    }
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        list.set(i, qualify(list.get(i), qualifierOf));
      }
      return list;
    }
    if (node instanceof SqlCall call) {
      int operands = call.getKind() == SqlKind.AS ? 1 : call.operandCount();
      for (int i = 0; i < operands; i++) {
        call.setOperand(i, qualify(call.operand(i), qualifierOf));
      }
    }
    return node;
  }
}
