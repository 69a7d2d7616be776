package dev.quaver.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuaverMainTest {
  @Test
  void badUsageExitsWithTwoWithoutStartingAnything() {
    assertThat(QuaverMain.run(List.of())).isEqualTo(2);
    assertThat(QuaverMain.run(List.of("bogus"))).isEqualTo(2);
    assertThat(QuaverMain.run(List.of("server", "--port", "x"))).isEqualTo(2);
    assertThat(QuaverMain.run(List.of("server", "--colour", "red"))).isEqualTo(2);
  }

  @Test
  void helpExitsWithZero() {
    assertThat(QuaverMain.run(List.of("--help"))).isZero();
    assertThat(QuaverMain.run(List.of("server", "--help"))).isZero();
  }
}
