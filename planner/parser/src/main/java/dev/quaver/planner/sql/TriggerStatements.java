package dev.quaver.planner.sql;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.TriggerDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Turns the SQL text of a trigger's WHEN condition or body statement into a statement the
 * ordinary planner can prepare: every {@code NEW.col} / {@code OLD.col} becomes a typed parameter
 * {@code CAST(? AS <column type>)}, and {@link Bound#parameters()} says which row value each
 * {@code ?} takes, in parameter order. The executor binds those values on every row the trigger
 * fires for; the plan itself is cached by the planner like any statement's (text and catalog
 * version). Also used at CREATE TRIGGER to check the references early.
 *
 * <p>Errors: UNDEFINED_COLUMN (42703) for a column the table lacks, or for NEW in a DELETE
 * trigger / OLD in an INSERT trigger (as in SQLite, they exist only where relevant).
 *
 * <p>Thread safety: stateless.
 */
public final class TriggerStatements {
  /** A placeholder identifier that marks the k-th reference while the tree is unparsed. */
  private static final String MARKER = "$quaver_trigger_ref_";

  private TriggerStatements() {}

  /** One row value a parameter takes: a column of the NEW row or of the OLD row. */
  public record Reference(boolean isNew, int column) {}

  /** A statement ready to plan, and the row value of each of its parameters, in order. */
  public record Bound(String sql, List<Reference> parameters) {
    public Bound {
      Objects.requireNonNull(sql, "sql is null");
      parameters = List.copyOf(parameters);
    }
  }

  /** A body statement (INSERT, UPDATE, DELETE or a query) of a trigger on {@code table}. */
  public static Bound bindStatement(String sql, TableDef table, TriggerDef.Event event) {
    return bind(QuaverSqlParser.parse(sql), table, event);
  }

  /**
   * A WHEN condition, as a one-row query whose single INTEGER column is 1 when the condition is
   * true and 0 when it is false or unknown.
   */
  public static Bound bindCondition(String conditionSql, TableDef table, TriggerDef.Event event) {
    return bindStatement("SELECT CASE WHEN (" + conditionSql + ") THEN 1 ELSE 0 END", table, event);
  }

  private static Bound bind(SqlNode statement, TableDef table, TriggerDef.Event event) {
    List<Reference> found = new ArrayList<>();
    SqlNode rewritten = rewrite(statement, table, event, found);
    String text = DdlConverter.toSql(rewritten);
    // Parameters are numbered in text order; the markers say which reference each one is.
    Matcher matcher = Pattern.compile("\"?" + Pattern.quote(MARKER) + "(\\d+)\"?").matcher(text);
    StringBuilder sql = new StringBuilder();
    List<Reference> parameters = new ArrayList<>();
    while (matcher.find()) {
      Reference reference = found.get(Integer.parseInt(matcher.group(1)));
      parameters.add(reference);
      String type = table.columns().get(reference.column()).type().toString();
      matcher.appendReplacement(sql, Matcher.quoteReplacement("CAST(? AS " + type + ")"));
    }
    matcher.appendTail(sql);
    if (parameters.size() != found.size()) {
      throw new IllegalStateException("trigger statement lost a NEW/OLD reference: " + text);
    }
    return new Bound(sql.toString(), parameters);
  }

  /** Replaces NEW.x / OLD.x in place by marker identifiers; returns the (possibly new) node. */
  private static SqlNode rewrite(SqlNode node, TableDef table, TriggerDef.Event event,
      List<Reference> found) {
    if (node instanceof SqlIdentifier identifier) {
      return transition(identifier, table, event, found);
    }
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode item = list.get(i);
        SqlNode replaced = rewrite(item, table, event, found);
        if (replaced != item) {
          list.set(i, replaced);
        }
      }
      return list;
    }
    if (node instanceof SqlCall call) {
      List<SqlNode> operands = new ArrayList<>(call.getOperandList());
      for (int i = 0; i < operands.size(); i++) {
        SqlNode operand = operands.get(i);
        if (operand == null) {
          continue;
        }
        SqlNode replaced = rewrite(operand, table, event, found);
        if (replaced != operand) {
          try {
            call.setOperand(i, replaced);
          } catch (UnsupportedOperationException e) {
            throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED,
                "a NEW or OLD reference is not supported in this position: %s", operand);
          }
        }
      }
    }
    return node;
  }

  private static SqlNode transition(SqlIdentifier identifier, TableDef table,
      TriggerDef.Event event, List<Reference> found) {
    if (identifier.names.size() != 2 || identifier.isStar()) {
      return identifier;
    }
    String qualifier = identifier.names.get(0);
    boolean isNew = qualifier.equals("NEW");
    if (!isNew && !qualifier.equals("OLD")) {
      return identifier;
    }
    if (isNew && event == TriggerDef.Event.DELETE || !isNew && event == TriggerDef.Event.INSERT) {
      throw QuaverException.of(ErrorCode.UNDEFINED_COLUMN,
          "%s.%s: there is no %s row in a %s trigger", qualifier, identifier.names.get(1),
          qualifier, event);
    }
    String column = identifier.names.get(1);
    int ordinal = table.columnIndex(column).orElseThrow(() -> QuaverException.of(
        ErrorCode.UNDEFINED_COLUMN, "column %s.%s does not exist: table %s has no column %s",
        qualifier, column, table.name(), column));
    found.add(new Reference(isNew, ordinal));
    return new SqlIdentifier(MARKER + (found.size() - 1), identifier.getParserPosition());
  }
}
