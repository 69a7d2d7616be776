package dev.quaver.planner;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.logical.StatementParser;
import dev.quaver.planner.sql.ddl.SqlShowSetting;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;

/**
 * A session-setting statement: SET name {= | TO} value, SET name TO DEFAULT, RESET name,
 * RESET ALL, SHOW name, SHOW ALL. These are not planned: the session applies them to its
 * {@link SessionSettings} (SET/RESET) or answers them from it (SHOW). {@code name} is null for
 * the ALL forms; {@code value} is set for SET only. Immutable.
 */
public record SettingCommand(Action action, String name, String value) {
  public enum Action { SET, RESET, RESET_ALL, SHOW, SHOW_ALL }

  public SettingCommand {
    Objects.requireNonNull(action, "action is null");
  }

  /**
   * The setting command {@code sql} is, or empty when it is some other statement. A cheap look
   * at the first word comes first, so other statements pay nothing. Syntax errors in a
   * SET/RESET/SHOW statement are 42601.
   */
  public static Optional<SettingCommand> parse(String sql) {
    String word = firstWord(sql);
    if (!word.equals("SET") && !word.equals("RESET") && !word.equals("SHOW")) {
      return Optional.empty();
    }
    SqlNode node = StatementParser.parse(sql);
    if (node instanceof SqlShowSetting show) {
      return Optional.of(show.name() == null ? new SettingCommand(Action.SHOW_ALL, null, null)
          : new SettingCommand(Action.SHOW, name(show.name()), null));
    }
    if (node instanceof SqlSetOption option) {
      if (option.getScope() != null && !option.getScope().equalsIgnoreCase("SESSION")) {
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "only session settings can be set, not %s ones",
            option.getScope());
      }
      String name = name(option.getName());
      SqlNode value = option.getValue();
      if (value == null) {
        return Optional.of(word.equals("RESET") && name.equalsIgnoreCase("ALL") && !option.getName().isComponentQuoted(0)
            ? new SettingCommand(Action.RESET_ALL, null, null) : new SettingCommand(Action.RESET, name, null));
      }
      return Optional.of(new SettingCommand(Action.SET, name, valueText(name, value)));
    }
    return Optional.empty();
  }

  /** Applies SET or RESET to {@code settings}; validation errors are 42704 and 22023. */
  public SessionSettings applyTo(SessionSettings settings) {
    switch (action) {
      case SET:
        return settings.set(name, value);
      case RESET:
        return settings.reset(name);
      case RESET_ALL:
        return settings.resetAll();
      case SHOW:
      case SHOW_ALL:
        return settings;
    }
    throw new AssertionError(action);
  }

  private static String name(SqlIdentifier identifier) {
    return String.join(".", identifier.names);
  }

  private static String valueText(String name, SqlNode value) {
    if (value instanceof SqlIdentifier identifier) {
      return identifier.getSimple();
    }
    if (value instanceof SqlLiteral literal) {
      String text = literal.toValue();
      if (text != null) {
        return text;
      }
    }
    throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for setting %s: %s", name, value);
  }

  /** The first word of the statement in upper case, after white space and comments. */
  private static String firstWord(String sql) {
    int i = 0;
    int length = sql.length();
    while (i < length) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? length : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? length : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < length && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }
}
