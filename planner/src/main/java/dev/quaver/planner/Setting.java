package dev.quaver.planner;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One known session setting: its name (lower case), type, default, how a SET value is parsed
 * and checked, and whether it changes plans ({@link #affectsPlanning()}: the plan cache keeps
 * plans made under different values of such settings apart). Create one with a factory and
 * register it in {@link Settings}. Immutable.
 *
 * @param <T> the Java type of the value: Boolean, Long (integers and byte sizes) or String
 */
public final class Setting<T> {
  private final String name;
  private final String typeName;
  private final T defaultValue;
  private final boolean affectsPlanning;
  private final String description;
  private final Function<String, T> parser;
  private final Function<T, String> formatter;

  private Setting(String name, String typeName, T defaultValue, boolean affectsPlanning, String description,
      Function<String, T> parser, Function<T, String> formatter) {
    this.name = name.toLowerCase(Locale.ROOT);
    this.typeName = Objects.requireNonNull(typeName, "typeName is null");
    this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue is null");
    this.affectsPlanning = affectsPlanning;
    this.description = Objects.requireNonNull(description, "description is null");
    this.parser = parser;
    this.formatter = formatter;
  }

  /** A boolean: on/off, true/false, yes/no, 1/0 (any case). */
  public static Setting<Boolean> bool(String name, boolean defaultValue, boolean affectsPlanning,
      String description) {
    Setting<?>[] self = new Setting<?>[1];
    Setting<Boolean> setting = new Setting<>(name, "boolean", defaultValue, affectsPlanning, description,
        text -> parseBoolean(self[0], text), value -> value ? "on" : "off");
    self[0] = setting;
    return setting;
  }

  /** An integer in [min, max]. */
  public static Setting<Long> integer(String name, long defaultValue, long min, long max,
      boolean affectsPlanning, String description) {
    Setting<?>[] self = new Setting<?>[1];
    Setting<Long> setting = new Setting<>(name, "integer", defaultValue, affectsPlanning, description,
        text -> checkRange(self[0], text, parseInteger(self[0], text), min, max), String::valueOf);
    self[0] = setting;
    return setting;
  }

  /** A size in bytes in [min, max]: a number of bytes or a number with kB, MB, GB or TB (1024-based). */
  public static Setting<Long> bytes(String name, long defaultValue, long min, long max, boolean affectsPlanning,
      String description) {
    Setting<?>[] self = new Setting<?>[1];
    Setting<Long> setting = new Setting<>(name, "bytes", defaultValue, affectsPlanning, description,
        text -> checkRange(self[0], text, ByteSizes.parse(text, () -> invalid(self[0], text,
            "a size such as 256MB (units B, kB, MB, GB, TB)")), min, max), ByteSizes::format);
    self[0] = setting;
    return setting;
  }

  /** One of {@code choices} (matched ignoring case, stored lower case). */
  public static Setting<String> choice(String name, String defaultValue, List<String> choices,
      boolean affectsPlanning, String description) {
    List<String> allowed = new ArrayList<>();
    for (String choice : choices) {
      allowed.add(choice.toLowerCase(Locale.ROOT));
    }
    Setting<?>[] self = new Setting<?>[1];
    Setting<String> setting = new Setting<>(name, "enum", defaultValue.toLowerCase(Locale.ROOT),
        affectsPlanning, description, text -> {
          String value = text.trim().toLowerCase(Locale.ROOT);
          if (!allowed.contains(value)) {
            throw invalid(self[0], text, "one of " + String.join(", ", allowed));
          }
          return value;
        }, value -> value);
    self[0] = setting;
    return setting;
  }

  public String name() {
    return name;
  }

  /** "boolean", "integer", "bytes" or "enum" (SHOW ALL prints it). */
  public String typeName() {
    return typeName;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public boolean affectsPlanning() {
    return affectsPlanning;
  }

  public String description() {
    return description;
  }

  /** Parses and checks a SET value; a bad value is INVALID_PARAMETER_VALUE (22023). */
  public T parse(String text) {
    return parser.apply(Objects.requireNonNull(text, "text is null"));
  }

  /** The value as SHOW prints it. */
  public String format(Object value) {
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    return formatter.apply(typed);
  }

  @Override
  public String toString() {
    return name;
  }

  private static Boolean parseBoolean(Setting<?> setting, String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1":
        return true;
      case "off", "false", "no", "0":
        return false;
      default:
        throw invalid(setting, text, "a boolean (on, off, true, false)");
    }
  }

  private static long parseInteger(Setting<?> setting, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw invalid(setting, text, "an integer");
    }
  }

  private static Long checkRange(Setting<?> setting, String text, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalid(setting, text, "between " + min + " and " + max);
    }
    return value;
  }

  static QuaverException invalid(Setting<?> setting, String text, String expected) {
    return QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
        "invalid value for setting %s: \"%s\" (expected %s)", setting.name(), text, expected);
  }
}
