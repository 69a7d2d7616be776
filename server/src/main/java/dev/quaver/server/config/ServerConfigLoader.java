package dev.quaver.server.config;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link ServerConfig} from flags ({@code --port 5488}, {@code --host}, {@code --data},
 * {@code --user}, {@code --password}, {@code --config file}, {@code --query_memory_limit 256MB},
 * {@code --total_memory_limit 4GB}, {@code --parallelism 2}; {@code --key=value} works too) and
 * an optional properties file with the same keys ({@code port=5488}). Flags override the file,
 * the file overrides the defaults ({@code ServerConfig.defaults(Path.of("data"))}). Stateless.
 */
public final class ServerConfigLoader {
  /** The keys a flag or a properties file may set. */
  public static final List<String> KEYS = List.of("port", "host", "data", "user", "password", "config",
      "query_memory_limit", "total_memory_limit", "parallelism");

  private ServerConfigLoader() {}

  /** Parses the arguments after the subcommand. Errors are INVALID_PARAMETER_VALUE (22023). */
  public static ServerConfig load(List<String> args) {
    Map<String, String> flags = parseFlags(args);
    Map<String, String> values = new LinkedHashMap<>();
    if (flags.containsKey("config")) {
      values.putAll(readFile(Path.of(flags.get("config"))));
    }
    values.putAll(flags);
    ServerConfig defaults = ServerConfig.defaults(Path.of("data"));
    int port = defaults.port();
    if (values.containsKey("port")) {
      try {
        port = Integer.parseInt(values.get("port").trim());
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65535) {
        throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "port must be 0-65535, got \"%s\"", values.get("port"));
      }
    }
    return new ServerConfig(
        values.getOrDefault("host", defaults.host()).trim(),
        port,
        values.containsKey("data") ? Path.of(values.get("data").trim()) : defaults.dataDirectory(),
        values.getOrDefault("user", defaults.user()),
        values.getOrDefault("password", defaults.password()),
        memoryLimit(values, "query_memory_limit"),
        memoryLimit(values, "total_memory_limit"),
        values.containsKey("parallelism") ? Settings.PARALLELISM.parse(values.get("parallelism")).intValue() : 0);
  }

  /** A byte size such as 256MB (the format of SET query_memory_limit); 0 when not given. */
  private static long memoryLimit(Map<String, String> values, String key) {
    return values.containsKey(key) ? Settings.QUERY_MEMORY_LIMIT.parse(values.get(key)) : 0;
  }

  private static Map<String, String> parseFlags(List<String> args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "unexpected argument \"%s\"; flags are %s", arg, usageKeys());
      }
      String key = arg.substring(2);
      String value;
      int equals = key.indexOf('=');
      if (equals >= 0) {
        value = key.substring(equals + 1);
        key = key.substring(0, equals);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "flag --%s needs a value", key);
      }
      if (!KEYS.contains(key)) {
        throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "unknown flag --%s; flags are %s", key, usageKeys());
      }
      flags.put(key, value);
    }
    return flags;
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "cannot read config file %s: %s", file, e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (!KEYS.contains(key) || key.equals("config")) {
        throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "unknown key \"%s\" in %s", key, file);
      }
      values.put(key, properties.getProperty(key));
    }
    return values;
  }

  private static String usageKeys() {
    StringBuilder text = new StringBuilder();
    for (String key : KEYS) {
      text.append(text.length() == 0 ? "" : ", ").append("--").append(key);
    }
    return text.toString();
  }
}
