package dev.quaver.executor.fragment;

import dev.quaver.executor.exchange.Exchange;
import dev.quaver.executor.exchange.ExchangeSourceOperator;
import dev.quaver.executor.exchange.InProcessExchange;
import dev.quaver.executor.exchange.MergeGatherOperator;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.Schemas;
import dev.quaver.planner.physical.PhysicalExchange;
import dev.quaver.planner.physical.PhysicalSort;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where the operators of one fragment instance run: instance {@code partition} of
 * {@code partitionCount} (scans read that table partition), the exchanges its plan's exchange
 * nodes read from, and its thread's wait hooks. {@link #SERIAL} is the one instance of a
 * statement that runs without fragments. Immutable.
 */
public final class FragmentInstance {
  public static final FragmentInstance SERIAL = new FragmentInstance(0, 0, 1, new IdentityHashMap<>(),
      Exchange.Waits.NONE);

  private final int fragmentId;
  private final int partition;
  private final int partitionCount;
  private final Map<PhysicalExchange, InProcessExchange> exchanges;
  private final Exchange.Waits waits;

  FragmentInstance(int fragmentId, int partition, int partitionCount,
      Map<PhysicalExchange, InProcessExchange> exchanges, Exchange.Waits waits) {
    this.fragmentId = fragmentId;
    this.partition = partition;
    this.partitionCount = partitionCount;
    this.exchanges = exchanges;
    this.waits = waits;
  }

  public int fragmentId() {
    return fragmentId;
  }

  public int partition() {
    return partition;
  }

  public int partitionCount() {
    return partitionCount;
  }

  /**
   * The operator that reads {@code exchange}'s rows for this instance, or null when the exchange
   * is not wired (a serial statement: the exchange is then a pass-through of its input).
   */
  public Operator exchangeSource(PhysicalExchange exchange, ExecutionContext context) {
    InProcessExchange wired = exchanges.get(exchange);
    if (wired == null) {
      return null;
    }
    return new ExchangeSourceOperator(wired.source(partition, waits), Schemas.of(exchange.fields()), context);
  }

  /**
   * The operator that merges the sorted streams {@code exchange} gathers by {@code sort}'s keys
   * (and applies its offset and fetch), or null when the exchange is not an ordered merge.
   */
  public Operator mergeSource(PhysicalSort sort, PhysicalExchange exchange, ExecutionContext context) {
    InProcessExchange wired = exchanges.get(exchange);
    if (wired == null || wired.routing() != InProcessExchange.Routing.MERGE) {
      return null;
    }
    return new MergeGatherOperator(wired, waits, sort, Schemas.of(exchange.fields()), context);
  }
}
