<#--
  Quaver's grammar productions (DDL and commands), included into Calcite's Parser.jj by FMPP.
  The hooks that call them are listed in config.fmpp; node classes are in
  dev.quaver.planner.sql.ddl. See planner/parser/README.md for the accepted syntax.
-->

boolean QuaverIfNotExistsOpt() :
{
}
{
    (
        LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
    |
        { return false; }
    )
}

boolean QuaverIfExistsOpt() :
{
}
{
    (
        LOOKAHEAD(2) <IF> <EXISTS> { return true; }
    |
        { return false; }
    )
}

/**
 * A DEFAULT value: an optionally signed atom (literal, function call such as CURRENT_TIMESTAMP,
 * CAST, CASE, or a parenthesized expression). A full expression is not accepted here because
 * "DEFAULT 0 NOT NULL" would then be ambiguous.
 */
SqlNode QuaverDefaultValue() :
{
    final SqlNode e;
    final Span s;
}
{
    (
        LOOKAHEAD(1) <MINUS> { s = span(); } e = Expression3(ExprContext.ACCEPT_NON_QUERY) {
            if (e instanceof SqlNumericLiteral) {
                return SqlLiteral.createNegative((SqlNumericLiteral) e, s.end(this));
            }
            return SqlStdOperatorTable.UNARY_MINUS.createCall(s.end(this), e);
        }
    |
        LOOKAHEAD(1) <PLUS> e = Expression3(ExprContext.ACCEPT_NON_QUERY) { return e; }
    |
        e = Expression3(ExprContext.ACCEPT_NON_QUERY) { return e; }
    )
}

/** The parse error for "NULL NOT NULL", positioned at the column name. */
JAVACODE CalciteContextException conflictingNullability(SqlIdentifier name)
{
    final String message = "conflicting NULL/NOT NULL declarations for column " + name;
    final SqlParserPos pos = name.getParserPosition();
    return new CalciteContextException(message, new ParseException(message),
        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
}

/**
 * column type [NOT NULL | NULL] [DEFAULT value] [PRIMARY KEY] [UNIQUE]
 * [GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY], in any order.
 */
SqlColumnDeclaration QuaverColumn() :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    Boolean nullable = null;
    SqlNode defaultValue = null;
    boolean primaryKey = false;
    boolean unique = false;
    String identity = null;
    final Span s;
}
{
    name = SimpleIdentifier() { s = span(); }
    type = DataType()
    (
        <NOT> <NULL> {
            if (Boolean.TRUE.equals(nullable)) {
                throw conflictingNullability(name);
            }
            nullable = false;
        }
    |
        <NULL> {
            if (Boolean.FALSE.equals(nullable)) {
                throw conflictingNullability(name);
            }
            nullable = true;
        }
    |
        <DEFAULT_> defaultValue = QuaverDefaultValue()
    |
        <PRIMARY> <KEY> { primaryKey = true; }
    |
        <UNIQUE> { unique = true; }
    |
        <GENERATED>
        (
            <ALWAYS> { identity = SqlColumnDeclaration.IDENTITY_ALWAYS; }
        |
            <BY> <DEFAULT_> { identity = SqlColumnDeclaration.IDENTITY_BY_DEFAULT; }
        )
        <AS> <IDENTITY>
    )*
    {
        return new SqlColumnDeclaration(s.end(this), name, type, nullable, defaultValue,
            primaryKey, unique, identity);
    }
}

/** [CONSTRAINT name] PRIMARY KEY (cols) | [CONSTRAINT name] UNIQUE (cols) */
SqlTableConstraint QuaverTableConstraint() :
{
    SqlIdentifier name = null;
    final boolean primaryKey;
    final SqlNodeList columns;
    final Span s;
}
{
    { s = span(); }
    [ <CONSTRAINT> name = SimpleIdentifier() ]
    (
        <PRIMARY> <KEY> { primaryKey = true; }
    |
        <UNIQUE> { primaryKey = false; }
    )
    columns = ParenthesizedSimpleIdentifierList()
    {
        return new SqlTableConstraint(s.end(this), name, primaryKey, columns);
    }
}

void QuaverTableElement(List<SqlNode> list) :
{
    final SqlNode e;
}
{
    (
        e = QuaverTableConstraint()
    |
        e = QuaverColumn()
    )
    { list.add(e); }
}

/**
 * TABLE [IF NOT EXISTS] name ( element, ... )
 *   [DISTRIBUTED BY HASH (cols)] [PARTITIONS n] [ORDER BY (cols)]
 */
SqlCreate SqlCreateQuaverTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<SqlNode> elements = new ArrayList<SqlNode>();
    final Span elementSpan;
    SqlNodeList distributedBy = null;
    SqlNumericLiteral partitions = null;
    SqlNodeList orderBy = null;
}
{
    <TABLE> ifNotExists = QuaverIfNotExistsOpt() name = CompoundIdentifier()
    <LPAREN> { elementSpan = span(); }
    QuaverTableElement(elements)
    ( <COMMA> QuaverTableElement(elements) )*
    <RPAREN>
    [
        <DISTRIBUTED> <BY> <HASH> distributedBy = ParenthesizedSimpleIdentifierList()
    ]
    [
        <PARTITIONS> partitions = UnsignedNumericLiteral()
    ]
    [
        <ORDER> <BY> orderBy = ParenthesizedSimpleIdentifierList()
    ]
    {
        return new SqlCreateQuaverTable(s.end(this), replace, ifNotExists, name,
            new SqlNodeList(elements, elementSpan.end(this)), distributedBy, partitions, orderBy);
    }
}

