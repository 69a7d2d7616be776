<#--
  Quaver's INSERT conflict clauses, REINDEX and the empty IN list, included into Calcite's
  Parser.jj by FMPP (hooks in config.fmpp). Node classes: dev.quaver.planner.sql.dml.
  See planner/parser/README.md for the accepted syntax.
-->

/**
 * INSERT, also with a conflict clause:
 *   REPLACE INTO t ... | INSERT OR REPLACE INTO t ... | INSERT OR IGNORE INTO t ...
 *   | INSERT INTO t ... ON CONFLICT [(col, ...)] DO NOTHING
 * The statement hooks run before Calcite's own SqlInsert and LOOKAHEAD(2) cannot tell a
 * plain INSERT from one that ends in ON CONFLICT, so a plain INSERT parses here too: the body
 * is Calcite's SqlInsert production, and without a conflict clause the result is Calcite's
 * SqlInsert, exactly as before.
 */
SqlNode SqlQuaverInsert() :
{
    final Span s;
    SqlQuaverInsert.Syntax syntax = null;
    final SqlIdentifier tableName;
    SqlNode tableRef;
    final SqlNode source;
    SqlNodeList columnList = null;
    Pair<SqlNodeList, SqlNodeList> p;
    SqlNodeList conflictTarget = null;
}
{
    (
        <REPLACE> { s = span(); syntax = SqlQuaverInsert.Syntax.REPLACE_INTO; }
    |
        <INSERT> { s = span(); }
        [
            <OR>
            (
                <REPLACE> { syntax = SqlQuaverInsert.Syntax.INSERT_OR_REPLACE; }
            |
                <IGNORE> { syntax = SqlQuaverInsert.Syntax.INSERT_OR_IGNORE; }
            )
        ]
    )
    <INTO> tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    [ LOOKAHEAD(5) tableRef = ExtendTable(tableRef) ]
    [
        LOOKAHEAD(2)
        p = ParenthesizedCompoundIdentifierList() {
            if (!p.right.isEmpty()) {
                tableRef = extend(tableRef, p.right);
            }
            if (!p.left.isEmpty()) {
                columnList = p.left;
            }
        }
    ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    [
        <ON> <CONFLICT> {
            if (syntax != null) {
                throw new ParseException("ON CONFLICT cannot be combined with " + syntax.name().replace('_', ' '));
            }
        }
        [ conflictTarget = ParenthesizedSimpleIdentifierList() ]
        <DO> <NOTHING> { syntax = SqlQuaverInsert.Syntax.ON_CONFLICT_DO_NOTHING; }
    ]
    {
        final SqlNodeList keywords = new SqlNodeList(s.pos());
        if (syntax == null) {
            return new SqlInsert(s.end(source), keywords, tableRef, source, columnList);
        }
        return new SqlQuaverInsert(s.end(this), keywords, tableRef, source, columnList, syntax,
            conflictTarget);
    }
}

/** REINDEX [INDEX | TABLE] [name]. */
SqlNode SqlQuaverReindex() :
{
    final Span s;
    SqlQuaverReindex.Target target = SqlQuaverReindex.Target.ANY;
    SqlIdentifier name = null;
}
{
    <REINDEX> { s = span(); }
    [
        LOOKAHEAD(2) <INDEX> { target = SqlQuaverReindex.Target.INDEX; } name = CompoundIdentifier()
    |
        <TABLE> { target = SqlQuaverReindex.Target.TABLE; } name = CompoundIdentifier()
    |
        name = CompoundIdentifier()
    ]
    {
        return new SqlQuaverReindex(s.end(this), target, name);
    }
}

/**
 * The empty list of "x IN ()" / "x NOT IN ()" (SQLite). Called from Calcite's IN production,
 * which the build patches (planner/parser/pom.xml); returns the operator that replaces IN.
 */
SqlOperator QuaverEmptyInOperator(SqlOperator op) :
{
}
{
    <LPAREN> <RPAREN> {
        final SqlOperator empty = SqlEmptyInOperator.of(op);
        if (empty == null) {
            throw new ParseException("an empty list is allowed only after IN and NOT IN");
        }
        return empty;
    }
}
