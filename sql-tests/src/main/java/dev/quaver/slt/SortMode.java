package dev.quaver.slt;

/** How a query's values are ordered before they are compared (the C runner's three modes). */
public enum SortMode {
  /** Values compared in the order the server returned them. */
  NOSORT,
  /** Rows sorted column by column with C {@code strcmp} order on the formatted values. */
  ROWSORT,
  /** All values sorted individually, regardless of rows. */
  VALUESORT;

  /** Parses {@code nosort|rowsort|valuesort}; null for any other word. */
  static SortMode parse(String word) {
    return switch (word) {
      case "nosort" -> NOSORT;
      case "rowsort" -> ROWSORT;
      case "valuesort" -> VALUESORT;
      default -> null;
    };
  }
}
