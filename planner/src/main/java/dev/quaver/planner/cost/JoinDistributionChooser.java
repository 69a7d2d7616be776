package dev.quaver.planner.cost;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.JoinType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides how one join is distributed (the only place that does): co-located (both inputs
 * already hash-partitioned on matching join keys: no exchange), broadcast (the build side, the
 * right input, copied to every partition of the probe side) or shuffle (each input not already
 * partitioned on its join keys is moved by a hash of them). Rules before cost: the preserved side
 * of an outer join (the right side of RIGHT and FULL joins) is never broadcast; a side whose size
 * is unknown (no statistics) is never broadcast; a broadcast whose copies of the build side exceed
 * the query memory limit is not considered; a join without equi keys broadcasts its right side,
 * or gathers both sides into one partition when it may not. Among the rest the cheapest wins by
 * {@link CostModel}: broadcast moves build bytes × receivers and builds that many hash tables,
 * shuffle moves the bytes of the moved sides and builds one. {@code forced} (the
 * {@code join_distribution} setting) overrides the choice where its rules allow. Stateless.
 */
public final class JoinDistributionChooser {
  /** Join strategies. */
  public enum Strategy { LOCAL, COLOCATED, BROADCAST, SHUFFLE, GATHER }

  /** One way to run the join, its cost, and how each input must be moved (null: stays). */
  public record Option(Strategy strategy, double cost, double movedBytes, Distribution leftExchange,
      Distribution rightExchange, Distribution output, int partitions, String detail) {}

  /** The chosen option and the cheapest rejected one (null when there was no alternative). */
  public record Decision(Option chosen, Option rejected, String note) {
    /** EXPLAIN text: what was chosen, over what, by how much. */
    public String describe() {
      if (rejected == null) {
        return chosen.strategy().name().toLowerCase(Locale.ROOT) + " " + chosen.detail()
            + (note == null ? "" : " (" + note + ")");
      }
      return chosen.strategy().name().toLowerCase(Locale.ROOT) + " " + chosen.detail() + " chosen over "
          + rejected.strategy().name().toLowerCase(Locale.ROOT) + " " + rejected.detail()
          + (note == null ? "" : " (" + note + ")");
    }
  }

  private JoinDistributionChooser() {}

  /**
   * {@code leftKeys}/{@code rightKeys}: the join's equi-key columns (empty: no equi keys);
   * {@code memoryLimit}: bytes one query may hold; {@code forced}: auto, broadcast or shuffle.
   */
  public static Decision choose(Placement left, Placement right, JoinType type, List<Integer> leftKeys,
      List<Integer> rightKeys, int leftWidth, long memoryLimit, String forced) {
    if (left.isSingle() && right.isSingle()) {
      return new Decision(new Option(Strategy.LOCAL, 0, 0, null, null, Distribution.single(), 1,
          "(single partition)"), null, null);
    }
    List<Option> options = new ArrayList<>();
    String note = null;
    boolean rightPreserved = type == JoinType.RIGHT || type == JoinType.FULL;
    int receivers = Math.max(1, left.partitions());
    double broadcastBytes = right.bytes() * receivers;
    // Forcing broadcast (SET join_distribution = broadcast) overrides the missing statistics: the
    // user asserts the side is small, and the executor's query_memory_limit still stops a broadcast
    // that is not (53200). The cost-based choice never broadcasts an unknown side.
    boolean forcedUnknown = "broadcast".equals(forced) && right.unknown();
    boolean broadcastAllowed = !rightPreserved && !left.isSingle()
        && (forcedUnknown || !right.unknown() && broadcastBytes <= memoryLimit);
    if (rightPreserved) {
      note = "preserved side not broadcast";
    } else if (forcedUnknown) {
      note = "no statistics for the build side: broadcast only because forced";
    } else if (right.unknown()) {
      note = "no statistics for the build side: not broadcast";
    } else if (broadcastBytes > memoryLimit) {
      note = "broadcast exceeds the memory limit";
    }
    if (!leftKeys.isEmpty()) {
      Option colocated = colocated(left, right, type, leftKeys, rightKeys, leftWidth);
      if (colocated != null) {
        options.add(colocated);
      }
      options.add(shuffle(left, right, type, leftKeys, rightKeys, leftWidth));
    }
    if (broadcastAllowed) {
      double cost = CostModel.exchange(right.rows(), right.bytes(), receivers)
          + CostModel.hashJoin(right.rows(), right.bytes(), left.rows(), 0, receivers);
      options.add(new Option(Strategy.BROADCAST, cost, broadcastBytes, null, Distribution.broadcast(),
          left.distribution(), left.partitions(),
          bytes(right.bytes()) + " × " + receivers + " = " + bytes(broadcastBytes)));
    }
    // Gathering both sides to one partition always works (no keys, preserved sides, single inputs).
    double gatherBytes = (left.isSingle() ? 0 : left.bytes()) + (right.isSingle() ? 0 : right.bytes());
    double gatherCost = (left.isSingle() ? 0 : CostModel.exchange(left.rows(), left.bytes(), 1))
        + (right.isSingle() ? 0 : CostModel.exchange(right.rows(), right.bytes(), 1))
        + CostModel.hashJoin(right.rows(), right.bytes(), left.rows(), 0, 1)
        // One partition does all the work: no parallelism.
        + (left.rows() * CostModel.HASH_PROBE_ROW) * (Math.max(left.partitions(), right.partitions()) - 1);
    options.add(new Option(Strategy.GATHER, gatherCost, gatherBytes,
        left.isSingle() ? null : Distribution.single(), right.isSingle() ? null : Distribution.single(),
        Distribution.single(), 1, bytes(gatherBytes)));
    Option chosen = cheapest(options, forced);
    Option rejected = null;
    for (Option option : options) {
      if (option == chosen) {
        continue;
      }
      // Report the cheapest distributed alternative; gathering only when it is the only one.
      boolean better = rejected == null
          || (rejected.strategy() == Strategy.GATHER && option.strategy() != Strategy.GATHER)
          || (option.strategy() != Strategy.GATHER) == (rejected.strategy() != Strategy.GATHER)
              && option.cost() < rejected.cost();
      if (better) {
        rejected = option;
      }
    }
    return new Decision(chosen, rejected, note);
  }

