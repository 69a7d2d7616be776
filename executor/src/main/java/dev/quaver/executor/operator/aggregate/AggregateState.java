package dev.quaver.executor.operator.aggregate;

import dev.quaver.planner.physical.AggregateCall;

/**
 * The running state of one aggregate call outside a hash aggregation (window aggregates use
 * it), with exactly the semantics of the aggregation's accumulators: NULLs skipped, overflow
 * 22003, AVG in the call's type. {@link #result()} may be called any number of times, between
 * adds too.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class AggregateState {
  private final Accumulator accumulator;

  private AggregateState(Accumulator accumulator) {
    this.accumulator = accumulator;
  }

  /** Requires: {@code call} is not DISTINCT. */
  public static AggregateState of(AggregateCall call) {
    if (call.distinct()) {
      throw new IllegalArgumentException("DISTINCT aggregate state: " + call);
    }
    return new AggregateState(Accumulators.create(call, bytes -> { }));
  }

  /** Adds one row's argument values. */
  public void add(Object[] arguments) {
    accumulator.add(arguments);
  }

  public Object result() {
    return accumulator.result();
  }
}
