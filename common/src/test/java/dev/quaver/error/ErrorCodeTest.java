package dev.quaver.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
  @Test
  void sqlStatesAreFiveCharactersAndUnique() {
    Set<String> seen = new HashSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(code.sqlState()).hasSize(5);
      assertThat(seen.add(code.sqlState())).as("duplicate %s", code.sqlState()).isTrue();
    }
  }

  @Test
  void fromSqlStateRoundTripsAndFallsBackToInternal() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ErrorCode.fromSqlState(code.sqlState())).isEqualTo(code);
    }
    assertThat(ErrorCode.fromSqlState("ZZ999")).isEqualTo(ErrorCode.INTERNAL_ERROR);
  }

  @Test
  void wrapKeepsQuaverExceptionsAndClassifiesOthers() {
    QuaverException original = QuaverException.of(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    assertThat(QuaverException.wrap(original)).isSameAs(original);
    QuaverException bug = QuaverException.wrap(new IllegalStateException("broken"));
    assertThat(bug.sqlState()).isEqualTo("XX000");
    assertThat(bug.getCause()).isInstanceOf(IllegalStateException.class);
    assertThat(QuaverException.wrap(new OutOfMemoryError("heap")).sqlState()).isEqualTo("53200");
  }
}
