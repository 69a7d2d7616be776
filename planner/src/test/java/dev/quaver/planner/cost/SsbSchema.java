package dev.quaver.planner.cost;

import static dev.quaver.planner.cost.StatisticsFixture.col;

import dev.quaver.planner.cost.StatisticsFixture.Col;
import dev.quaver.type.ColumnType;
import java.util.List;
import java.util.Map;

/**
 * The Star Schema Benchmark at scale factor 1 and the music service's dashboard tables
 * (../shared/WORKLOADS.md) with statistics of their sizes, and the 13 SSB queries and the
 * dashboard query.
 */
final class SsbSchema {
  private static final ColumnType INT = ColumnType.INTEGER;

  private SsbSchema() {}

  /** As bench/run-olap.sh creates them: lineorder sorted by its order date, plays by ts. */
  static void create(StatisticsFixture fixture) {
    fixture.tableWithStatistics("LINEORDER", List.of("LO_ORDERKEY"), 4, 6_000_000, List.of(
        col("LO_ORDERKEY", INT, 1_500_000, 1, 6_000_000), col("LO_LINENUMBER", INT, 7, 1, 7),
        col("LO_CUSTKEY", INT, 20_000, 1, 30_000), col("LO_PARTKEY", INT, 200_000, 1, 200_000),
        col("LO_SUPPKEY", INT, 2_000, 1, 2_000), col("LO_ORDERDATE", INT, 2_406, 19920101, 19980802),
        col("LO_ORDERPRIORITY", ColumnType.varchar(15), 5), col("LO_SHIPPRIORITY", INT, 1, 0, 0),
        col("LO_QUANTITY", INT, 50, 1, 50), col("LO_EXTENDEDPRICE", INT, 1_000_000, 90_000, 10_500_000),
        col("LO_ORDTOTALPRICE", INT, 1_400_000, 90_000, 50_000_000), col("LO_DISCOUNT", INT, 11, 0, 10),
        col("LO_REVENUE", INT, 3_000_000, 80_000, 10_500_000), col("LO_SUPPLYCOST", INT, 100_000, 50_000, 130_000),
        col("LO_TAX", INT, 9, 0, 8), col("LO_COMMITDATE", INT, 2_466, 19920131, 19981031),
        col("LO_SHIPMODE", ColumnType.varchar(10), 7)), List.of("LO_ORDERDATE"));
    fixture.tableWithStatistics("CUSTOMER", List.of("C_CUSTKEY"), 4, 30_000, List.of(
        col("C_CUSTKEY", INT, 30_000, 1, 30_000), col("C_NAME", ColumnType.varchar(25), 30_000),
        col("C_ADDRESS", ColumnType.varchar(25), 30_000), col("C_CITY", ColumnType.varchar(10), 250),
        col("C_NATION", ColumnType.varchar(15), 25), col("C_REGION", ColumnType.varchar(12), 5),
        col("C_PHONE", ColumnType.varchar(15), 30_000), col("C_MKTSEGMENT", ColumnType.varchar(10), 5)));
    fixture.tableWithStatistics("SUPPLIER", List.of("S_SUPPKEY"), 4, 2_000, List.of(
        col("S_SUPPKEY", INT, 2_000, 1, 2_000), col("S_NAME", ColumnType.varchar(25), 2_000),
        col("S_ADDRESS", ColumnType.varchar(25), 2_000), col("S_CITY", ColumnType.varchar(10), 250),
        col("S_NATION", ColumnType.varchar(15), 25), col("S_REGION", ColumnType.varchar(12), 5),
        col("S_PHONE", ColumnType.varchar(15), 2_000)));
    fixture.tableWithStatistics("PART", List.of("P_PARTKEY"), 4, 200_000, List.of(
        col("P_PARTKEY", INT, 200_000, 1, 200_000), col("P_NAME", ColumnType.varchar(22), 100_000),
        col("P_MFGR", ColumnType.varchar(6), 5), col("P_CATEGORY", ColumnType.varchar(7), 25),
        col("P_BRAND1", ColumnType.varchar(9), 1_000), col("P_COLOR", ColumnType.varchar(11), 92),
        col("P_TYPE", ColumnType.varchar(25), 150), col("P_SIZE", INT, 50, 1, 50),
        col("P_CONTAINER", ColumnType.varchar(10), 40)));
    fixture.tableWithStatistics("DWDATE", List.of("D_DATEKEY"), 4, 2_557, List.of(
        col("D_DATEKEY", INT, 2_557, 19920101, 19981231), col("D_DATE", ColumnType.varchar(18), 2_557),
        col("D_DAYOFWEEK", ColumnType.varchar(9), 7), col("D_MONTH", ColumnType.varchar(9), 12),
        col("D_YEAR", INT, 7, 1992, 1998), col("D_YEARMONTHNUM", INT, 84, 199201, 199812),
        col("D_YEARMONTH", ColumnType.varchar(7), 84), col("D_DAYNUMINWEEK", INT, 7, 1, 7),
        col("D_DAYNUMINMONTH", INT, 31, 1, 31), col("D_DAYNUMINYEAR", INT, 366, 1, 366),
        col("D_MONTHNUMINYEAR", INT, 12, 1, 12), col("D_WEEKNUMINYEAR", INT, 53, 1, 53),
        col("D_SELLINGSEASON", ColumnType.varchar(12), 5), col("D_LASTDAYINWEEKFL", INT, 2, 0, 1),
        col("D_LASTDAYINMONTHFL", INT, 2, 0, 1), col("D_HOLIDAYFL", INT, 2, 0, 1),
        col("D_WEEKDAYFL", INT, 2, 0, 1)));
    fixture.tableWithStatistics("PLAYS", List.of("USER_ID"), 4, 10_000_000, List.of(
        col("USER_ID", INT, 1_000_000, 1, 1_000_000), col("SONG_ID", INT, 200_000, 1, 200_000),
        col("ARTIST_ID", INT, 10_000, 1, 10_000), col("COUNTRY", ColumnType.varchar(2), 25),
        col("TS", ColumnType.TIMESTAMP, 9_000_000, 1704067200000L, 1735689599000L),
        col("MS_PLAYED", INT, 300_000, 0, 600_000)), List.of("TS"));
    fixture.tableWithStatistics("DIM_ARTISTS", List.of("ARTIST_ID"), 4, 10_000, List.of(
        col("ARTIST_ID", INT, 10_000, 1, 10_000), col("NAME", ColumnType.varchar(64), 10_000),
        col("COUNTRY", ColumnType.varchar(2), 25), col("GENRE", ColumnType.varchar(16), 20)));
  }

