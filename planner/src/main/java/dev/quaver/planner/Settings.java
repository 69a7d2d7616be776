package dev.quaver.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of known session settings (SET / RESET / SHOW). Adding a setting is one line: a
 * {@code register(Setting.xxx(...))} constant below; SET, SHOW, RESET, validation and the plan
 * cache's separation of planner-affecting settings follow from it. Read a value with
 * {@code sessionSettings.get(Settings.NAME)}.
 *
 * <p>Thread safety: immutable after class initialisation.
 */
public final class Settings {
  /** Declared before the settings: their initialisers register into it in this order. */
  private static final Map<String, Setting<?>> BY_NAME = new LinkedHashMap<>();

  /**
   * Arrow and heap memory one statement may use (its allocator's limit); operators that spill
   * do so at their share of it. The server configuration sets the default.
   */
  public static final Setting<Long> QUERY_MEMORY_LIMIT = register(Setting.bytes("query_memory_limit",
      1L << 30, 1L << 20, Long.MAX_VALUE, false, "memory limit of one statement"));

  /**
   * How joins are distributed (issue #7): {@code auto} (the cost model decides), or forced to
   * {@code broadcast} (the build side to every partition, where allowed) or {@code shuffle} (both
   * sides by the join keys), for tests and for users who know better.
   */
  public static final Setting<String> JOIN_DISTRIBUTION = register(Setting.choice("join_distribution",
      "auto", List.of("auto", "broadcast", "shuffle"), true, "join distribution: auto, broadcast or shuffle"));

  /**
   * How grouped aggregation runs on partitioned input (issue #7): {@code auto} (the cost model
   * decides), {@code one} (shuffle by the group keys, then aggregate) or {@code two} (partial
   * per partition, shuffle, final) where the aggregates allow it.
   */
  public static final Setting<String> AGGREGATION_PHASES = register(Setting.choice("aggregation_phases",
      "auto", List.of("auto", "one", "two"), true, "aggregation phases: auto, one or two"));

  /**
   * How a filtered table is read (issue #7, access paths): {@code auto} (the cost model decides),
   * {@code scan} (always the full scan) or {@code index} (a primary-key or secondary-index read
   * wherever the predicate allows one), for tests and for users who know better.
   */
  public static final Setting<String> ACCESS_PATH = register(Setting.choice("access_path",
      "auto", List.of("auto", "scan", "index"), true, "table access path: auto, scan or index"));

  /**
   * How many fragment instances of one query compute at once (issue #6, parallel execution):
   * {@code 0} uses the server's {@code parallelism} (one per core unless configured), {@code 1}
   * runs the query serially in the caller's thread, as before fragments existed.
   */
  public static final Setting<Long> PARALLELISM = register(Setting.integer("parallelism", 0, 0, 1024, false,
      "worker threads per query: 0 = server default, 1 = serial"));

  private Settings() {}

  /** The setting called {@code name} (any case), if it is known. */
  public static Optional<Setting<?>> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every known setting, in registration order (SHOW ALL lists them so). */
  public static List<Setting<?>> all() {
    return List.copyOf(new ArrayList<>(BY_NAME.values()));
  }

  private static synchronized <T> Setting<T> register(Setting<T> setting) {
    if (BY_NAME.putIfAbsent(setting.name(), setting) != null) {
      throw new IllegalStateException("setting registered twice: " + setting.name());
    }
    return setting;
  }
}
