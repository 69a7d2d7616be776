package dev.quaver.planner.physical;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The frame of a window aggregate: ROWS (positions) or RANGE (order-key values; CURRENT ROW
 * means the row's peers), between a lower and an upper bound. SQL's default with ORDER BY is
 * RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (peers included); without ORDER BY the whole
 * partition. A RANGE bound with an offset needs exactly one numeric order key. Immutable.
 */
public record WindowFrame(boolean rows, Bound lower, Bound upper) {
  /** How a bound is placed relative to the current row. */
  public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

  /** One bound; {@code offset} is set for PRECEDING and FOLLOWING only (non-negative). */
  public record Bound(BoundKind kind, BigDecimal offset) {
    public Bound {
      Objects.requireNonNull(kind, "kind is null");
      if ((kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING) != (offset != null)) {
        throw new IllegalArgumentException("offset must be set exactly for PRECEDING/FOLLOWING: " + kind);
      }
    }

    public static Bound unboundedPreceding() {
      return new Bound(BoundKind.UNBOUNDED_PRECEDING, null);
    }

    public static Bound currentRow() {
      return new Bound(BoundKind.CURRENT_ROW, null);
    }

    public static Bound unboundedFollowing() {
      return new Bound(BoundKind.UNBOUNDED_FOLLOWING, null);
    }

    @Override
    public String toString() {
      return switch (kind) {
        case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
        case PRECEDING -> offset.toPlainString() + " PRECEDING";
        case CURRENT_ROW -> "CURRENT ROW";
        case FOLLOWING -> offset.toPlainString() + " FOLLOWING";
        case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
      };
    }
  }

  public WindowFrame {
    Objects.requireNonNull(lower, "lower is null");
    Objects.requireNonNull(upper, "upper is null");
  }

  /** The whole partition. */
  public static WindowFrame whole() {
    return new WindowFrame(true, Bound.unboundedPreceding(), Bound.unboundedFollowing());
  }

  @Override
  public String toString() {
    return (rows ? "ROWS" : "RANGE") + " BETWEEN " + lower + " AND " + upper;
  }
}
