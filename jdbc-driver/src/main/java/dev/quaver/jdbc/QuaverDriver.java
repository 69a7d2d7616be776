package dev.quaver.jdbc;

import dev.quaver.protocol.Hello;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:quaver://host[:port][/database][?key=value&...]} (port 5488 by
 * default). Properties (in the URL or connect()'s Properties): {@code user}, {@code password}
 * (both "quaver" by default), {@code connectTimeout} (ms, default 10000), {@code
 * networkTimeout} (ms, 0 = none), {@code fetchSize} (rows, default 1000). Registered with
 * DriverManager on class load and through META-INF/services/java.sql.Driver.
 *
 * <p>Thread safety: stateless; safe for concurrent use.
 */
public final class QuaverDriver implements Driver {
  public static final int MAJOR_VERSION = 0;
  public static final int MINOR_VERSION = 1;
  public static final String VERSION = "0.1.0";

  static {
    try {
      DriverManager.registerDriver(new QuaverDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionUrl parsed = ConnectionUrl.parse(url, info);
    Map<String, String> options = new LinkedHashMap<>();
    options.put("driver", "quaver-jdbc " + VERSION);
    String applicationName = parsed.property("applicationName", null);
    if (applicationName != null) {
      options.put("applicationName", applicationName);
    }
    Hello hello = Hello.of(parsed.property("user", "quaver"), parsed.property("password", "quaver"),
        parsed.database(), options);
    WireConnection wire = WireConnection.open(parsed.host(), parsed.port(),
        parsed.intProperty("connectTimeout", 10_000), hello);
    QuaverConnection connection = new QuaverConnection(wire, url, parsed);
    if (applicationName != null) {
      connection.setClientInfo(QuaverConnection.APPLICATION_NAME, applicationName);
    }
    // socketTimeout is pgjdbc's name (seconds there; milliseconds here, like networkTimeout).
    int networkTimeout = parsed.intProperty("networkTimeout", parsed.intProperty("socketTimeout", 0));
    if (networkTimeout > 0) {
      wire.setTimeoutMillis(networkTimeout);
    }
    return connection;
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[] {
        property("user", info, "quaver", "user name"),
        property("password", info, "quaver", "password"),
        property("connectTimeout", info, "10000", "milliseconds to wait for the TCP connection"),
        property("networkTimeout", info, "0", "milliseconds to wait for any reply (0: forever)"),
        property("socketTimeout", info, "0", "alias of networkTimeout (milliseconds)"),
        property("fetchSize", info, "1000", "rows per round trip when reading results"),
        property("defaultFetchSize", info, "1000", "alias of fetchSize"),
        property("applicationName", info, null, "shown in the server log; ApplicationName client info"),
    };
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /** Not fully JDBC compliant (no transactions or LOBs), so false as the spec asks. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("the Quaver driver does not log through java.util.logging", "0A000");
  }

  private static DriverPropertyInfo property(String name, Properties info, String defaultValue, String description) {
    DriverPropertyInfo property = new DriverPropertyInfo(name,
        info == null ? defaultValue : info.getProperty(name, defaultValue));
    property.description = description;
    return property;
  }
}
