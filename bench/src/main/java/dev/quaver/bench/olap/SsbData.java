package dev.quaver.bench.olap;

import static dev.quaver.bench.olap.Table.col;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The Star Schema Benchmark tables (O'Neil et al., rev. 3) at a scale factor, generated in Java after
 * ssb-dbgen's value ranges and distributions (docs/bench-olap.md lists what is ported and what is
 * simplified). Each table has its own seed, so every engine loads identical rows. Money is in cents
 * as INTEGER, as dbgen writes it; dates in lineorder are yyyymmdd INTEGER keys into {@code dwdate}.
 */
final class SsbData {
  /** TPC-H nations with their regions, in nation-key order. */
  static final String[][] NATIONS = {{"ALGERIA", "AFRICA"}, {"ARGENTINA", "AMERICA"},
      {"BRAZIL", "AMERICA"}, {"CANADA", "AMERICA"}, {"EGYPT", "MIDDLE EAST"}, {"ETHIOPIA", "AFRICA"},
      {"FRANCE", "EUROPE"}, {"GERMANY", "EUROPE"}, {"INDIA", "ASIA"}, {"INDONESIA", "ASIA"},
      {"IRAN", "MIDDLE EAST"}, {"IRAQ", "MIDDLE EAST"}, {"JAPAN", "ASIA"}, {"JORDAN", "MIDDLE EAST"},
      {"KENYA", "AFRICA"}, {"MOROCCO", "AFRICA"}, {"MOZAMBIQUE", "AFRICA"}, {"PERU", "AMERICA"},
      {"CHINA", "ASIA"}, {"ROMANIA", "EUROPE"}, {"SAUDI ARABIA", "MIDDLE EAST"}, {"VIETNAM", "ASIA"},
      {"RUSSIA", "EUROPE"}, {"UNITED KINGDOM", "EUROPE"}, {"UNITED STATES", "AMERICA"}};
  private static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"};
  private static final String[] PRIORITIES = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECI", "5-LOW"};
  private static final String[] SHIPMODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  private static final String[] COLORS = {"almond", "antique", "aquamarine", "azure", "beige", "bisque",
      "black", "blanched", "blue", "blush", "brown", "burlywood", "burnished", "chartreuse", "chiffon",
      "chocolate", "coral", "cornflower", "cornsilk", "cream", "cyan", "dark", "deep", "dim", "dodger",
      "drab", "firebrick", "floral", "forest", "frosted", "gainsboro", "ghost", "goldenrod", "green",
      "grey", "honeydew", "hot", "indian", "ivory", "khaki", "lace", "lavender", "lawn", "lemon",
      "light", "lime", "linen", "magenta", "maroon", "medium", "metallic", "midnight", "mint", "misty",
      "moccasin", "navajo", "navy", "olive", "orange", "orchid", "pale", "papaya", "peach", "peru",
      "pink", "plum", "powder", "puff", "purple", "red", "rose", "rosy", "royal", "saddle", "salmon",
      "sandy", "seashell", "sienna", "sky", "slate", "smoke", "snow", "spring", "steel", "tan",
      "thistle", "tomato", "turquoise", "violet", "wheat", "white", "yellow"};
  private static final String[] TYPE1 = {"STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"};
  private static final String[] TYPE2 = {"ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"};
  private static final String[] TYPE3 = {"TIN", "NICKEL", "BRASS", "STEEL", "COPPER"};
  private static final String[] CONT1 = {"SM", "LG", "MED", "JUMBO", "WRAP"};
  private static final String[] CONT2 = {"CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"};
  static final LocalDate START = LocalDate.of(1992, 1, 1);
  static final LocalDate END = LocalDate.of(1998, 12, 31);

  private SsbData() {}

  static long customers(double sf) {
    return Math.max(1, Math.round(30_000 * sf));
  }

  static long suppliers(double sf) {
    return Math.max(1, Math.round(2_000 * sf));
  }

  /** 200K × floor(1 + log2 SF) from SF 1 on; below SF 1 (not defined by the paper) 200K × SF. */
  static long parts(double sf) {
    return sf >= 1 ? 200_000L * (long) Math.floor(1 + Math.log(sf) / Math.log(2))
        : Math.max(1, Math.round(200_000 * sf));
  }

  /** Orders: 1.5M × SF, each with 1–7 lines (uniform), so lineorder holds about 6M × SF rows. */
  static long orders(double sf) {
    return Math.max(1, Math.round(1_500_000 * sf));
  }

  static List<Table> tables(double sf) {
    return List.of(dwdate(), customer(sf), supplier(sf), part(sf), lineorder(sf));
  }

