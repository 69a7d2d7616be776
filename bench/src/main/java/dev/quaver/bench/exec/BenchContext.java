package dev.quaver.bench.exec;

import dev.quaver.executor.expr.EvaluationContext;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The evaluation context of the expression benchmarks: an allocator and nothing else (no
 * parameters, no correlation, statement start at 0), shared by the benchmarks of this package.
 *
 * <p>Thread safety: immutable.
 */
final class BenchContext {
  private BenchContext() {}

  static EvaluationContext of(BufferAllocator allocator) {
    return new EvaluationContext() {
      @Override
      public BufferAllocator allocator() {
        return allocator;
      }

      @Override
      public Object parameter(int index) {
        throw new IllegalStateException("no parameters");
      }

      @Override
      public Object correlationValue(int correlationId, int index) {
        throw new IllegalStateException("no correlation");
      }

      @Override
      public long statementStartMillis() {
        return 0;
      }
    };
  }
}
