package dev.quaver.planner;

import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.sql.DdlCommand;
import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * A statement the planner has parsed, validated and planned, ready to execute any number of
 * times with different parameter values. Exactly one of {@code root} (QUERY, DML), {@code ddl}
 * (DDL) or {@code explainLines} (EXPLAIN) is set. {@code catalogVersion} is the catalog version
 * it was planned against: a plan from an older version must be re-planned. {@code resultSources}
 * has one entry per result field: the table column it copies, or null when it is computed (JDBC
 * ResultSetMetaData.getTableName); empty when unknown. Immutable.
 */
public record PreparedPlan(
    String sql,
    Kind kind,
    List<ColumnType> parameterTypes,
    List<Field> resultFields,
    PhysicalNode root,
    DdlCommand ddl,
    List<String> explainLines,
    long catalogVersion,
    List<ColumnSource> resultSources) {

  public enum Kind {
    /** Returns rows. */
    QUERY,
    /** INSERT / UPDATE / DELETE: returns an update count. */
    DML,
    /** Changes the catalog: returns update count 0. */
    DDL,
    /** Returns the plan text as rows of one VARCHAR column "plan". */
    EXPLAIN
  }

  public PreparedPlan {
    Objects.requireNonNull(sql, "sql is null");
    Objects.requireNonNull(kind, "kind is null");
    parameterTypes = List.copyOf(parameterTypes);
    resultFields = List.copyOf(resultFields);
    explainLines = explainLines == null ? null : List.copyOf(explainLines);
    resultSources = resultSources == null ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(resultSources));
  }

  /** A plan whose result columns' sources are unknown. */
  public PreparedPlan(String sql, Kind kind, List<ColumnType> parameterTypes, List<Field> resultFields,
      PhysicalNode root, DdlCommand ddl, List<String> explainLines, long catalogVersion) {
    this(sql, kind, parameterTypes, resultFields, root, ddl, explainLines, catalogVersion, List.of());
  }

  /** The source of result column {@code index}, or null when computed or unknown. */
  public ColumnSource resultSource(int index) {
    return index < resultSources.size() ? resultSources.get(index) : null;
  }
}
