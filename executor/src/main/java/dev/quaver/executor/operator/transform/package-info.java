/**
 * Streaming one-input operators that keep batch boundaries: filter (copies the selected rows),
 * project (evaluates one vector per output column) and limit (slices batches, stops pulling its
 * input once the fetch count is reached).
 */
package dev.quaver.executor.operator.transform;