  static Table dwdate() {
    return new Table("dwdate", List.of(col("d_datekey", "INTEGER"), col("d_date", "VARCHAR(18)"),
        col("d_dayofweek", "VARCHAR(9)"), col("d_month", "VARCHAR(9)"), col("d_year", "INTEGER"),
        col("d_yearmonthnum", "INTEGER"), col("d_yearmonth", "VARCHAR(7)"), col("d_daynuminweek", "INTEGER"),
        col("d_daynuminmonth", "INTEGER"), col("d_daynuminyear", "INTEGER"), col("d_monthnuminyear", "INTEGER"),
        col("d_weeknuminyear", "INTEGER"), col("d_sellingseason", "VARCHAR(12)"),
        col("d_lastdayinweekfl", "INTEGER"), col("d_lastdayinmonthfl", "INTEGER"), col("d_holidayfl", "INTEGER"),
        col("d_weekdayfl", "INTEGER")), "d_datekey", sink -> {
          for (LocalDate d = START; !d.isAfter(END); d = d.plusDays(1)) {
            String month = d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            int dayInWeek = d.getDayOfWeek().getValue() % 7 + 1; // Sunday = 1, as dbgen
            int m = d.getMonthValue();
            String season = m == 12 ? "Christmas" : m >= 6 && m <= 8 ? "Summer" : m <= 2 ? "Winter"
                : m <= 5 ? "Spring" : "Fall";
            boolean holiday = (m == 1 && d.getDayOfMonth() == 1) || (m == 7 && d.getDayOfMonth() == 4)
                || (m == 12 && d.getDayOfMonth() == 25);
            sink.accept(new Object[] {dateKey(d), month + " " + d.getDayOfMonth() + ", " + d.getYear(),
                d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), month, d.getYear(),
                d.getYear() * 100 + m, month.substring(0, 3) + d.getYear(), dayInWeek, d.getDayOfMonth(),
                d.getDayOfYear(), m, (d.getDayOfYear() - 1) / 7 + 1, season,
                d.getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 0, d.equals(d.withDayOfMonth(d.lengthOfMonth())) ? 1 : 0,
                holiday ? 1 : 0, dayInWeek >= 2 && dayInWeek <= 6 ? 1 : 0});
          }
        });
  }

  static Table customer(double sf) {
    return new Table("customer", List.of(col("c_custkey", "INTEGER"), col("c_name", "VARCHAR(25)"),
        col("c_address", "VARCHAR(25)"), col("c_city", "VARCHAR(10)"), col("c_nation", "VARCHAR(15)"),
        col("c_region", "VARCHAR(12)"), col("c_phone", "VARCHAR(15)"), col("c_mktsegment", "VARCHAR(10)")),
        "c_custkey", sink -> {
          SplittableRandom r = new SplittableRandom(11);
          for (int k = 1; k <= customers(sf); k++) {
            int nation = r.nextInt(NATIONS.length);
            sink.accept(new Object[] {k, String.format("Customer#%09d", k), address(r), city(nation, r),
                NATIONS[nation][0], NATIONS[nation][1], phone(nation, r), SEGMENTS[r.nextInt(SEGMENTS.length)]});
          }
        });
  }

  static Table supplier(double sf) {
    return new Table("supplier", List.of(col("s_suppkey", "INTEGER"), col("s_name", "VARCHAR(25)"),
        col("s_address", "VARCHAR(25)"), col("s_city", "VARCHAR(10)"), col("s_nation", "VARCHAR(15)"),
        col("s_region", "VARCHAR(12)"), col("s_phone", "VARCHAR(15)")), "s_suppkey", sink -> {
          SplittableRandom r = new SplittableRandom(12);
          for (int k = 1; k <= suppliers(sf); k++) {
            int nation = r.nextInt(NATIONS.length);
            sink.accept(new Object[] {k, String.format("Supplier#%09d", k), address(r), city(nation, r),
                NATIONS[nation][0], NATIONS[nation][1], phone(nation, r)});
          }
        });
  }

  static Table part(double sf) {
    return new Table("part", List.of(col("p_partkey", "INTEGER"), col("p_name", "VARCHAR(22)"),
        col("p_mfgr", "VARCHAR(6)"), col("p_category", "VARCHAR(7)"), col("p_brand1", "VARCHAR(9)"),
        col("p_color", "VARCHAR(11)"), col("p_type", "VARCHAR(25)"), col("p_size", "INTEGER"),
        col("p_container", "VARCHAR(10)")), "p_partkey", sink -> {
          SplittableRandom r = new SplittableRandom(13);
          for (int k = 1; k <= parts(sf); k++) {
            String color = COLORS[r.nextInt(COLORS.length)];
            int m = 1 + r.nextInt(5);
            int c = 1 + r.nextInt(5);
            int b = 1 + r.nextInt(40);
            sink.accept(new Object[] {k, color + " " + COLORS[r.nextInt(COLORS.length)], "MFGR#" + m,
                "MFGR#" + m + c, "MFGR#" + m + c + b, color,
                TYPE1[r.nextInt(TYPE1.length)] + " " + TYPE2[r.nextInt(TYPE2.length)] + " " + TYPE3[r.nextInt(TYPE3.length)],
                1 + r.nextInt(50), CONT1[r.nextInt(CONT1.length)] + " " + CONT2[r.nextInt(CONT2.length)]});
          }
        });
  }

  /** TPC-H's retail price formula, in cents: 900.00 to 2,098.99 dollars. */
  static int retailPriceCents(long partKey) {
    return (int) (90_000 + ((partKey / 10) % 20_001) + 100 * (partKey % 1_000));
  }

  static Table lineorder(double sf) {
    return new Table("lineorder", List.of(col("lo_orderkey", "INTEGER"), col("lo_linenumber", "INTEGER"),
        col("lo_custkey", "INTEGER"), col("lo_partkey", "INTEGER"), col("lo_suppkey", "INTEGER"),
        col("lo_orderdate", "INTEGER"), col("lo_orderpriority", "VARCHAR(15)"),
        col("lo_shippriority", "INTEGER"), col("lo_quantity", "INTEGER"), col("lo_extendedprice", "INTEGER"),
        col("lo_ordtotalprice", "INTEGER"), col("lo_discount", "INTEGER"), col("lo_revenue", "INTEGER"),
        col("lo_supplycost", "INTEGER"), col("lo_tax", "INTEGER"), col("lo_commitdate", "INTEGER"),
        col("lo_shipmode", "VARCHAR(10)")), null, sink -> {
          SplittableRandom r = new SplittableRandom(14);
          long customers = customers(sf);
          long parts = parts(sf);
          long suppliers = suppliers(sf);
          long startDay = START.toEpochDay();
          int orderDays = (int) (END.toEpochDay() - 151 - startDay + 1); // as TPC-H: last order 151 days before the end
          Object[][] lines = new Object[7][];
          for (int order = 1; order <= orders(sf); order++) {
            int count = 1 + r.nextInt(7);
            long custKey;
            do { // dbgen: a third of the customers (key divisible by 3) place no orders
              custKey = 1 + r.nextLong(customers);
            } while (custKey % 3 == 0 && customers >= 3);
            LocalDate orderDate = LocalDate.ofEpochDay(startDay + r.nextInt(orderDays));
            String priority = PRIORITIES[r.nextInt(PRIORITIES.length)];
            long total = 0;
            for (int line = 0; line < count; line++) {
              long partKey = 1 + r.nextLong(parts);
              int price = retailPriceCents(partKey);
              int quantity = 1 + r.nextInt(50);
              int discount = r.nextInt(11);
              int tax = r.nextInt(9);
              int extended = quantity * price;
              int revenue = (int) ((long) extended * (100 - discount) / 100);
              total += (long) revenue * (100 + tax) / 100;
              lines[line] = new Object[] {order, line + 1, (int) custKey, (int) partKey,
                  (int) (1 + r.nextLong(suppliers)), dateKey(orderDate), priority, 0, quantity, extended, null,
                  discount, revenue, 6 * price / 10, tax, dateKey(orderDate.plusDays(30 + r.nextInt(61))),
                  SHIPMODES[r.nextInt(SHIPMODES.length)]};
            }
            for (int line = 0; line < count; line++) {
              lines[line][10] = (int) Math.min(Integer.MAX_VALUE, total);
              sink.accept(lines[line]);
            }
          }
        });
  }

  static int dateKey(LocalDate d) {
    return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  /** dbgen's city: the nation name cut or space-padded to 9 characters, then a digit 0–9. */
  private static String city(int nation, SplittableRandom r) {
    String name = NATIONS[nation][0];
    String nine = name.length() >= 9 ? name.substring(0, 9) : String.format("%-9s", name);
    return nine + r.nextInt(10);
  }

  private static String phone(int nation, SplittableRandom r) {
    return String.format("%02d-%03d-%03d-%04d", nation + 10, 100 + r.nextInt(900), 100 + r.nextInt(900),
        1000 + r.nextInt(9000));
  }

  private static String address(SplittableRandom r) {
    int length = 10 + r.nextInt(16);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,."
          .charAt(r.nextInt(64)));
    }
    return s.toString();
  }
}
