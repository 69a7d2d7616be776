package dev.quaver.executor.expr;

/**
 * A scalar function on one row's Java values (see SqlType), for the functions that have no
 * vectorized kernel yet (strings, dates, most math). Its result may be any Java number or value;
 * {@link BoxedCallNode} brings it to the call type. Implementations are immutable.
 */
@FunctionalInterface
interface RowFunction {
  Object apply(Object[] arguments);
}
