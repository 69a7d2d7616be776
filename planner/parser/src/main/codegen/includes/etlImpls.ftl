<#--
  Columnar store and ETL statements (issue #5; docs/columnar.md).
-->

/** OPTIMIZE TABLE name: runs the table's ETL now (rows changed since its watermark → segments). */
SqlNode SqlQuaverOptimize() :
{
    final Span s;
    final SqlIdentifier table;
}
{
    <OPTIMIZE> { s = span(); } <TABLE> table = CompoundIdentifier()
    {
        return new SqlOptimizeTable(s.end(this), table);
    }
}
