<#--
  Quaver's session-setting commands (SET name = value | SET name TO value, SHOW name | SHOW ALL).
  RESET name | RESET ALL is Calcite's own SqlSetOption production. The session applies them;
  see dev.quaver.planner.SettingCommand and docs/sql.md.
-->

/**
 * SET name { = | TO } { literal | identifier | ON | ONE | DEFAULT }. Listed among the statement
 * methods, so it is tried before Calcite's SqlSetOption (which knows only '='). DEFAULT resets
 * the setting (a SqlSetOption with a null value, as RESET produces).
 */
SqlNode SqlQuaverSet() :
{
    final Span s;
    final SqlIdentifier name;
    SqlNode value = null;
}
{
    <SET> { s = span(); }
    name = CompoundIdentifier()
    ( <EQ> | <TO> )
    (
        value = Literal()
    |
        value = SimpleIdentifier()
    |
        <ON> { value = new SqlIdentifier("ON", getPos()); }
    |
        // choice values that are reserved words (aggregation_phases = one)
        <ONE> { value = new SqlIdentifier("ONE", getPos()); }
    |
        <DEFAULT_> { value = null; }
    )
    {
        return new SqlSetOption(s.end(this), null, name, value);
    }
}

/** SHOW name | SHOW ALL */
SqlNode SqlQuaverShow() :
{
    final Span s;
    SqlIdentifier name = null;
}
{
    <SHOW> { s = span(); }
    (
        <ALL>
    |
        name = CompoundIdentifier()
    )
    {
        return new SqlShowSetting(s.end(this), name);
    }
}
