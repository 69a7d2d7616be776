package dev.quaver.planner;

import java.util.Locale;
import java.util.function.Supplier;

/** Parses and prints byte sizes such as {@code 256MB} (1024-based units). Stateless. */
final class ByteSizes {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

  private ByteSizes() {}

  /** A number of bytes, optionally followed by a unit (B, kB, MB, GB, TB; any case). */
  static long parse(String text, Supplier<RuntimeException> invalid) {
    String trimmed = text.trim();
    int end = 0;
    while (end < trimmed.length() && Character.isDigit(trimmed.charAt(end))) {
      end++;
    }
    if (end == 0 || end > 18) {
      throw invalid.get();
    }
    long number = Long.parseLong(trimmed.substring(0, end));
    String unit = trimmed.substring(end).trim().toUpperCase(Locale.ROOT);
    int shift = switch (unit) {
      case "", "B" -> 0;
      case "K", "KB" -> 10;
      case "M", "MB" -> 20;
      case "G", "GB" -> 30;
      case "T", "TB" -> 40;
      default -> throw invalid.get();
    };
    if (number > (Long.MAX_VALUE >> shift)) {
      throw invalid.get();
    }
    return number << shift;
  }

  /** The largest unit that divides {@code bytes} exactly: 268435456 → "256MB". */
  static String format(long bytes) {
    int unit = 0;
    long value = bytes;
    while (unit < UNITS.length - 1 && value != 0 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    return value + UNITS[unit];
  }
}
