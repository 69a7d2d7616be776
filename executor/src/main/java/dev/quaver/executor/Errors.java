package dev.quaver.executor;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import org.apache.arrow.memory.OutOfMemoryException;

/** Turns whatever a statement threw into the QuaverException the caller sees. Stateless. */
final class Errors {
  private Errors() {}

  static QuaverException translate(Throwable t, long limitBytes) {
    if (t instanceof OutOfMemoryException) {
      return new QuaverException(ErrorCode.OUT_OF_MEMORY,
          "query needs more than its memory limit of " + limitBytes + " bytes", t);
    }
    if (t instanceof UnsupportedOperationException && !(t.getCause() instanceof QuaverException)) {
      return new QuaverException(ErrorCode.FEATURE_NOT_SUPPORTED,
          "not supported yet: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), t);
    }
    return QuaverException.wrap(t);
  }
}
