package dev.quaver.planner.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.cost.AggregationPhaseChooser.Strategy;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.type.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationPhaseChooserTest {
  private static final List<AggregateCall> COUNT = List.of(
      new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, -1, ColumnType.BIGINT, false, null, "C"));

  private static Placement input(Distribution distribution, double rows) {
    return new Placement(distribution, 4, rows, 40, false);
  }

  @Test
  void groupKeysEqualToTheDistributionKeysAggregateInOnePhase() {
    var decision = AggregationPhaseChooser.choose(input(Distribution.hash(List.of(2)), 1e7), List.of(2, 5),
        COUNT, 1e6, 20, "auto");
    assertThat(decision.chosen().strategy()).isEqualTo(Strategy.LOCAL);
    assertThat(decision.rejected()).isNull();
  }

  @Test
  void lowDistinctCountAggregatesInTwoPhases() {
    var decision = AggregationPhaseChooser.choose(input(Distribution.hash(List.of(0)), 1e7), List.of(3), COUNT,
        25, 20, "auto");
    assertThat(decision.chosen().strategy()).isEqualTo(Strategy.TWO_PHASE);
    assertThat(decision.chosen().partialRows()).isEqualTo(100);
    assertThat(decision.describe()).startsWith("two phases 10000000 rows → 100 partial rows");
  }

  @Test
  void distinctCountNearTheRowCountShufflesOnce() {
    var decision = AggregationPhaseChooser.choose(input(Distribution.hash(List.of(0)), 1e7), List.of(3), COUNT,
        9e6, 20, "auto");
    assertThat(decision.chosen().strategy()).isEqualTo(Strategy.SHUFFLE);
    assertThat(decision.rejected().strategy()).isEqualTo(Strategy.TWO_PHASE);
  }

  @Test
  void distinctAggregatesNeverSplit() {
    List<AggregateCall> distinct = List.of(
        new AggregateCall(AggregateFunction.COUNT, List.of(1), true, -1, ColumnType.BIGINT, false, null, "C"));
    var decision = AggregationPhaseChooser.choose(input(Distribution.any(), 1e7), List.of(3), distinct, 25, 20,
        "two");
    assertThat(decision.chosen().strategy()).isEqualTo(Strategy.SHUFFLE);
  }

  @Test
  void settingForcesOneOrTwoPhases() {
    assertThat(AggregationPhaseChooser.choose(input(Distribution.any(), 1e7), List.of(3), COUNT, 25, 20, "one")
        .chosen().strategy()).isEqualTo(Strategy.SHUFFLE);
    assertThat(AggregationPhaseChooser.choose(input(Distribution.any(), 1e7), List.of(3), COUNT, 9e6, 20, "two")
        .chosen().strategy()).isEqualTo(Strategy.TWO_PHASE);
  }
}
