<#--
  CREATE TRIGGER / DROP TRIGGER (SQLite syntax) and NEW.column / OLD.column references, included
  into Calcite's Parser.jj by FMPP. Hooks are listed in config.fmpp; node classes are
  SqlCreateQuaverTrigger and SqlDropQuaverTrigger in dev.quaver.planner.sql.ddl.
-->

/**
 * TRIGGER [IF NOT EXISTS] name [BEFORE | AFTER | INSTEAD OF]
 *   {INSERT | DELETE | UPDATE [OF col, ...]} ON table [FOR EACH ROW] [WHEN condition]
 *   BEGIN statement; [statement; ...] END
 * Without BEFORE / AFTER / INSTEAD OF the trigger is a BEFORE trigger, as in SQLite.
 */
SqlCreate SqlCreateQuaverTrigger(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    String timing = "BEFORE";
    final String event;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final SqlIdentifier table;
    SqlNode when = null;
    final List<SqlNode> body = new ArrayList<SqlNode>();
    SqlNode statement;
    SqlIdentifier column;
    final Span bodySpan;
}
{
    <TRIGGER> ifNotExists = QuaverIfNotExistsOpt() name = CompoundIdentifier()
    [
        <BEFORE> { timing = "BEFORE"; }
    |
        <AFTER> { timing = "AFTER"; }
    |
        <INSTEAD> <OF> { timing = "INSTEAD_OF"; }
    ]
    (
        <INSERT> { event = "INSERT"; }
    |
        <DELETE> { event = "DELETE"; }
    |
        <UPDATE> { event = "UPDATE"; }
        [
            <OF> column = SimpleIdentifier() { columns.add(column); }
            ( <COMMA> column = SimpleIdentifier() { columns.add(column); } )*
        ]
    )
    <ON> table = CompoundIdentifier()
    [ <FOR> <EACH> <ROW> ]
    [ <WHEN> when = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    <BEGIN> { bodySpan = span(); }
    (
        statement = SqlStmt() { body.add(statement); }
        <SEMICOLON>
    )+
    <END>
    {
        return new SqlCreateQuaverTrigger(s.end(this), replace, ifNotExists, name, timing, event,
            new SqlNodeList(columns, s.end(this)), table, when,
            new SqlNodeList(body, bodySpan.end(this)));
    }
}

SqlDrop SqlDropQuaverTrigger(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <TRIGGER> ifExists = QuaverIfExistsOpt() name = CompoundIdentifier()
    {
        return new SqlDropQuaverTrigger(s.end(this), ifExists, name);
    }
}

/**
 * NEW.column or OLD.column inside a trigger: NEW and OLD are reserved words in Calcite's grammar,
 * so they are read here (as a built-in "function call") into an ordinary two-part identifier.
 */
SqlNode QuaverTransitionColumn() :
{
    final String transition;
    final SqlIdentifier column;
    final Span s;
}
{
    (
        <NEW> { transition = "NEW"; }
    |
        <OLD> { transition = "OLD"; }
    )
    { s = span(); }
    <DOT> column = SimpleIdentifier()
    {
        return new SqlIdentifier(Arrays.asList(transition, column.getSimple()), s.end(this));
    }
}
