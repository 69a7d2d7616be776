package dev.quaver.planner.cost;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import java.util.List;
import java.util.Locale;

/**
 * Decides how a grouped aggregation runs over its input's distribution: in one phase where the
 * rows already are (single input, or hash-partitioned on a subset of the group keys); else in two
 * phases (partial per partition, shuffle of the partial groups by the group keys, final) when the
 * partial step reduces the data enough to pay for itself; else shuffle the input by the group
 * keys and aggregate once. Two phases need decomposable aggregates (COUNT, SUM, MIN, MAX,
 * BOOL_AND/OR, ANY_VALUE, without DISTINCT). Without group keys: partial per partition, gather,
 * final (or gather, then aggregate). {@code forced} (the {@code aggregation_phases} setting:
 * auto, one, two) overrides the cost where allowed. Stateless.
 */
public final class AggregationPhaseChooser {
  /** Aggregation strategies. */
  public enum Strategy { LOCAL, TWO_PHASE, SHUFFLE }

  /** One way to aggregate, its cost and the rows the partial step would emit. */
  public record Option(Strategy strategy, double cost, double partialRows, double movedBytes, String detail) {}

  /** The chosen option and the rejected one (null when there was no alternative). */
  public record Decision(Option chosen, Option rejected) {
    public String describe() {
      String text = name(chosen) + " " + chosen.detail();
      return rejected == null ? text : text + " chosen over " + name(rejected) + " " + rejected.detail();
    }

    private static String name(Option option) {
      return switch (option.strategy()) {
        case LOCAL -> "one phase";
        case TWO_PHASE -> "two phases";
        case SHUFFLE -> "shuffle + one phase";
      };
    }
  }

  private AggregationPhaseChooser() {}

  /**
   * {@code groups}: estimated output rows; {@code groupBytes}: bytes of one output row;
   * {@code groupKeys}: input columns grouped by.
   */
  public static Decision choose(Placement input, List<Integer> groupKeys, List<AggregateCall> calls,
      double groups, double groupBytes, String forced) {
    if (input.isSingle() || isPartitionedBy(input.distribution(), groupKeys)) {
      return new Decision(new Option(Strategy.LOCAL, CostModel.aggregate(input.rows(), groups, groups * groupBytes),
          0, 0, "(input already " + (input.isSingle() ? "in one partition" : "partitioned by group keys") + ")"),
          null);
    }
    int partitions = Math.max(1, input.partitions());
    double perPartition = input.rows() / partitions;
    double partialRows = Math.min(input.rows(), Math.min(perPartition, groups) * partitions);
    double partialBytes = partialRows * groupBytes;
    Option two = new Option(Strategy.TWO_PHASE,
        CostModel.aggregate(input.rows(), partialRows, partialBytes)
            + CostModel.exchange(partialRows, partialBytes, 1)
            + CostModel.aggregate(partialRows, groups, groups * groupBytes),
        partialRows, partialBytes,
        String.format(Locale.ROOT, "%.0f rows → %.0f partial rows, %s moved", input.rows(), partialRows,
            JoinDistributionChooser.bytes(partialBytes)));
    Option shuffle = new Option(Strategy.SHUFFLE,
        CostModel.exchange(input.rows(), input.bytes(), 1)
            + CostModel.aggregate(input.rows(), groups, groups * groupBytes)
            // Without group keys one partition aggregates everything.
            + (groupKeys.isEmpty() ? input.rows() * CostModel.HASH_PROBE_ROW * (partitions - 1) / partitions : 0),
        0, input.bytes(), JoinDistributionChooser.bytes(input.bytes()) + " moved");
    if (!decomposable(calls)) {
      return new Decision(shuffle, null);
    }
    boolean twoWins = switch (forced == null ? "auto" : forced) {
      case "two" -> true;
      case "one" -> false;
      default -> two.cost() < shuffle.cost();
    };
    return twoWins ? new Decision(two, shuffle) : new Decision(shuffle, two);
  }

  /** Whether every call can be split into a partial and a final aggregate. */
  public static boolean decomposable(List<AggregateCall> calls) {
    for (AggregateCall call : calls) {
      if (call.distinct()) {
        return false;
      }
      AggregateFunction f = call.function();
      boolean ok = f == AggregateFunction.COUNT || f == AggregateFunction.COUNT_STAR || f == AggregateFunction.SUM
          || f == AggregateFunction.SUM0 || f == AggregateFunction.MIN || f == AggregateFunction.MAX
          || f == AggregateFunction.BOOL_AND || f == AggregateFunction.BOOL_OR
          || f == AggregateFunction.ANY_VALUE;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** HASH on keys that are all group keys: every group lives in one partition. */
  private static boolean isPartitionedBy(Distribution distribution, List<Integer> groupKeys) {
    return distribution.kind() == Distribution.Kind.HASH && !groupKeys.isEmpty()
        && groupKeys.containsAll(distribution.keys());
  }
}
