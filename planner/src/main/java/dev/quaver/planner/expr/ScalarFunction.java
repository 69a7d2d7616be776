package dev.quaver.planner.expr;

/**
 * The scalar functions a physical plan may call. The contract between planner and executor:
 * the planner maps Calcite's operators onto these (or reports FEATURE_NOT_SUPPORTED, 0A000), the
 * executor implements every one of them over Arrow vectors.
 *
 * <p>Unless a constant says otherwise: NULL in, NULL out (any NULL operand gives NULL); operands
 * have already been cast to a common type by the planner; the result type is the Call's type.
 * Errors: integer overflow (TINYINT..BIGINT, DECIMAL beyond its precision) raises
 * NUMERIC_VALUE_OUT_OF_RANGE (22003); a zero divisor DIVISION_BY_ZERO (22012); a string that is
 * not a valid value of the target type INVALID_CHARACTER_VALUE_FOR_CAST (22018). Strings are
 * compared by Java {@code String.compareTo} (code point order); CHAR values are compared after
 * removing trailing spaces.
 */
public enum ScalarFunction {
  // ---- arithmetic: numeric operands of one type (DECIMAL: the call type gives result scale) ----
  /** a + b. Also DATE/TIMESTAMP/TIME + INTERVAL (either order): the datetime moved by the interval. */
  PLUS,
  /** a - b. Also datetime - INTERVAL. */
  MINUS,
  MULTIPLY,
  /** a / b. Integral types truncate toward zero (7 / 2 = 3, -7 / 2 = -3); b = 0 raises 22012. */
  DIVIDE,
  /** a % b, the sign of a (Java %); b = 0 raises 22012. */
  MOD,
  /** -a. */
  NEGATE,

  // ---- comparison: operands of one type; result BOOLEAN ----
  EQUALS,
  NOT_EQUALS,
  LESS_THAN,
  LESS_THAN_OR_EQUAL,
  GREATER_THAN,
  GREATER_THAN_OR_EQUAL,
  /** Never NULL: NULL IS DISTINCT FROM NULL is false, NULL IS DISTINCT FROM 1 is true. */
  IS_DISTINCT_FROM,
  IS_NOT_DISTINCT_FROM,

  // ---- logic: three-valued ----
  /** n-ary: false if any operand is false, else NULL if any is NULL, else true. */
  AND,
  /** n-ary: true if any operand is true, else NULL if any is NULL, else false. */
  OR,
  NOT,
  /** Never NULL. */
  IS_NULL,
  IS_NOT_NULL,
  /** Never NULL: IS_TRUE(NULL) is false, IS_NOT_TRUE(NULL) is true, and so on. */
  IS_TRUE,
  IS_NOT_TRUE,
  IS_FALSE,
  IS_NOT_FALSE,

  // ---- conditional ----
  /**
   * CASE WHEN c1 THEN v1 [WHEN c2 THEN v2 ...] ELSE e END as operands (c1, v1, c2, v2, ..., e):
   * the first vi whose ci is true (NULL counts as not true), else e. Only the chosen branch's
   * errors count: a branch not taken must not raise (CASE WHEN b = 0 THEN 0 ELSE a / b END).
   */
  CASE,
  /** The first non-NULL operand, else NULL; later operands are not evaluated for errors once one is found. */
  COALESCE,
  /** NULLIF(a, b): NULL if a = b, else a. */
  NULLIF,

  // ---- casts ----
  /**
   * CAST(a AS call type). Numeric to integral rounds half away from zero and checks the range
   * (22003); numeric to DECIMAL(p,s) rounds half up to s and checks p (22003); string to number,
   * date, time, timestamp or boolean parses after trimming spaces (22018 when it cannot); any
   * value to CHAR/VARCHAR(n) gives its SQL text (CHAR pads to n; too long a result raises 22001
   * unless only spaces are cut; CHAR to VARCHAR drops the CHAR's trailing spaces, as PostgreSQL
   * does, so a comparison the planner does in VARCHAR still ignores them); DOUBLE to string uses Java's shortest repr (1.0E10 style as
   * Double.toString); BOOLEAN to string is TRUE/FALSE.
   */
  CAST,

  // ---- strings ----
  /** LIKE(s, pattern) or LIKE(s, pattern, escape): SQL LIKE with % and _, case-sensitive. */
  LIKE,
  /** SIMILAR TO (s, pattern[, escape]). */
  SIMILAR_TO,
  /** s1 || s2. */
  CONCAT,
  /** Number of characters. */
  CHAR_LENGTH,
  UPPER,
  LOWER,
  /** SUBSTRING(s, start[, length]), 1-based, SQL semantics for start < 1. */
  SUBSTRING,
  /** TRIM(mode, chars, s): mode a VARCHAR literal BOTH, LEADING or TRAILING. */
  TRIM,
  /** POSITION(needle IN haystack): 1-based, 0 when absent. */
  POSITION,
  /** OVERLAY(s PLACING r FROM start [FOR length]). */
  OVERLAY,
  INITCAP,
  /** REPLACE(s, from, to). */
  REPLACE,

  // ---- math: operands and result DOUBLE unless noted ----
  /** Same type as its operand; ABS of the minimum integer raises 22003. */
  ABS,
  /** Same type as operand (or DOUBLE). */
  CEIL,
  FLOOR,
  /** ROUND(x) or ROUND(x, digits): half away from zero; result type the call's. */
  ROUND,
  /** TRUNCATE(x[, digits]). */
  TRUNCATE,
  /** -1, 0 or 1 in the operand's type. */
  SIGN,
  /** POWER(x, y). */
  POWER,
  /** SQRT of a negative number gives NaN, as Java does. */
  SQRT,
  CBRT,
  EXP,
  /** LN of x <= 0 raises 22023. */
  LN,
  LOG10,
  SIN,
  COS,
  TAN,
  COT,
  ASIN,
  ACOS,
  ATAN,
  ATAN2,
  DEGREES,
  RADIANS,
  /** No operands. */
  PI,

  // ---- date and time ----
  /** No operands; the statement's start time, the same for every row of the statement. */
  CURRENT_DATE,
  CURRENT_TIME,
  CURRENT_TIMESTAMP,
  /** EXTRACT(unit, d): unit a VARCHAR literal (YEAR, QUARTER, MONTH, WEEK, DAY, DOW, DOY, HOUR, MINUTE, SECOND, EPOCH...); result BIGINT. */
  EXTRACT,
  /** FLOOR(d TO unit): unit a VARCHAR literal first: DATETIME_FLOOR(unit, d). */
  DATETIME_FLOOR,
  DATETIME_CEIL,
  /** TIMESTAMPADD(unit, count, d). */
  TIMESTAMPADD,
  /** TIMESTAMPDIFF(unit, d1, d2): whole units from d1 to d2, BIGINT. */
  TIMESTAMPDIFF,
  /** d1 - d2 of two datetimes of one type, as an INTERVAL_DAY_TIME (ms) or INTERVAL_YEAR_MONTH (months) per call type. */
  DATETIME_MINUS
}
