package dev.quaver.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConformanceReportTest {
  @Test
  void groupsFilesByFolderAndSeparatesUnrunRecords() {
    RecordFailure wrong = new RecordFailure("index/in/10/a.test", 3, "SELECT 1", "wrong result", "1", "2");
    RecordFailure unrun = new RecordFailure("index/in/10/a.test", 9, "SELECT 2",
        SltRunner.NOT_RUN + " the file's time budget of 1 s was spent", "", "");
    FileResult a = new FileResult("index/in/10/a.test", 8, 2, 1, 1_000_000_000L, List.of(wrong, unrun), Set.of());
    FileResult b = new FileResult("select1.test", 10, 0, 0, 2_000_000_000L, List.of(), Set.of());
    SuiteResult suite = new SuiteResult(List.of(a, b), List.of(), List.of(), List.of());

    assertThat(a.notRun()).isEqualTo(1);
    assertThat(a.ran()).isEqualTo(9);
    assertThat(a.recordsPerSecond()).isEqualTo(9.0);

    String report = ConformanceReport.render(suite, "cmd", "abc1234", Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(report).contains("2026-01-02 03:04 UTC").contains("`abc1234`")
        .contains("| index/in/10 | 1 | 8 | 1 | 1 | 1 | 88.889% | 9 |")
        .contains("| (top) | 1 | 10 | 0 | 0 | 0 | 100.000% | 5 |")
        .contains("| **total** | 2 | 18 | 1 | 1 | 1 | 94.737% | 6 |");
  }
}
