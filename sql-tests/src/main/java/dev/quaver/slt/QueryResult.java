package dev.quaver.slt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The formatted values of one query result, row-major, after sorting by the record's sort
 * mode, and how they compare with a record's expected lines. Immutable.
 */
public record QueryResult(int columnCount, List<String> values) {
  public QueryResult {
    if (columnCount <= 0) {
      throw new IllegalArgumentException("columnCount must be positive: " + columnCount);
    }
    values = List.copyOf(values);
    if (values.size() % columnCount != 0) {
      throw new IllegalArgumentException(
          values.size() + " values do not fill rows of " + columnCount);
    }
  }

  /** Sorts {@code rowMajorValues} as the C runner does for {@code mode}. */
  public static QueryResult sorted(int columnCount, List<String> rowMajorValues, SortMode mode) {
    return switch (mode) {
      case NOSORT -> new QueryResult(columnCount, rowMajorValues);
      case VALUESORT -> {
        String[] all = rowMajorValues.toArray(new String[0]);
        Arrays.sort(all);
        yield new QueryResult(columnCount, Arrays.asList(all));
      }
      case ROWSORT -> {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < rowMajorValues.size(); i += columnCount) {
          rows.add(rowMajorValues.subList(i, i + columnCount).toArray(new String[0]));
        }
        // Column by column, like the C runner's rowCompare with strcmp. Formatted values are
        // printable ASCII, where String.compareTo and strcmp agree.
        rows.sort(Arrays::compare);
        List<String> flat = new ArrayList<>(rowMajorValues.size());
        rows.forEach(row -> flat.addAll(Arrays.asList(row)));
        yield new QueryResult(columnCount, flat);
      }
    };
  }

  public int rowCount() {
    return values.size() / columnCount;
  }

  /** MD5 over every value followed by a newline, lower-case hex (the corpus' hash). */
  public String md5() {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (String value : values) {
        md5.update(value.getBytes(StandardCharsets.UTF_8));
        md5.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  /** The line the corpus uses for a hashed result: {@code "N values hashing to H"}. */
  public String hashLine() {
    return values.size() + " values hashing to " + md5();
  }

  /** True when the expected lines are a single hash line rather than values. */
  public static boolean isHashLine(List<String> expected) {
    return expected.size() == 1 && expected.get(0).matches("\\d+ values hashing to [0-9a-f]{32}");
  }

  /**
   * Whether this result matches the expected lines: a hash line compares with
   * {@link #hashLine()}; otherwise the lines are values one per line (the corpus form) or, for
   * hand-written files, rows one per line with values separated by single spaces or tabs.
   */
  public boolean matches(List<String> expected) {
    Objects.requireNonNull(expected, "expected is null");
    if (isHashLine(expected)) {
      return expected.get(0).equals(hashLine());
    }
    if (expected.equals(values)) {
      return true;
    }
    if (columnCount == 1 || expected.size() != rowCount()) {
      return false;
    }
    for (int row = 0; row < rowCount(); row++) {
      List<String> cells = values.subList(row * columnCount, (row + 1) * columnCount);
      String line = expected.get(row);
      if (!line.equals(String.join(" ", cells)) && !line.equals(String.join("\t", cells))) {
        return false;
      }
    }
    return true;
  }

  /** A human-readable rendering for failure reports: one row per line, or the hash line. */
  public String describe(int hashThreshold) {
    if (hashThreshold > 0 && values.size() > hashThreshold) {
      return hashLine();
    }
    List<String> lines = new ArrayList<>();
    for (int row = 0; row < rowCount(); row++) {
      lines.add(String.join(" ", values.subList(row * columnCount, (row + 1) * columnCount)));
    }
    return lines.isEmpty() ? "(no rows)" : String.join("\n", lines);
  }
}
