package dev.quaver.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SltParserTest {
  @Test
  void parsesEveryRecordKindWithCrlf() {
    String text = String.join("\r\n",
        "# comment",
        "hash-threshold 8",
        "",
        "statement ok",
        "CREATE TABLE t1(a INTEGER,",
        "  b INTEGER)",
        "",
        "statement error",
        "SELECT * FROM nope",
        "",
        "statement error 42P01",
        "SELECT * FROM nope",
        "",
        "skipif mysql",
        "onlyif quaver",
        "query IT rowsort label-1",
        "SELECT a, b",
        "FROM t1",
        "----",
        "1",
        "x",
        "",
        "query R",
        "SELECT 1.0",
        "",
        "onlyif mssql",
        "halt",
        "");
    SltScript script = SltParser.parse("f.test", text);
    List<SltRecord> records = script.records();
    assertThat(records).hasSize(7);
    assertThat(records.get(0)).isEqualTo(new SltRecord.HashThreshold(2, List.of(), 8));
    assertThat(records.get(1)).isEqualTo(new SltRecord.Statement(
        4, List.of(), "CREATE TABLE t1(a INTEGER,\n  b INTEGER)", false, null));
    assertThat(records.get(2)).isEqualTo(
        new SltRecord.Statement(8, List.of(), "SELECT * FROM nope", true, null));
    assertThat(((SltRecord.Statement) records.get(3)).expectedSqlState()).isEqualTo("42P01");
    SltRecord.Query query = (SltRecord.Query) records.get(4);
    assertThat(query.line()).isEqualTo(16);
    assertThat(query.sql()).isEqualTo("SELECT a, b\nFROM t1");
    assertThat(query.types()).isEqualTo("IT");
    assertThat(query.sortMode()).isEqualTo(SortMode.ROWSORT);
    assertThat(query.label()).isEqualTo("label-1");
    assertThat(query.expected()).containsExactly("1", "x");
    assertThat(query.isSkippedFor("quaver")).isFalse();
    SltRecord.Query unchecked = (SltRecord.Query) records.get(5);
    assertThat(unchecked.expected()).isNull();
    assertThat(unchecked.sortMode()).isEqualTo(SortMode.NOSORT);
    assertThat(records.get(6)).isInstanceOf(SltRecord.Halt.class);
    assertThat(records.get(6).isSkippedFor("quaver")).isTrue();
    assertThat(script.testRecordCount()).isEqualTo(5);
  }

  @Test
  void engineConditions() {
    assertThat(new EngineCondition(false, "quaver").skips("quaver")).isTrue();
    assertThat(new EngineCondition(false, "mysql").skips("quaver")).isFalse();
    assertThat(new EngineCondition(true, "mysql").skips("quaver")).isTrue();
    assertThat(new EngineCondition(true, "quaver").skips("quaver")).isFalse();
  }

  @Test
  void queryWithEmptyResult() {
    SltScript script = SltParser.parse("f", "query I nosort\nSELECT 1 WHERE 1=0\n----\n\n");
    assertThat(((SltRecord.Query) script.records().get(0)).expected()).isEmpty();
  }

  @Test
  void rejectsMalformedRecords() {
    assertThatThrownBy(() -> SltParser.parse("f.test", "\nstatement maybe\nSELECT 1\n"))
        .isInstanceOf(SltParseException.class).hasMessageContaining("f.test:2");
    assertThatThrownBy(() -> SltParser.parse("f.test", "query X\nSELECT 1\n"))
        .isInstanceOf(SltParseException.class);
    assertThatThrownBy(() -> SltParser.parse("f.test", "query I weird\nSELECT 1\n"))
        .isInstanceOf(SltParseException.class);
    assertThatThrownBy(() -> SltParser.parse("f.test", "statement error 4260\nSELECT\n"))
        .isInstanceOf(SltParseException.class);
    assertThatThrownBy(() -> SltParser.parse("f.test", "frobnicate\n"))
        .isInstanceOf(SltParseException.class).hasMessageContaining("frobnicate");
  }

  @Test
  void parsesTheVendoredCorpusWithTheManifestCounts() throws Exception {
    Path corpus = Path.of("slt-corpus");
    // statements, queries per MANIFEST.txt of the shared corpus.
    int[][] counts = {{31, 1000}, {31, 1000}, {31, 3320}, {1025, 2832}, {704, 732}};
    for (int i = 0; i < counts.length; i++) {
      Path file = corpus.resolve("select" + (i + 1) + ".test");
      if (!Files.exists(file)) {
        continue;
      }
      SltScript script = SltParser.parse(file, file.getFileName().toString());
      long statements = script.records().stream()
          .filter(r -> r instanceof SltRecord.Statement).count();
      long queries = script.records().stream().filter(r -> r instanceof SltRecord.Query).count();
      assertThat(statements).as(file.toString()).isEqualTo(counts[i][0]);
      assertThat(queries).as(file.toString()).isEqualTo(counts[i][1]);
    }
  }

  @Test
  void parsesQuaversOwnFiles() throws Exception {
    Path own = Path.of("src/test/resources/sql");
    for (SltFile file : SltMain.findTestFiles(own, own)) {
      SltScript script = SltParser.parse(file.path(), file.name());
      assertThat(Files.readAllLines(file.path()).subList(0, 3))
          .as(file.name() + " starts with name, description, group")
          .satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("# name:");
            assertThat(lines.get(1)).startsWith("# description:");
            assertThat(lines.get(2)).startsWith("# group:");
          });
      assertThat(script.testRecordCount()).as(file.name()).isPositive();
    }
  }
}
