package dev.quaver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfWrapperTest {
  @Test
  void unwrapsOnlyToWhatTheObjectIs() throws SQLException {
    ParameterMetaData metadata = new QuaverParameterMetaData(List.of());
    assertThat(metadata.isWrapperFor(ParameterMetaData.class)).isTrue();
    assertThat(metadata.isWrapperFor(QuaverParameterMetaData.class)).isTrue();
    assertThat(metadata.unwrap(ParameterMetaData.class)).isSameAs(metadata);
    assertThat(metadata.isWrapperFor(Connection.class)).isFalse();
    assertThatThrownBy(() -> metadata.unwrap(Connection.class))
        .isInstanceOf(SQLException.class)
        .hasMessage("not a wrapper for java.sql.Connection");
  }
}
