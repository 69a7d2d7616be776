package dev.quaver.bench.olap;

import java.util.ArrayList;
import java.util.List;

/**
 * The 13 SSB queries as published (with the date table named {@code dwdate}) and the dashboard query
 * of {@code shared/WORKLOADS.md}. The only dialect point is the dashboard's timestamp literal, which
 * each engine renders ({@link Engine#timestampLiteral}); every query text is otherwise identical.
 */
final class Queries {
  /** One benchmark query; {@code sql} may contain {@code {TS:yyyy-MM-dd HH:mm:ss}} placeholders. */
  record Query(String id, String sql) {}

  private static final String DASHBOARD_TS = "2024-12-01 00:00:00";

  private Queries() {}

  static List<Query> ssb() {
    List<Query> q = new ArrayList<>();
    q.add(new Query("Q1.1", "SELECT SUM(lo_extendedprice * lo_discount) AS revenue FROM lineorder, dwdate"
        + " WHERE lo_orderdate = d_datekey AND d_year = 1993 AND lo_discount BETWEEN 1 AND 3"
        + " AND lo_quantity < 25"));
    q.add(new Query("Q1.2", "SELECT SUM(lo_extendedprice * lo_discount) AS revenue FROM lineorder, dwdate"
        + " WHERE lo_orderdate = d_datekey AND d_yearmonthnum = 199401 AND lo_discount BETWEEN 4 AND 6"
        + " AND lo_quantity BETWEEN 26 AND 35"));
    q.add(new Query("Q1.3", "SELECT SUM(lo_extendedprice * lo_discount) AS revenue FROM lineorder, dwdate"
        + " WHERE lo_orderdate = d_datekey AND d_weeknuminyear = 6 AND d_year = 1994"
        + " AND lo_discount BETWEEN 5 AND 7 AND lo_quantity BETWEEN 26 AND 35"));
    String q2 = "SELECT SUM(lo_revenue) AS revenue, d_year, p_brand1 FROM lineorder, dwdate, part, supplier"
        + " WHERE lo_orderdate = d_datekey AND lo_partkey = p_partkey AND lo_suppkey = s_suppkey AND %s"
        + " GROUP BY d_year, p_brand1 ORDER BY d_year, p_brand1";
    q.add(new Query("Q2.1", String.format(q2, "p_category = 'MFGR#12' AND s_region = 'AMERICA'")));
    q.add(new Query("Q2.2", String.format(q2,
        "p_brand1 BETWEEN 'MFGR#2221' AND 'MFGR#2228' AND s_region = 'ASIA'")));
    q.add(new Query("Q2.3", String.format(q2, "p_brand1 = 'MFGR#2239' AND s_region = 'EUROPE'")));
    String q3 = "SELECT %1$s, d_year, SUM(lo_revenue) AS revenue FROM customer, lineorder, supplier, dwdate"
        + " WHERE lo_custkey = c_custkey AND lo_suppkey = s_suppkey AND lo_orderdate = d_datekey AND %2$s"
        + " GROUP BY %1$s, d_year ORDER BY d_year ASC, revenue DESC";
    q.add(new Query("Q3.1", String.format(q3, "c_nation, s_nation",
        "c_region = 'ASIA' AND s_region = 'ASIA' AND d_year >= 1992 AND d_year <= 1997")));
    q.add(new Query("Q3.2", String.format(q3, "c_city, s_city",
        "c_nation = 'UNITED STATES' AND s_nation = 'UNITED STATES' AND d_year >= 1992 AND d_year <= 1997")));
    String ukCities = "(c_city = 'UNITED KI1' OR c_city = 'UNITED KI5')"
        + " AND (s_city = 'UNITED KI1' OR s_city = 'UNITED KI5')";
    q.add(new Query("Q3.3", String.format(q3, "c_city, s_city",
        ukCities + " AND d_year >= 1992 AND d_year <= 1997")));
    q.add(new Query("Q3.4", String.format(q3, "c_city, s_city", ukCities + " AND d_yearmonth = 'Dec1997'")));
    String q4 = "SELECT d_year, %1$s, SUM(lo_revenue - lo_supplycost) AS profit"
        + " FROM dwdate, customer, supplier, part, lineorder WHERE lo_custkey = c_custkey"
        + " AND lo_suppkey = s_suppkey AND lo_partkey = p_partkey AND lo_orderdate = d_datekey AND %2$s"
        + " GROUP BY d_year, %1$s ORDER BY d_year, %1$s";
    q.add(new Query("Q4.1", String.format(q4, "c_nation", "c_region = 'AMERICA' AND s_region = 'AMERICA'"
        + " AND (p_mfgr = 'MFGR#1' OR p_mfgr = 'MFGR#2')")));
    q.add(new Query("Q4.2", String.format(q4, "s_nation, p_category", "c_region = 'AMERICA'"
        + " AND s_region = 'AMERICA' AND (d_year = 1997 OR d_year = 1998)"
        + " AND (p_mfgr = 'MFGR#1' OR p_mfgr = 'MFGR#2')")));
    q.add(new Query("Q4.3", String.format(q4, "s_city, p_brand1", "c_region = 'AMERICA'"
        + " AND s_nation = 'UNITED STATES' AND (d_year = 1997 OR d_year = 1998) AND p_category = 'MFGR#14'")));
    return q;
  }

  static Query dashboard() {
    return new Query("dashboard", "SELECT a.name AS artist, f.country, COUNT(*) AS plays"
        + " FROM plays f JOIN dim_artists a ON f.artist_id = a.artist_id"
        + " WHERE f.ts >= {TS:" + DASHBOARD_TS + "}"
        + " GROUP BY a.name, f.country ORDER BY plays DESC, artist, f.country LIMIT 100");
  }

  /** Replaces each {@code {TS:...}} placeholder with the engine's literal. */
  static String render(Query query, Engine engine) {
    String sql = query.sql();
    int at;
    while ((at = sql.indexOf("{TS:")) >= 0) {
      int end = sql.indexOf('}', at);
      sql = sql.substring(0, at) + engine.timestampLiteral(sql.substring(at + 4, end)) + sql.substring(end + 1);
    }
    return sql;
  }
}
