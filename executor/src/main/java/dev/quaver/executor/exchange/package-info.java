/**
 * Exchanges: how Arrow batches move between the fragments of a parallel plan. {@code Exchange}
 * is the seam (a network transport can implement it later); {@code InProcessExchange} routes
 * each producer's batches to its consumers (gather, hash shuffle on keys, broadcast) through
 * bounded {@code BatchQueue}s, so a fast producer waits for a slow consumer (backpressure).
 * {@code ExchangeSourceOperator} and {@code MergeGatherOperator} are the receiving operators.
 */
package dev.quaver.executor.exchange;
