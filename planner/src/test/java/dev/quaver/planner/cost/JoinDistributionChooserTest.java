package dev.quaver.planner.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.cost.JoinDistributionChooser.Strategy;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.JoinType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per join-distribution rule, with given sizes (rows × 50 bytes) over 4 partitions. */
class JoinDistributionChooserTest {
  private static final long MEMORY = 1L << 30;

  private static Placement side(Distribution distribution, double rows, boolean unknown) {
    return new Placement(distribution, 4, rows, 50, unknown);
  }

  private static JoinDistributionChooser.Decision choose(Placement left, Placement right, JoinType type,
      String forced) {
    return JoinDistributionChooser.choose(left, right, type, List.of(0), List.of(0), 3, MEMORY, forced);
  }

  @Test
  void smallDimensionIsBroadcast() {
    var decision = choose(side(Distribution.hash(List.of(1)), 10_000_000, false),
        side(Distribution.hash(List.of(1)), 2_000, false), JoinType.INNER, "auto");
    assertThat(decision.chosen().strategy()).isEqualTo(Strategy.BROADCAST);
    assertThat(decision.chosen().rightExchange()).isEqualTo(Distribution.broadcast());
    assertThat(decision.rejected().strategy()).isEqualTo(Strategy.SHUFFLE);
    assertThat(decision.describe()).isEqualTo("broadcast 97.7 kB × 4 = 390.6 kB chosen over shuffle 476.9 MB");
  }

  @Test
  void twoLargeTablesAreShuffled() {
    var decision = choose(side(Distribution.hash(List.of(1)), 10_000_000, false),
        side(Distribution.hash(List.of(1)), 5_000_000, false), JoinType.INNER, "auto");
    assertThat(decision.chosen().strategy()).isEqualTo(Strategy.SHUFFLE);
    assertThat(decision.chosen().leftExchange()).isEqualTo(Distribution.hash(List.of(0)));
    assertThat(decision.chosen().rightExchange()).isEqualTo(Distribution.hash(List.of(0)));
    assertThat(decision.rejected().strategy()).isEqualTo(Strategy.BROADCAST);
  }

  @Test
  void colocatedTablesMoveNothing() {
    var decision = choose(side(Distribution.hash(List.of(0)), 10_000_000, false),
        side(Distribution.hash(List.of(0)), 5_000_000, false), JoinType.INNER, "auto");
    assertThat(decision.chosen().strategy()).isEqualTo(Strategy.COLOCATED);
    assertThat(decision.chosen().leftExchange()).isNull();
    assertThat(decision.chosen().rightExchange()).isNull();
    assertThat(decision.chosen().output()).isEqualTo(Distribution.hash(List.of(0)));
  }

  @Test
  void sidePartitionedOnItsKeyStaysAndOnlyTheOtherMoves() {
    var decision = choose(side(Distribution.hash(List.of(0)), 10_000_000, false),
        side(Distribution.any(), 5_000_000, false), JoinType.INNER, "shuffle");
    assertThat(decision.chosen().leftExchange()).isNull();
    assertThat(decision.chosen().rightExchange()).isEqualTo(Distribution.hash(List.of(0)));
  }

  @Test
  void missingStatisticsNeverBroadcastTheUnknownSide() {
    var decision = choose(side(Distribution.hash(List.of(1)), 10_000_000, false),
        side(Distribution.hash(List.of(1)), 10, true), JoinType.INNER, "auto");
    assertThat(decision.chosen().strategy()).isNotEqualTo(Strategy.BROADCAST);
    assertThat(decision.describe()).contains("no statistics for the build side");
    // Only SET join_distribution = broadcast does (the user asserts the side is small; the
    // executor's memory limit still applies), and EXPLAIN says so.
    var forced = choose(side(Distribution.hash(List.of(1)), 10_000_000, false),
        side(Distribution.hash(List.of(1)), 10, true), JoinType.INNER, "broadcast");
    assertThat(forced.chosen().strategy()).isEqualTo(Strategy.BROADCAST);
    assertThat(forced.describe()).contains("broadcast only because forced");
    // ... never the preserved side of an outer join, forced or not.
    var preserved = choose(side(Distribution.hash(List.of(1)), 10_000_000, false),
        side(Distribution.hash(List.of(1)), 10, true), JoinType.FULL, "broadcast");
    assertThat(preserved.chosen().strategy()).isNotEqualTo(Strategy.BROADCAST);
  }

  @Test
  void preservedSideOfAnOuterJoinIsNeverBroadcast() {
    var decision = choose(side(Distribution.hash(List.of(1)), 10_000_000, false),
        side(Distribution.hash(List.of(1)), 100, false), JoinType.RIGHT, "broadcast");
    assertThat(decision.chosen().strategy()).isNotEqualTo(Strategy.BROADCAST);
    var left = choose(side(Distribution.hash(List.of(1)), 10_000_000, false),
        side(Distribution.hash(List.of(1)), 100, false), JoinType.LEFT, "auto");
    assertThat(left.chosen().strategy()).isEqualTo(Strategy.BROADCAST);
  }

  @Test
  void joinWithoutEquiKeysBroadcasts() {
    var decision = JoinDistributionChooser.choose(side(Distribution.any(), 1_000_000, false),
        side(Distribution.any(), 1_000, false), JoinType.INNER, List.of(), List.of(), 3, MEMORY, "auto");
    assertThat(decision.chosen().strategy()).isEqualTo(Strategy.BROADCAST);
  }

  @Test
  void broadcastCostCountsEveryReceiverAndBuildMemory() {
    Placement probe = side(Distribution.hash(List.of(1)), 1_000_000, false);
    Placement build = side(Distribution.hash(List.of(1)), 400_000, false);
    var decision = choose(probe, build, JoinType.INNER, "broadcast");
    assertThat(decision.chosen().movedBytes()).isEqualTo(build.bytes() * 4);
    // A broadcast whose copies exceed the memory limit is not an option at all.
    var tight = JoinDistributionChooser.choose(probe, build, JoinType.INNER, List.of(0), List.of(0), 3,
        (long) (build.bytes() * 2), "broadcast");
    assertThat(tight.chosen().strategy()).isEqualTo(Strategy.SHUFFLE);
    assertThat(tight.describe()).contains("exceeds the memory limit");
  }

  @Test
  void forcedShuffleOverridesTheCost() {
    var decision = choose(side(Distribution.hash(List.of(1)), 10_000_000, false),
        side(Distribution.hash(List.of(1)), 2_000, false), JoinType.INNER, "shuffle");
    assertThat(decision.chosen().strategy()).isEqualTo(Strategy.SHUFFLE);
  }
}
