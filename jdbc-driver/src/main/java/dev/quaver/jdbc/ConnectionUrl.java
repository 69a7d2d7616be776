package dev.quaver.jdbc;

import dev.quaver.protocol.ProtocolFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:quaver://host[:port][/database][?key=value&...]} URL merged with the
 * connect() properties (URL parameters win). Immutable.
 */
record ConnectionUrl(String host, int port, String database, Map<String, String> properties) {
  static final String PREFIX = "jdbc:quaver://";
  static final String DEFAULT_DATABASE = "quaver";

  static boolean accepts(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  static ConnectionUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw new SQLException("not a Quaver URL: " + url + " (expected " + PREFIX + "host[:port][/database])", "08001");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        properties.put(key, info.getProperty(key));
      }
    }
    String rest = url.substring(PREFIX.length());
    int query = rest.indexOf('?');
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String key = decode(equals < 0 ? pair : pair.substring(0, equals));
        properties.put(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
      rest = rest.substring(0, query);
    }
    String database = DEFAULT_DATABASE;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      if (slash + 1 < rest.length()) {
        database = decode(rest.substring(slash + 1));
      }
      rest = rest.substring(0, slash);
    }
    String host = rest;
    int port = ProtocolFormat.DEFAULT_PORT;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0 && !rest.endsWith("]")) {
      host = rest.substring(0, colon);
      try {
        port = Integer.parseInt(rest.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        throw new SQLException("bad port in URL " + url, "08001");
      }
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      host = "127.0.0.1";
    }
    return new ConnectionUrl(host, port, database, Collections.unmodifiableMap(properties));
  }

  String property(String key, String defaultValue) {
    String value = properties.get(key);
    return value == null ? defaultValue : value;
  }

  int intProperty(String key, int defaultValue) throws SQLException {
    String value = properties.get(key);
    if (value == null || value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new SQLException("connection property " + key + " must be a number, got \"" + value + "\"", "22023");
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
