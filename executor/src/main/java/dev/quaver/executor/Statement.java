package dev.quaver.executor;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The resources of one running statement: its allocator, its context and the root operator.
 * {@link #close()} closes the operator tree, then the allocator, which must then be empty (a
 * leak is reported as INTERNAL_ERROR rather than hidden).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class Statement implements AutoCloseable {
  private final BufferAllocator allocator;
  private final ExecutionContext context;
  private Operator root;
  private boolean closed;

  Statement(BufferAllocator allocator, ExecutionContext context) {
    this.allocator = allocator;
    this.context = context;
  }

  ExecutionContext context() {
    return context;
  }

  void setRoot(Operator root) {
    this.root = root;
  }

  Operator root() {
    return root;
  }

  /** The exception to throw for {@code t}, after releasing everything. */
  QuaverException fail(Throwable t) {
    QuaverException error = Errors.translate(t, context.memoryLimitBytes());
    try {
      close();
    } catch (RuntimeException e) {
      if (e != error) {
        error.addSuppressed(e);
      }
    }
    return error;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (root != null) {
        root.close();
      }
    } finally {
      long leaked = allocator.getAllocatedMemory();
      try {
        allocator.close();
      } catch (IllegalStateException e) {
        throw new QuaverException(ErrorCode.INTERNAL_ERROR,
            "statement leaked " + leaked + " bytes of Arrow memory", e);
      }
    }
  }
}
