package dev.quaver.executor.expr;

import org.apache.arrow.memory.BufferAllocator;

/**
 * What an expression needs from the running statement besides its input batch: where to
 * allocate result vectors, parameter values, the current row of enclosing correlates, and the
 * statement's start time (CURRENT_TIMESTAMP is the same for the whole statement).
 *
 * <p>Thread safety: confined to the thread evaluating the expression.
 */
public interface EvaluationContext {
  BufferAllocator allocator();

  /** The Java value of the 0-based parameter. */
  Object parameter(int index);

  /** Column {@code index} of the current left row of the correlate {@code correlationId}. */
  Object correlationValue(int correlationId, int index);

  /** Milliseconds since the epoch (UTC) when the statement started. */
  long statementStartMillis();
}
