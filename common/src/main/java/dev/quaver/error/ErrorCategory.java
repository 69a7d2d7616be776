package dev.quaver.error;

/** Who is at fault for an error: the user's input, a bug in Quaver, or a resource limit. */
public enum ErrorCategory {
  USER,
  INTERNAL,
  RESOURCE
}
