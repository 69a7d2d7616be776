package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Date and time functions on the Java values of DATE (days), TIME (ms of day) and TIMESTAMP (epoch
 * ms, no zone), computed in UTC on java.time. Units are the strings of Calcite's TimeUnit (an
 * optional SQL_TSI_ prefix or plural S is accepted). Conventions, chosen to match Calcite's own
 * constant folding: DOW is 1 (Sunday) to 7 (Saturday), ISODOW 1 (Monday) to 7; WEEK is the ISO
 * week; MILLISECOND is the seconds field in ms (12.345 s gives 12345); EPOCH is whole seconds;
 * FLOOR to WEEK gives the Monday. Stateless.
 */
final class DateTimeFunctions {
  private static final long MILLIS_PER_DAY = SqlText.MILLIS_PER_DAY;

  private DateTimeFunctions() {}

  static String unit(Object unit) {
    String name = ((String) unit).trim().toUpperCase(Locale.ROOT);
    if (name.startsWith("SQL_TSI_")) {
      name = name.substring("SQL_TSI_".length());
    }
    if (name.endsWith("S") && name.length() > 3 && !name.equals("ISODOW")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.equals("FRAC_SECOND")) {
      name = "MICROSECOND";
    }
    return name;
  }

  static long toMillis(Object value, SqlType type) {
    switch (type) {
      case DATE:
        return ((Number) value).longValue() * MILLIS_PER_DAY;
      case TIME:
      case TIMESTAMP:
        return ((Number) value).longValue();
      default:
        throw new IllegalArgumentException("not a datetime: " + type);
    }
  }

  /** Epoch ms as the Java value of {@code target} (DATE drops the time, TIME the date). */
  static Object fromMillis(long millis, ColumnType target) {
    switch (target.type()) {
      case DATE:
        return Math.toIntExact(Math.floorDiv(millis, MILLIS_PER_DAY));
      case TIME:
        return (int) Math.floorMod(millis, MILLIS_PER_DAY);
      default:
        return millis;
    }
  }

