package dev.quaver.planner.sql.ddl;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Unparse helpers shared by the DDL nodes. */
final class DdlUnparse {
  private DdlUnparse() {}

  /** Writes {@code (a, b, c)}. */
  static void parenthesizedList(SqlWriter writer, SqlNodeList list) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode node : list) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