/** VIEW name [(cols)] AS query */
SqlCreate SqlCreateQuaverView(Span s, boolean replace) :
{
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final SqlNode query;
}
{
    <VIEW> name = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateQuaverView(s.end(this), replace, name, columns, query);
    }
}

/** One indexed column: name [ASC | DESC]; DESC is kept as a DESC call around the name. */
SqlNode QuaverIndexColumn() :
{
    final SqlIdentifier column;
}
{
    column = SimpleIdentifier()
    (
        <ASC> { return column; }
    |
        <DESC> {
            return SqlStdOperatorTable.DESC.createCall(column.getParserPosition(), column);
        }
    |
        { return column; }
    )
}

/** [UNIQUE] INDEX [IF NOT EXISTS] name ON table (col [ASC|DESC], ...) */
SqlCreate SqlCreateQuaverIndex(Span s, boolean replace) :
{
    boolean unique = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlIdentifier table;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final Span columnSpan;
    SqlNode column;
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX> ifNotExists = QuaverIfNotExistsOpt() name = CompoundIdentifier()
    <ON> table = CompoundIdentifier()
    <LPAREN> { columnSpan = span(); }
    column = QuaverIndexColumn() { columns.add(column); }
    ( <COMMA> column = QuaverIndexColumn() { columns.add(column); } )*
    <RPAREN>
    {
        return new SqlCreateQuaverIndex(s.end(this), replace, unique, ifNotExists, name, table,
            new SqlNodeList(columns, columnSpan.end(this)));
    }
}

SqlDrop SqlDropQuaverTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <TABLE> ifExists = QuaverIfExistsOpt() name = CompoundIdentifier()
    {
        return new SqlDropQuaverObject(s.end(this), SqlDropQuaverObject.ObjectType.TABLE, ifExists, name);
    }
}

SqlDrop SqlDropQuaverView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <VIEW> ifExists = QuaverIfExistsOpt() name = CompoundIdentifier()
    {
        return new SqlDropQuaverObject(s.end(this), SqlDropQuaverObject.ObjectType.VIEW, ifExists, name);
    }
}

SqlDrop SqlDropQuaverIndex(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <INDEX> ifExists = QuaverIfExistsOpt() name = CompoundIdentifier()
    {
        return new SqlDropQuaverObject(s.end(this), SqlDropQuaverObject.ObjectType.INDEX, ifExists, name);
    }
}

/** BEGIN [WORK | TRANSACTION] | START TRANSACTION */
SqlNode SqlQuaverBegin() :
{
    final Span s;
}
{
    (
        <BEGIN> { s = span(); } [ <WORK> | <TRANSACTION> ]
    |
        <START> { s = span(); } <TRANSACTION>
    )
    {
        return new SqlTransactionControl(s.end(this), SqlTransactionControl.Action.BEGIN);
    }
}

/** COMMIT [WORK | TRANSACTION] */
SqlNode SqlQuaverCommit() :
{
    final Span s;
}
{
    <COMMIT> { s = span(); } [ <WORK> | <TRANSACTION> ]
    {
        return new SqlTransactionControl(s.end(this), SqlTransactionControl.Action.COMMIT);
    }
}

/** ROLLBACK [WORK | TRANSACTION] */
SqlNode SqlQuaverRollback() :
{
    final Span s;
}
{
    <ROLLBACK> { s = span(); } [ <WORK> | <TRANSACTION> ]
    {
        return new SqlTransactionControl(s.end(this), SqlTransactionControl.Action.ROLLBACK);
    }
}

/** ANALYZE [table] */
SqlNode SqlQuaverAnalyze() :
{
    final Span s;
    SqlIdentifier table = null;
}
{
    <ANALYZE> { s = span(); } [ table = CompoundIdentifier() ]
    {
        return new SqlAnalyzeTable(s.end(this), table);
    }
}

/**
 * EXPLAIN [ANALYZE] statement, for a query, INSERT, UPDATE or DELETE. Calcite's own
 * "EXPLAIN PLAN ... FOR" is left to Calcite.
 */
SqlNode SqlQuaverExplain() :
{
    final Span s;
    boolean analyze = false;
    final SqlNode stmt;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(1) <ANALYZE> { analyze = true; } stmt = QuaverExplainable()
    |
        // Semantic lookahead is also evaluated inside SqlStmt's LOOKAHEAD(2) scan (getToken
        // then reads from the scan position), so "EXPLAIN PLAN" falls through to Calcite.
        LOOKAHEAD({ getToken(1).kind != PLAN }) stmt = QuaverExplainable()
    )
    {
        return new SqlQuaverExplain(s.end(this), analyze, stmt);
    }
}

SqlNode QuaverExplainable() :
{
    final SqlNode stmt;
}
{
    (
        stmt = SqlInsert()
    |
        stmt = SqlUpdate()
    |
        stmt = SqlDelete()
    |
        stmt = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    { return stmt; }
}
