package dev.quaver.executor.memory;

import static dev.quaver.type.ColumnType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.Executor;
import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.ExecutorTestBase;
import dev.quaver.planner.physical.Field;
import dev.quaver.storage.catalog.TableDef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-wide limit (ExecutorConfig.totalMemoryLimitBytes) caps the Arrow memory of all statements. */
class ServerMemoryLimitTest extends ExecutorTestBase {
  @Test
  void exceedingTheServerLimitIsACleanOutOfMemoryAndTheExecutorGoesOn() {
    executor.close();
    executor = new Executor(storage, new ExecutorConfig(64L << 20, 128 * 1024, 100_000, Path.of("target/spill")));
    List<Field> one = List.of(field("A", INTEGER));
    Object[][] rows = new Object[60_000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {i};
    }
    TableDef table = table("BIG", one, rows);
    assertThatThrownBy(() -> query(scan(table, false, null)))
        .isInstanceOfSatisfying(QuaverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_MEMORY));
    assertThat(executor.allocatedBytes()).isZero();
    assertThat(query(values(one, new Object[] {7}))).containsExactly(List.of(7));
  }
}
