package dev.quaver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionUrlTest {
  @Test
  void parsesHostPortDatabaseAndParameters() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "bob");
    info.setProperty("fetchSize", "10");
    ConnectionUrl url = ConnectionUrl.parse("jdbc:quaver://db.example:6000/sales?fetchSize=50&password=p%26w", info);
    assertThat(url.host()).isEqualTo("db.example");
    assertThat(url.port()).isEqualTo(6000);
    assertThat(url.database()).isEqualTo("sales");
    assertThat(url.property("user", null)).isEqualTo("bob");
    assertThat(url.intProperty("fetchSize", 1)).isEqualTo(50);
    assertThat(url.property("password", null)).isEqualTo("p&w");
  }

  @Test
  void defaults() throws SQLException {
    ConnectionUrl url = ConnectionUrl.parse("jdbc:quaver://localhost", null);
    assertThat(url.port()).isEqualTo(5488);
    assertThat(url.database()).isEqualTo("quaver");
    assertThat(ConnectionUrl.parse("jdbc:quaver://[::1]:7/", null).host()).isEqualTo("::1");
    assertThat(ConnectionUrl.parse("jdbc:quaver://[::1]", null).port()).isEqualTo(5488);
  }

  @Test
  void rejectsOtherUrlsAndBadPorts() {
    assertThat(new QuaverDriver().acceptsURL("jdbc:postgresql://x")).isFalse();
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:quaver://h:99999", null)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:quaver://h:1?fetchSize=x", null).intProperty("fetchSize", 1))
        .isInstanceOf(SQLException.class).hasMessageContaining("fetchSize");
  }

  @Test
  void connectingToNothingIsAConnectionError() {
    Properties info = new Properties();
    info.setProperty("connectTimeout", "500");
    assertThatThrownBy(() -> new QuaverDriver().connect("jdbc:quaver://127.0.0.1:1/x", info))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
  }
}