  private static Option cheapest(List<Option> options, String forced) {
    Strategy wanted = switch (forced == null ? "auto" : forced) {
      case "broadcast" -> Strategy.BROADCAST;
      case "shuffle" -> Strategy.SHUFFLE;
      default -> null;
    };
    Option best = null;
    for (Option option : options) {
      if (wanted != null && option.strategy() == wanted) {
        return option;
      }
      if (best == null || option.cost() < best.cost()) {
        best = option;
      }
    }
    return best;
  }

  /** Both inputs hash-partitioned alike on matching key pairs: the join runs where the rows are. */
  private static Option colocated(Placement left, Placement right, JoinType type, List<Integer> leftKeys,
      List<Integer> rightKeys, int leftWidth) {
    Distribution l = left.distribution();
    Distribution r = right.distribution();
    if (l.kind() != Distribution.Kind.HASH || r.kind() != Distribution.Kind.HASH
        || l.keys().size() != r.keys().size() || left.partitions() != right.partitions()) {
      return null;
    }
    for (int j = 0; j < l.keys().size(); j++) {
      boolean paired = false;
      for (int i = 0; i < leftKeys.size(); i++) {
        if (leftKeys.get(i).equals(l.keys().get(j)) && rightKeys.get(i).equals(r.keys().get(j))) {
          paired = true;
          break;
        }
      }
      if (!paired) {
        return null;
      }
    }
    double cost = CostModel.hashJoin(right.rows(), right.bytes(), left.rows(), 0, 1);
    return new Option(Strategy.COLOCATED, cost, 0, null, null, output(type, l.keys(), r.keys(), leftWidth),
        left.partitions(), "0 B moved");
  }

  /**
   * Moves each side not already hash-partitioned on (a subset of) its keys by the matching keys
   * of the other side; if neither is, both by all keys.
   */
  private static Option shuffle(Placement left, Placement right, JoinType type, List<Integer> leftKeys,
      List<Integer> rightKeys, int leftWidth) {
    int partitions = Math.max(CostModel.DEFAULT_PARTITIONS, Math.max(left.partitions(), right.partitions()));
    List<Integer> leftBy = new ArrayList<>(leftKeys);
    List<Integer> rightBy = new ArrayList<>(rightKeys);
    boolean moveLeft = true;
    boolean moveRight = true;
    List<Integer> inLeft = matching(left, leftKeys, rightKeys, partitions);
    List<Integer> inRight = matching(right, rightKeys, leftKeys, partitions);
    if (inLeft != null && (inRight == null || left.bytes() >= right.bytes())) {
      moveLeft = false;
      leftBy = left.distribution().keys();
      rightBy = inLeft;
    } else if (inRight != null) {
      moveRight = false;
      rightBy = right.distribution().keys();
      leftBy = inRight;
    }
    double moved = (moveLeft ? left.bytes() : 0) + (moveRight ? right.bytes() : 0);
    double cost = (moveLeft ? CostModel.exchange(left.rows(), left.bytes(), 1) : 0)
        + (moveRight ? CostModel.exchange(right.rows(), right.bytes(), 1) : 0)
        + CostModel.hashJoin(right.rows(), right.bytes(), left.rows(), 0, 1);
    String detail = bytes(moved);
    return new Option(Strategy.SHUFFLE, cost, moved, moveLeft ? Distribution.hash(leftBy) : null,
        moveRight ? Distribution.hash(rightBy) : null, output(type, leftBy, rightBy, leftWidth), partitions,
        detail);
  }

  /**
   * When {@code side} is hash-partitioned (over {@code partitions} partitions) on some of its join
   * keys, the other side's keys that pair with them, in the same order; else null.
   */
  private static List<Integer> matching(Placement side, List<Integer> keys, List<Integer> otherKeys,
      int partitions) {
    Distribution d = side.distribution();
    if (d.kind() != Distribution.Kind.HASH || side.partitions() != partitions) {
      return null;
    }
    List<Integer> other = new ArrayList<>();
    for (int key : d.keys()) {
      int index = keys.indexOf(key);
      if (index < 0) {
        return null;
      }
      other.add(otherKeys.get(index));
    }
    return other;
  }

  private static Distribution output(JoinType type, List<Integer> leftBy, List<Integer> rightBy, int leftWidth) {
    return switch (type) {
      case INNER, LEFT, SEMI, ANTI -> Distribution.hash(leftBy);
      case RIGHT -> Distribution.hash(rightBy.stream().map(k -> k + leftWidth).toList());
      case FULL -> Distribution.any();
    };
  }

  /** Bytes in B, kB, MB or GB with one decimal (1024-based), for EXPLAIN. */
  public static String bytes(double bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? String.format(Locale.ROOT, "%.0f B", value)
        : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