  /** The 13 SSB queries (O'Neil et al., rev. 3) and the dashboard query, by golden-file name. */
  static final Map<String, String> QUERIES = Map.ofEntries(
      Map.entry("q1.1", "SELECT SUM(lo_extendedprice * lo_discount) AS revenue FROM lineorder, dwdate"
          + " WHERE lo_orderdate = d_datekey AND d_year = 1993 AND lo_discount BETWEEN 1 AND 3 AND lo_quantity < 25"),
      Map.entry("q1.2", "SELECT SUM(lo_extendedprice * lo_discount) AS revenue FROM lineorder, dwdate"
          + " WHERE lo_orderdate = d_datekey AND d_yearmonthnum = 199401 AND lo_discount BETWEEN 4 AND 6"
          + " AND lo_quantity BETWEEN 26 AND 35"),
      Map.entry("q1.3", "SELECT SUM(lo_extendedprice * lo_discount) AS revenue FROM lineorder, dwdate"
          + " WHERE lo_orderdate = d_datekey AND d_weeknuminyear = 6 AND d_year = 1994"
          + " AND lo_discount BETWEEN 5 AND 7 AND lo_quantity BETWEEN 26 AND 35"),
      Map.entry("q2.1", "SELECT SUM(lo_revenue), d_year, p_brand1 FROM lineorder, dwdate, part, supplier"
          + " WHERE lo_orderdate = d_datekey AND lo_partkey = p_partkey AND lo_suppkey = s_suppkey"
          + " AND p_category = 'MFGR#12' AND s_region = 'AMERICA' GROUP BY d_year, p_brand1 ORDER BY d_year, p_brand1"),
      Map.entry("q2.2", "SELECT SUM(lo_revenue), d_year, p_brand1 FROM lineorder, dwdate, part, supplier"
          + " WHERE lo_orderdate = d_datekey AND lo_partkey = p_partkey AND lo_suppkey = s_suppkey"
          + " AND p_brand1 BETWEEN 'MFGR#2221' AND 'MFGR#2228' AND s_region = 'ASIA'"
          + " GROUP BY d_year, p_brand1 ORDER BY d_year, p_brand1"),
      Map.entry("q2.3", "SELECT SUM(lo_revenue), d_year, p_brand1 FROM lineorder, dwdate, part, supplier"
          + " WHERE lo_orderdate = d_datekey AND lo_partkey = p_partkey AND lo_suppkey = s_suppkey"
          + " AND p_brand1 = 'MFGR#2221' AND s_region = 'EUROPE' GROUP BY d_year, p_brand1 ORDER BY d_year, p_brand1"),
      Map.entry("q3.1", "SELECT c_nation, s_nation, d_year, SUM(lo_revenue) AS revenue"
          + " FROM customer, lineorder, supplier, dwdate WHERE lo_custkey = c_custkey AND lo_suppkey = s_suppkey"
          + " AND lo_orderdate = d_datekey AND c_region = 'ASIA' AND s_region = 'ASIA' AND d_year >= 1992"
          + " AND d_year <= 1997 GROUP BY c_nation, s_nation, d_year ORDER BY d_year ASC, revenue DESC"),
      Map.entry("q3.2", "SELECT c_city, s_city, d_year, SUM(lo_revenue) AS revenue"
          + " FROM customer, lineorder, supplier, dwdate WHERE lo_custkey = c_custkey AND lo_suppkey = s_suppkey"
          + " AND lo_orderdate = d_datekey AND c_nation = 'UNITED STATES' AND s_nation = 'UNITED STATES'"
          + " AND d_year >= 1992 AND d_year <= 1997 GROUP BY c_city, s_city, d_year ORDER BY d_year ASC, revenue DESC"),
      Map.entry("q3.3", "SELECT c_city, s_city, d_year, SUM(lo_revenue) AS revenue"
          + " FROM customer, lineorder, supplier, dwdate WHERE lo_custkey = c_custkey AND lo_suppkey = s_suppkey"
          + " AND lo_orderdate = d_datekey AND (c_city = 'UNITED KI1' OR c_city = 'UNITED KI5')"
          + " AND (s_city = 'UNITED KI1' OR s_city = 'UNITED KI5') AND d_year >= 1992 AND d_year <= 1997"
          + " GROUP BY c_city, s_city, d_year ORDER BY d_year ASC, revenue DESC"),
      Map.entry("q3.4", "SELECT c_city, s_city, d_year, SUM(lo_revenue) AS revenue"
          + " FROM customer, lineorder, supplier, dwdate WHERE lo_custkey = c_custkey AND lo_suppkey = s_suppkey"
          + " AND lo_orderdate = d_datekey AND (c_city = 'UNITED KI1' OR c_city = 'UNITED KI5')"
          + " AND (s_city = 'UNITED KI1' OR s_city = 'UNITED KI5') AND d_yearmonth = 'Dec1997'"
          + " GROUP BY c_city, s_city, d_year ORDER BY d_year ASC, revenue DESC"),
      Map.entry("q4.1", "SELECT d_year, c_nation, SUM(lo_revenue - lo_supplycost) AS profit"
          + " FROM dwdate, customer, supplier, part, lineorder WHERE lo_custkey = c_custkey"
          + " AND lo_suppkey = s_suppkey AND lo_partkey = p_partkey AND lo_orderdate = d_datekey"
          + " AND c_region = 'AMERICA' AND s_region = 'AMERICA' AND (p_mfgr = 'MFGR#1' OR p_mfgr = 'MFGR#2')"
          + " GROUP BY d_year, c_nation ORDER BY d_year, c_nation"),
      Map.entry("q4.2", "SELECT d_year, s_nation, p_category, SUM(lo_revenue - lo_supplycost) AS profit"
          + " FROM dwdate, customer, supplier, part, lineorder WHERE lo_custkey = c_custkey"
          + " AND lo_suppkey = s_suppkey AND lo_partkey = p_partkey AND lo_orderdate = d_datekey"
          + " AND c_region = 'AMERICA' AND s_region = 'AMERICA' AND (d_year = 1997 OR d_year = 1998)"
          + " AND (p_mfgr = 'MFGR#1' OR p_mfgr = 'MFGR#2') GROUP BY d_year, s_nation, p_category"
          + " ORDER BY d_year, s_nation, p_category"),
      Map.entry("q4.3", "SELECT d_year, s_city, p_brand1, SUM(lo_revenue - lo_supplycost) AS profit"
          + " FROM dwdate, customer, supplier, part, lineorder WHERE lo_custkey = c_custkey"
          + " AND lo_suppkey = s_suppkey AND lo_partkey = p_partkey AND lo_orderdate = d_datekey"
          + " AND c_region = 'AMERICA' AND s_nation = 'UNITED STATES' AND (d_year = 1997 OR d_year = 1998)"
          + " AND p_category = 'MFGR#14' GROUP BY d_year, s_city, p_brand1 ORDER BY d_year, s_city, p_brand1"),
      Map.entry("dashboard", "SELECT a.name AS artist, f.country, COUNT(*) AS plays"
          + " FROM plays f JOIN dim_artists a ON f.artist_id = a.artist_id"
          + " WHERE f.ts >= TIMESTAMP '2024-12-01 00:00:00' GROUP BY a.name, f.country"
          + " ORDER BY plays DESC, artist, f.country LIMIT 100"));
}