  static LocalDateTime dateTime(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000,
        ZoneOffset.UTC);
  }

  static long millis(LocalDateTime dateTime) {
    return dateTime.toEpochSecond(ZoneOffset.UTC) * 1000L + dateTime.getNano() / 1_000_000;
  }

  static long extract(String unit, Object value, SqlType type) {
    if (type == SqlType.INTERVAL_DAY_TIME) {
      return extractDayTime(unit, ((Number) value).longValue());
    }
    if (type == SqlType.INTERVAL_YEAR_MONTH) {
      int months = ((Number) value).intValue();
      switch (unit) {
        case "YEAR":
          return months / 12;
        case "MONTH":
          return months % 12;
        case "QUARTER":
          return months % 12 / 3 + 1;
        default:
          throw ExprErrors.invalidArgument("cannot extract %s from an INTERVAL YEAR TO MONTH", unit);
      }
    }
    long millis = toMillis(value, type);
    LocalDateTime t = dateTime(millis);
    switch (unit) {
      case "YEAR":
        return t.getYear();
      case "QUARTER":
        return (t.getMonthValue() - 1) / 3 + 1;
      case "MONTH":
        return t.getMonthValue();
      case "WEEK":
        return t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "DAY":
        return t.getDayOfMonth();
      case "DOW":
        return t.getDayOfWeek().getValue() % 7 + 1;
      case "ISODOW":
        return t.getDayOfWeek().getValue();
      case "DOY":
        return t.getDayOfYear();
      case "ISOYEAR":
        return t.get(IsoFields.WEEK_BASED_YEAR);
      case "HOUR":
        return t.getHour();
      case "MINUTE":
        return t.getMinute();
      case "SECOND":
        return t.getSecond();
      case "MILLISECOND":
        return t.getSecond() * 1000L + t.getNano() / 1_000_000;
      case "MICROSECOND":
        return (t.getSecond() * 1000L + t.getNano() / 1_000_000) * 1000L;
      case "EPOCH":
        return Math.floorDiv(millis, 1000L);
      case "DECADE":
        return Math.floorDiv(t.getYear(), 10);
      case "CENTURY":
        return t.getYear() > 0 ? (t.getYear() + 99) / 100 : -((-t.getYear() + 99) / 100);
      case "MILLENNIUM":
        return t.getYear() > 0 ? (t.getYear() + 999) / 1000 : -((-t.getYear() + 999) / 1000);
      default:
        throw ExprErrors.invalidArgument("unknown EXTRACT unit %s", unit);
    }
  }

  private static long extractDayTime(String unit, long millis) {
    switch (unit) {
      case "DAY":
        return millis / MILLIS_PER_DAY;
      case "HOUR":
        return millis / 3_600_000L % 24;
      case "MINUTE":
        return millis / 60_000L % 60;
      case "SECOND":
        return millis / 1000L % 60;
      case "MILLISECOND":
        return millis % 60_000L;
      case "EPOCH":
        return millis / 1000L;
      default:
        throw ExprErrors.invalidArgument("cannot extract %s from an INTERVAL DAY TO SECOND", unit);
    }
  }

  /** FLOOR(value TO unit), or CEIL: the value itself when already on a unit boundary. */
  static Object floorOrCeil(String unit, Object value, SqlType type, ColumnType target, boolean isCeil) {
    long millis = toMillis(value, type);
    LocalDateTime t = dateTime(millis);
    LocalDateTime floor;
    ChronoUnit step;
    int stepCount = 1;
    switch (unit) {
      case "MILLENNIUM":
      case "CENTURY":
      case "DECADE":
      case "YEAR": {
        int years = unit.equals("YEAR") ? 1 : unit.equals("DECADE") ? 10 : unit.equals("CENTURY") ? 100 : 1000;
        floor = LocalDateTime.of(Math.floorDiv(t.getYear(), years) * years, 1, 1, 0, 0);
        step = ChronoUnit.YEARS;
        stepCount = years;
        break;
      }
      case "QUARTER":
        floor = LocalDateTime.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1, 0, 0);
        step = ChronoUnit.MONTHS;
        stepCount = 3;
        break;
      case "MONTH":
        floor = LocalDateTime.of(t.getYear(), t.getMonthValue(), 1, 0, 0);
        step = ChronoUnit.MONTHS;
        break;
      case "WEEK":
        floor = t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        step = ChronoUnit.WEEKS;
        break;
      case "DAY":
        floor = t.truncatedTo(ChronoUnit.DAYS);
        step = ChronoUnit.DAYS;
        break;
      case "HOUR":
        floor = t.truncatedTo(ChronoUnit.HOURS);
        step = ChronoUnit.HOURS;
        break;
      case "MINUTE":
        floor = t.truncatedTo(ChronoUnit.MINUTES);
        step = ChronoUnit.MINUTES;
        break;
      case "SECOND":
        floor = t.truncatedTo(ChronoUnit.SECONDS);
        step = ChronoUnit.SECONDS;
        break;
      case "MILLISECOND":
        floor = t;
        step = ChronoUnit.MILLIS;
        break;
      default:
        throw ExprErrors.invalidArgument("unknown FLOOR/CEIL unit %s", unit);
    }
    LocalDateTime result = isCeil && !floor.equals(t) ? floor.plus(stepCount, step) : floor;
    return fromMillis(millis(result), target);
  }

  /** TIMESTAMPADD(unit, count, value): months and years calendar-correctly (Jan 31 + 1 month = Feb 28/29). */
  static Object add(String unit, long count, Object value, SqlType type, ColumnType target) {
    LocalDateTime t = dateTime(toMillis(value, type));
    try {
      return fromMillis(millis(t.plus(amount(unit, count), chronoUnit(unit))), target);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw ExprErrors.outOfRange(target, SqlText.format(value, ColumnType.of(type)) + " + " + count + " " + unit);
    }
  }

  /** TIMESTAMPDIFF(unit, d1, d2): whole units from d1 to d2, truncated toward zero. */
  static long diff(String unit, Object from, SqlType fromType, Object to, SqlType toType) {
    LocalDateTime start = dateTime(toMillis(from, fromType));
    LocalDateTime end = dateTime(toMillis(to, toType));
    long units = chronoUnit(unit).between(start, end);
    switch (unit) {
      case "QUARTER":
        return units / 3;
      case "MICROSECOND":
        return units * 1000;
      default:
        return units;
    }
  }

  /** datetime ± interval; {@code sign} is 1 or -1. */
  static Object plusInterval(Object value, SqlType type, Object interval, SqlType intervalType, int sign,
      ColumnType target) {
    long millis = toMillis(value, type);
    try {
      if (intervalType == SqlType.INTERVAL_YEAR_MONTH) {
        long months = sign * ((Number) interval).longValue();
        return fromMillis(millis(dateTime(millis).plusMonths(months)), target);
      }
      return fromMillis(Math.addExact(millis, Math.multiplyExact(sign, ((Number) interval).longValue())), target);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw ExprErrors.outOfRange(target, SqlText.format(value, ColumnType.of(type)));
    }
  }

  /** d1 - d2 as INTERVAL DAY TO SECOND (ms) or INTERVAL YEAR TO MONTH (whole months). */
  static Object minus(Object left, Object right, SqlType type, ColumnType target) {
    long a = toMillis(left, type);
    long b = toMillis(right, type);
    if (target.type() == SqlType.INTERVAL_YEAR_MONTH) {
      return Math.toIntExact(ChronoUnit.MONTHS.between(dateTime(b), dateTime(a)));
    }
    return Math.subtractExact(a, b);
  }

  private static ChronoUnit chronoUnit(String unit) {
    switch (unit) {
      case "YEAR":
        return ChronoUnit.YEARS;
      case "QUARTER":
      case "MONTH":
        return ChronoUnit.MONTHS;
      case "WEEK":
        return ChronoUnit.WEEKS;
      case "DAY":
        return ChronoUnit.DAYS;
      case "HOUR":
        return ChronoUnit.HOURS;
      case "MINUTE":
        return ChronoUnit.MINUTES;
      case "SECOND":
        return ChronoUnit.SECONDS;
      case "MILLISECOND":
      case "MICROSECOND":
        return ChronoUnit.MILLIS;
      default:
        throw ExprErrors.invalidArgument("unknown time unit %s", unit);
    }
  }

  private static long amount(String unit, long count) {
    switch (unit) {
      case "QUARTER":
        return Math.multiplyExact(count, 3);
      case "MICROSECOND":
        return count / 1000;
      default:
        return count;
    }
  }
}
