package dev.quaver.executor.operator.aggregate;

/**
 * The running state of one aggregate call for one group.
 *
 * <p>Call protocol: {@code add} once per input row of the group that passes the call's filter
 * (with the call's argument values, NULLs included), then {@code result} once.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
interface Accumulator {
  void add(Object[] arguments);

  /** The Java value of the call's type, or null. */
  Object result();
}
