package dev.quaver.planner;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the session settings ({@link Settings}) one session plans and executes with.
 * A value is the session's own (SET), else the server's baseline (its configuration, e.g. the
 * query memory limit), else the setting's default. RESET drops the session's own value.
 *
 * <p>{@link #planningKey()} names the planner-affecting values that differ from their defaults:
 * plans made under different keys are never shared through the plan cache.
 *
 * <p>Immutable: SET and RESET return new instances (the session holds the current one).
 */
public final class SessionSettings {
  /** No session values, no server baseline: every setting at its default. */
  public static final SessionSettings DEFAULTS = new SessionSettings(Map.of(), Map.of());

  private final Map<String, Object> baseline;
  private final Map<String, Object> values;

  private SessionSettings(Map<String, Object> baseline, Map<String, Object> values) {
    this.baseline = baseline;
    this.values = values;
  }

  /** The value in effect: the session's, else the server's baseline, else the default. */
  public <T> T get(Setting<T> setting) {
    Object value = values.get(setting.name());
    if (value == null) {
      value = baseline.get(setting.name());
    }
    @SuppressWarnings("unchecked")
    T typed = value == null ? setting.defaultValue() : (T) value;
    return typed;
  }

  /** Whether the session SET this setting itself. */
  public boolean isSet(Setting<?> setting) {
    return values.containsKey(setting.name());
  }

  /** These settings with the server's default of {@code setting} replaced (what RESET returns to). */
  public <T> SessionSettings withBaseline(Setting<T> setting, T value) {
    return new SessionSettings(put(baseline, setting.name(), Objects.requireNonNull(value, "value is null")), values);
  }

  /** SET {@code setting} to an already typed value. */
  public <T> SessionSettings with(Setting<T> setting, T value) {
    return new SessionSettings(baseline, put(values, setting.name(), Objects.requireNonNull(value, "value is null")));
  }

  /**
   * SET name = text. Unknown name: UNDEFINED_OBJECT (42704); a value the setting does not accept:
   * INVALID_PARAMETER_VALUE (22023).
   */
  public SessionSettings set(String name, String text) {
    Setting<?> setting = setting(name);
    return new SessionSettings(baseline, put(values, setting.name(), setting.parse(text)));
  }

  /** RESET name (unknown name: 42704). */
  public SessionSettings reset(String name) {
    Setting<?> setting = setting(name);
    if (!values.containsKey(setting.name())) {
      return this;
    }
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.remove(setting.name());
    return new SessionSettings(baseline, Collections.unmodifiableMap(copy));
  }

  /** RESET ALL: every setting back to the server's baseline or its default. */
  public SessionSettings resetAll() {
    return values.isEmpty() ? this : new SessionSettings(baseline, Map.of());
  }

  /** The value of {@code name} as SHOW prints it (unknown name: 42704). */
  public String show(String name) {
    Setting<?> setting = setting(name);
    return setting.format(get(setting));
  }

  /**
   * "" when every planner-affecting setting has its default value; else "name=value;..." of
   * those that do not, in registration order. Plans are cached per key.
   */
  public String planningKey() {
    StringBuilder key = new StringBuilder();
    for (Setting<?> setting : Settings.all()) {
      if (setting.affectsPlanning()) {
        Object value = get(setting);
        if (!value.equals(setting.defaultValue())) {
          key.append(setting.name()).append('=').append(setting.format(value)).append(';');
        }
      }
    }
    return key.toString();
  }

  /** The known setting called {@code name}, or UNDEFINED_OBJECT (42704). */
  public static Setting<?> setting(String name) {
    return Settings.find(name).orElseThrow(() -> QuaverException.of(ErrorCode.UNDEFINED_OBJECT,
        "unrecognized configuration parameter \"%s\"", name));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SessionSettings that && baseline.equals(that.baseline) && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(baseline, values);
  }

  @Override
  public String toString() {
    return "SessionSettings" + values;
  }

  private static Map<String, Object> put(Map<String, Object> map, String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(name, value);
    return Collections.unmodifiableMap(copy);
  }
}
