package dev.quaver.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.QuaverException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {
  @Test
  void parsesEveryFormOfSetResetShow() {
    assertThat(SettingCommand.parse("SET query_memory_limit = '256MB'")).contains(
        new SettingCommand(SettingCommand.Action.SET, "QUERY_MEMORY_LIMIT", "256MB"));
    assertThat(SettingCommand.parse("  set Query_Memory_Limit TO 1048576;")).contains(
        new SettingCommand(SettingCommand.Action.SET, "QUERY_MEMORY_LIMIT", "1048576"));
    assertThat(SettingCommand.parse("SET x TO DEFAULT")).contains(
        new SettingCommand(SettingCommand.Action.RESET, "X", null));
    assertThat(SettingCommand.parse("SET x = off")).contains(new SettingCommand(SettingCommand.Action.SET, "X", "OFF"));
    assertThat(SettingCommand.parse("SET x = on")).contains(new SettingCommand(SettingCommand.Action.SET, "X", "ON"));
    assertThat(SettingCommand.parse("SET x = -3")).contains(new SettingCommand(SettingCommand.Action.SET, "X", "-3"));
    assertThat(SettingCommand.parse("RESET x")).contains(new SettingCommand(SettingCommand.Action.RESET, "X", null));
    assertThat(SettingCommand.parse("-- c\nRESET ALL")).contains(
        new SettingCommand(SettingCommand.Action.RESET_ALL, null, null));
    assertThat(SettingCommand.parse("SHOW x")).contains(new SettingCommand(SettingCommand.Action.SHOW, "X", null));
    assertThat(SettingCommand.parse("show all")).contains(new SettingCommand(SettingCommand.Action.SHOW_ALL, null, null));
    assertThat(SettingCommand.parse("SELECT 1")).isEmpty();
    assertThat(SettingCommand.parse("SETTLE")).isEmpty();
  }

  @Test
  void badSyntaxIs42601() {
    assertThatThrownBy(() -> SettingCommand.parse("SET x"))
        .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.sqlState()).isEqualTo("42601"));
  }

  @Test
  void setResetAndShowTheMemoryLimit() {
    SessionSettings base = SessionSettings.DEFAULTS.withBaseline(Settings.QUERY_MEMORY_LIMIT, 64L << 20);
    assertThat(base.show("query_memory_limit")).isEqualTo("64MB");
    SessionSettings set = base.set("QUERY_MEMORY_LIMIT", "256MB");
    assertThat(set.get(Settings.QUERY_MEMORY_LIMIT)).isEqualTo(256L << 20);
    assertThat(set.isSet(Settings.QUERY_MEMORY_LIMIT)).isTrue();
    assertThat(set.set("query_memory_limit", "3000000").show("query_memory_limit")).isEqualTo("3000000B");
    assertThat(set.set("query_memory_limit", "2 gb").get(Settings.QUERY_MEMORY_LIMIT)).isEqualTo(2L << 30);
    assertThat(set.reset("query_memory_limit")).isEqualTo(base);
    assertThat(set.resetAll().get(Settings.QUERY_MEMORY_LIMIT)).isEqualTo(64L << 20);
    assertThat(set.planningKey()).isEmpty();
  }

  @Test
  void unknownNameIs42704AndBadValueIs22023() {
    assertThatThrownBy(() -> SessionSettings.DEFAULTS.set("no_such_setting", "1"))
        .isInstanceOfSatisfying(QuaverException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("42704");
          assertThat(e.getMessage()).contains("no_such_setting");
        });
    assertThatThrownBy(() -> SessionSettings.DEFAULTS.show("nope"))
        .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.sqlState()).isEqualTo("42704"));
    for (String bad : List.of("lots", "12XB", "-5MB", "", "1kB")) {
      assertThatThrownBy(() -> SessionSettings.DEFAULTS.set("query_memory_limit", bad))
          .isInstanceOfSatisfying(QuaverException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("query_memory_limit");
          });
    }
  }

  @Test
  void planCacheNeverServesAPlanMadeUnderOtherPlannerSettings() {
    Planner planner = new Planner(PlannerFixture.catalog());
    String sql = "SELECT * FROM T1 JOIN T2 ON T1.A = T2.X";
    PreparedPlan cached = planner.prepare(sql);
    assertThat(planner.prepare(sql)).isSameAs(cached);
    SessionSettings forced = SessionSettings.DEFAULTS.set("join_distribution", "broadcast");
    assertThat(forced.planningKey()).isEqualTo("join_distribution=broadcast;");
    PreparedPlan first = planner.prepare(sql, forced);
    assertThat(first).isNotSameAs(cached);
    // Cached under its own settings key: served again under the same settings only.
    assertThat(planner.prepare(sql, forced)).isSameAs(first);
    SessionSettings shuffle = SessionSettings.DEFAULTS.set("join_distribution", "shuffle");
    assertThat(planner.prepare(sql, shuffle)).isNotSameAs(first).isNotSameAs(cached);
    assertThat(planner.prepare(sql)).isSameAs(cached);
    // An executor-only setting keeps the cache.
    assertThat(planner.prepare(sql, SessionSettings.DEFAULTS.set("query_memory_limit", "64MB"))).isSameAs(cached);
  }

  @Test
  void settingTypesParseAndFormat() {
    Setting<Boolean> flag = Setting.bool("test_flag", false, true, "a flag");
    assertThat(flag.parse("ON")).isTrue();
    assertThat(flag.parse("false")).isFalse();
    assertThat(flag.format(true)).isEqualTo("on");
    assertThatThrownBy(() -> flag.parse("maybe")).isInstanceOf(QuaverException.class);
    Setting<String> choice = Setting.choice("test_choice", "auto", List.of("auto", "hash", "nested_loop"), true, "c");
    assertThat(choice.parse("HASH")).isEqualTo("hash");
    assertThatThrownBy(() -> choice.parse("merge")).isInstanceOf(QuaverException.class);
    Setting<Long> number = Setting.integer("test_number", 4, 1, 8, false, "n");
    assertThat(number.parse("8")).isEqualTo(8L);
    assertThatThrownBy(() -> number.parse("9")).isInstanceOf(QuaverException.class);
  }
}
