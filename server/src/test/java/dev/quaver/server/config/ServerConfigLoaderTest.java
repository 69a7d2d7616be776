package dev.quaver.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.QuaverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigLoaderTest {
  @TempDir
  Path directory;

  @Test
  void defaultsWithoutFlags() {
    ServerConfig config = ServerConfigLoader.load(List.of());
    assertThat(config).isEqualTo(ServerConfig.defaults(Path.of("data")));
  }

  @Test
  void flagsOverrideTheFileWhichOverridesDefaults() throws IOException {
    Path file = directory.resolve("quaver.properties");
    Files.writeString(file, "port=6000\nuser=alice\ndata=/srv/quaver\n");
    ServerConfig config = ServerConfigLoader.load(List.of("--config", file.toString(), "--port=7000", "--password", "pw"));
    assertThat(config.port()).isEqualTo(7000);
    assertThat(config.user()).isEqualTo("alice");
    assertThat(config.password()).isEqualTo("pw");
    assertThat(config.dataDirectory()).isEqualTo(Path.of("/srv/quaver"));
    assertThat(config.host()).isEqualTo("127.0.0.1");
  }

  @Test
  void badInputIsAClearError() throws IOException {
    assertThatThrownBy(() -> ServerConfigLoader.load(List.of("--port", "http")))
        .isInstanceOf(QuaverException.class).hasMessageContaining("port must be 0-65535, got \"http\"");
    assertThatThrownBy(() -> ServerConfigLoader.load(List.of("--colour", "red")))
        .isInstanceOf(QuaverException.class).hasMessageContaining("unknown flag --colour");
    assertThatThrownBy(() -> ServerConfigLoader.load(List.of("--port")))
        .isInstanceOf(QuaverException.class).hasMessageContaining("needs a value");
    Path file = directory.resolve("bad.properties");
    Files.writeString(file, "prot=1\n");
    assertThatThrownBy(() -> ServerConfigLoader.load(List.of("--config", file.toString())))
        .isInstanceOf(QuaverException.class).hasMessageContaining("unknown key \"prot\"");
    assertThatThrownBy(() -> ServerConfigLoader.load(List.of("--config", directory.resolve("none").toString())))
        .isInstanceOf(QuaverException.class).hasMessageContaining("cannot read config file");
  }
}
