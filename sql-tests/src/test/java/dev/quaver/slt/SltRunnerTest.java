package dev.quaver.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's loop against H2 in memory as a reference engine: record kinds, conditions,
 * labels, halt, errors, timeouts, fresh databases per file and the ratchet. (Quaver itself is
 * tested by SltIT.)
 */
class SltRunnerTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @TempDir
  Path temp;

  /** A fresh in-memory H2 database per file. */
  private static final DatabaseProvider H2 = fileName -> {
    String url = "jdbc:h2:mem:slt" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    Connection keepAlive = DriverManager.getConnection(url);
    return new Database() {
      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
      }

      @Override
      public void close() throws SQLException {
        keepAlive.createStatement().execute("SHUTDOWN");
        keepAlive.close();
      }
    };
  };

  @Test
  void runsEveryRecordKind() {
    String text = String.join("\r\n",
        "hash-threshold 3",
        "",
        "statement ok",
        "CREATE TABLE t1(a INTEGER, b VARCHAR(10), c DOUBLE)",
        "",
        "statement ok",
        "INSERT INTO t1 VALUES (2, 'x', 1.25), (1, '', NULL), (3, 'é', 2.0)",
        "",
        "query ITR rowsort",
        "SELECT a, b, c FROM t1",
        "----",
        "9 values hashing to " + QueryResult.sorted(3,
            List.of("1", "(empty)", "NULL", "2", "x", "1.250", "3", "@@", "2.000"),
            SortMode.ROWSORT).md5(),
        "",
        "query I nosort label-a",
        "SELECT a FROM t1 ORDER BY a",
        "----",
        "1",
        "2",
        "3",
        "",
        "query I valuesort label-a",
        "SELECT a FROM t1 ORDER BY a DESC",
        "----",
        "1",
        "2",
        "3",
        "",
        "statement error",
        "SELECT * FROM nope",
        "",
        "skipif quaver",
        "statement ok",
        "THIS IS NOT SQL",
        "",
        "onlyif sqlite",
        "statement ok",
        "NOR IS THIS",
        "",
        "skipif sqlite",
        "query T",
        "SELECT b FROM t1 WHERE a = 2",
        "----",
        "x",
        "",
        "onlyif quaver",
        "halt",
        "",
        "statement ok",
        "NEVER RUN",
        "");
    FileResult result = new SltRunner(H2, Duration.ofSeconds(10))
        .run(SltParser.parse("kinds.test", text));
    assertThat(result.failures()).isEmpty();
    assertThat(result.passed()).isEqualTo(7);
    assertThat(result.skipped()).isEqualTo(2);
  }

  @Test
  void reportsWrongResultsErrorsAndLabelMismatches() {
    String text = String.join("\n",
        "statement ok",
        "CREATE TABLE t(a INTEGER)",
        "",
        "statement ok",
        "INSERT INTO t VALUES (1), (2)",
        "",
        "query I rowsort",
        "SELECT a FROM t",
        "----",
        "1",
        "3",
        "",
        "statement ok",
        "SELECT * FROM nope",
        "",
        "statement error",
        "SELECT 1",
        "",
        "statement error 42P01",
        "SELECT * FROM nope",
        "",
        "query II",
        "SELECT a FROM t",
        "",
        "query I rowsort same",
        "SELECT a FROM t",
        "",
        "query I rowsort same",
        "SELECT a + 1 FROM t",
        "");
    FileResult result = new SltRunner(H2, Duration.ofSeconds(10))
        .run(SltParser.parse("bad.test", text));
    assertThat(result.failures()).extracting(RecordFailure::line)
        .containsExactly(7, 13, 16, 19, 22, 28);
    assertThat(result.failures().get(0).reason()).isEqualTo("wrong result");
    assertThat(result.failures().get(0).actual()).isEqualTo("1\n2");
    assertThat(result.failures().get(3).reason()).startsWith("expected SQLSTATE 42P01, got error 42S0");
    assertThat(result.failures().get(4).reason()).contains("declares 2").doesNotContain("\n");
    assertThat(result.failures().get(5).reason()).contains("labelled same");
    assertThat(result.passed()).isEqualTo(3);
  }

  @Test
  void eachFileGetsAFreshDatabase() throws Exception {
    Path first = temp.resolve("a.test");
    Files.writeString(first, "statement ok\nCREATE TABLE t(a INTEGER)\n");
    Path second = temp.resolve("b.test");
    Files.writeString(second, "statement ok\nCREATE TABLE t(a INTEGER)\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SuiteResult result = new SltSuite(H2, Duration.ofSeconds(10),
        new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(List.of(new SltFile(first, "a.test"), new SltFile(second, "b.test")),
            KnownFailures.none());
    assertThat(result.isSuccess()).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("a.test: 1 passed, 0 failed, 0 skipped")
        .contains("b.test: 1 passed, 0 failed, 0 skipped")
        .contains("2 passed, 0 failed, 0 skipped");
  }

  @Test
  void filesInParallelKeepTheirOrderAndTheRatchet() throws Exception {
    List<SltFile> files = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Path file = temp.resolve("p" + i + ".test");
      Files.writeString(file, "statement ok\nCREATE TABLE t(a INTEGER)\n\nstatement ok\nINSERT INTO t VALUES ("
          + i + ")\n\nquery I nosort\nSELECT a FROM t\n----\n" + i + "\n\nstatement ok\nSELECT * FROM nope\n");
      files.add(new SltFile(file, "p" + i + ".test"));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SuiteResult result = new SltSuite(H2, Duration.ofSeconds(10), null,
        new PrintStream(out, true, StandardCharsets.UTF_8), 3)
        .run(files, KnownFailures.parse("p0.test:12 a\np1.test:12 b\np2.test:12 c\np3.test:12 d\n"));
    assertThat(result.files()).extracting(FileResult::name)
        .containsExactly("p0.test", "p1.test", "p2.test", "p3.test", "p4.test", "p5.test");
    assertThat(result.passed()).isEqualTo(18);
    assertThat(result.parallelism()).isEqualTo(3);
    assertThat(result.wallNanos()).isPositive();
    assertThat(result.unexpectedFailures()).extracting(RecordFailure::key)
        .containsExactly("p4.test:12", "p5.test:12");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("p5.test: 3 passed, 1 failed, 0 skipped")
        .contains("18 passed, 6 failed, 0 skipped, ").contains("3 files at a time");
  }

  @Test
  void ratchetFailsOnNewFailuresAndOnFixedOnes() throws Exception {
    Path file = temp.resolve("r.test");
    Files.writeString(file, String.join("\n",
        "statement ok", "SELECT * FROM nope", "",
        "statement ok", "SELECT 1", "",
        "statement ok", "SELECT * FROM nope2", ""));
    SltFile sltFile = new SltFile(file, "r.test");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    SltSuite suite = new SltSuite(H2, Duration.ofSeconds(10), quiet);

    SuiteResult exact = suite.run(List.of(sltFile), KnownFailures.parse("r.test:1 a\nr.test:7 b\n"));
    assertThat(exact.isSuccess()).isTrue();

    SuiteResult unlisted = suite.run(List.of(sltFile), KnownFailures.parse("r.test:1 a\n"));
    assertThat(unlisted.isSuccess()).isFalse();
    assertThat(unlisted.unexpectedFailures()).extracting(RecordFailure::key)
        .containsExactly("r.test:7");

    SuiteResult fixed = suite.run(List.of(sltFile),
        KnownFailures.parse("r.test:1 a\nr.test:4 c\nr.test:7 b\nother.test:1 not run\n"));
    assertThat(fixed.isSuccess()).isFalse();
    assertThat(fixed.fixedRecords()).containsExactly("r.test:4");
    assertThat(fixed.failuresAsKnownFailures()).startsWith("r.test:1 error 42S0");
  }

  @Test
  void aStatementThatOverrunsTheGuardFailsAndTheFileGoesOn() {
    String text = String.join("\n",
        "statement ok",
        "CREATE ALIAS SLEEP FOR 'java.lang.Thread.sleep'",
        "",
        "statement ok",
        "CALL SLEEP(60000)",
        "",
        "query I",
        "SELECT 1",
        "----",
        "1",
        "");
    long start = System.nanoTime();
    FileResult result = new SltRunner(H2, Duration.ofSeconds(1))
        .run(SltParser.parse("slow.test", text));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result.failures()).extracting(RecordFailure::line).containsExactly(4);
    assertThat(result.failures().get(0).reason()).contains("client-side guard");
    assertThat(result.passed()).isEqualTo(2);
    assertThat(millis).isLessThan(30_000);
  }

  @Test
  void aSpentFileBudgetFailsTheRecordsNotRun() {
    FileResult result = new SltRunner(H2, Duration.ofSeconds(10), Duration.ZERO).run(
        SltParser.parse("b.test", "statement ok\nSELECT 1\n\nstatement ok\nSELECT 2\n"));
    assertThat(result.failed()).isEqualTo(2);
    assertThat(result.failures().get(0).reason()).contains("time budget");
  }

  @Test
  void aDatabaseThatCannotOpenFailsEveryRecord() {
    DatabaseProvider broken = fileName -> {
      throw new IllegalStateException("no server");
    };
    FileResult result = new SltRunner(broken, Duration.ofSeconds(1)).run(SltParser.parse(
        "x.test", "statement ok\nSELECT 1\n\nskipif quaver\nstatement ok\nSELECT 2\n"));
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.failures().get(0).reason()).contains("no server");
  }
}
