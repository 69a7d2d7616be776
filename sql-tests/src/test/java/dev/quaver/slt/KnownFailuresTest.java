package dev.quaver.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownFailuresTest {
  private static final KnownFailures KNOWN = KnownFailures.parse(
      "# comment\n\nselect1.test:10 integer division\r\nevidence/in1.test:20 IN on empty set\n");

  @Test
  void newFailuresAreThoseNotListed() {
    FileResult result = new FileResult("select1.test", 1, 2, 0, 1, List.of(
        new RecordFailure("select1.test", 10, "SELECT", "wrong result", "1", "2"),
        new RecordFailure("select1.test", 30, "SELECT", "wrong result", "1", "2")),
        Set.of(40));
    assertThat(KNOWN.unexpectedFailures(result)).extracting(RecordFailure::key)
        .containsExactly("select1.test:30");
    assertThat(KNOWN.fixedRecords(result)).isEmpty();
  }

  @Test
  void listedRecordThatPassesMustLeaveTheList() {
    FileResult result = new FileResult("select1.test", 1, 0, 0, 1, List.of(), Set.of(10));
    assertThat(KNOWN.fixedRecords(result)).containsExactly("select1.test:10");
    assertThat(KNOWN.size()).isEqualTo(2);
  }

  @Test
  void rejectsLinesWithoutFileAndLine() {
    assertThatThrownBy(() -> KnownFailures.parse("select1.test reason"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void suiteResultReportsBothDirections() {
    RecordFailure failure = new RecordFailure("a.test", 3, "SELECT 1", "wrong\nresult", "1", "2");
    SuiteResult suite = new SuiteResult(
        List.of(new FileResult("a.test", 5, 1, 2, 1_000_000_000L, List.of(failure), Set.of())),
        List.of(failure), List.of("b.test:4"), List.of());
    assertThat(suite.isSuccess()).isFalse();
    assertThat(suite.summaryLine()).isEqualTo("5 passed, 1 failed, 2 skipped");
    assertThat(suite.problems()).contains("a.test:3 wrong result").contains("b.test:4");
    assertThat(suite.failuresAsKnownFailures()).isEqualTo("a.test:3 wrong result\n");
    assertThat(suite.files().get(0).summaryLine())
        .isEqualTo("a.test: 5 passed, 1 failed, 2 skipped, 6 records/s");
  }
}
