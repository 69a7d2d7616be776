package dev.quaver.planner.sql.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE TRIGGER [IF NOT EXISTS] name [BEFORE | AFTER | INSTEAD OF] event ON table
 * [FOR EACH ROW] [WHEN condition] BEGIN statement; ... END} (SQLite syntax). {@code timing} is
 * BEFORE, AFTER or INSTEAD_OF and {@code event} INSERT, UPDATE or DELETE (the names of
 * TriggerDef's enums); {@code columns} are the UPDATE OF columns (empty for none); the body holds
 * the parsed statements, in which NEW.x / OLD.x are two-part identifiers.
 */
public final class SqlCreateQuaverTrigger extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TRIGGER", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final String timing;
  private final String event;
  private final SqlNodeList columns;
  private final SqlIdentifier table;
  private final SqlNode when;
  private final SqlNodeList body;

  public SqlCreateQuaverTrigger(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      String timing,
      String event,
      SqlNodeList columns,
      SqlIdentifier table,
      SqlNode when,
      SqlNodeList body) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = Objects.requireNonNull(name, "name is null");
    this.timing = Objects.requireNonNull(timing, "timing is null");
    this.event = Objects.requireNonNull(event, "event is null");
    this.columns = Objects.requireNonNull(columns, "columns is null");
    this.table = Objects.requireNonNull(table, "table is null");
    this.when = when;
    this.body = Objects.requireNonNull(body, "body is null");
  }

  public SqlIdentifier name() {
    return name;
  }

  public String timing() {
    return timing;
  }

  public String event() {
    return event;
  }

  public SqlNodeList columns() {
    return columns;
  }

  public SqlIdentifier table() {
    return table;
  }

  /** The WHEN condition, or null. */
  public SqlNode when() {
    return when;
  }

  public SqlNodeList body() {
    return body;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columns, table, when, body);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE TRIGGER");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword(timing.replace('_', ' '));
    writer.keyword(event);
    if (!columns.isEmpty()) {
      writer.keyword("OF");
      SqlWriter.Frame frame = writer.startList("", "");
      for (SqlNode column : columns) {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    writer.keyword("FOR EACH ROW");
    if (when != null) {
      writer.keyword("WHEN");
      when.unparse(writer, 0, 0);
    }
    writer.keyword("BEGIN");
    for (SqlNode statement : body) {
      statement.unparse(writer, 0, 0);
      writer.print(";");
    }
    writer.keyword("END");
  }
}
