package dev.quaver.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.TriggerDef;
import dev.quaver.storage.catalog.ViewDef;
import dev.quaver.type.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CREATE/DROP TRIGGER parsing and conversion, and the NEW/OLD rewrite of trigger statements. */
class TriggerStatementsTest {
  private static final TableDef T1 = new TableDef(0, "T1", List.of(
      new ColumnDef("X", ColumnType.INTEGER, true, null),
      new ColumnDef("Y", ColumnType.varchar(8), true, null)), List.of(), List.of(), 1, List.of());
  private final FakeCatalog catalog = new FakeCatalog().withTable(T1)
      .withView(new ViewDef("V", "SELECT 1", List.of()));

  private DdlCommand convert(String sql) {
    return DdlConverter.convert(QuaverSqlParser.parse(sql), catalog, query -> List.of());
  }

  private TriggerDef trigger(String sql) {
    return ((DdlCommand.CreateTrigger) convert(sql)).trigger();
  }

  @Test
  void parsesTheCorpusFormsWithBeforeAsDefault() {
    TriggerDef trigger = trigger("CREATE TRIGGER t1r1 UPDATE ON t1 BEGIN SELECT 1; END;");
    assertThat(trigger.name()).isEqualTo("T1R1");
    assertThat(trigger.tableName()).isEqualTo("T1");
    assertThat(trigger.timing()).isEqualTo(TriggerDef.Timing.BEFORE);
    assertThat(trigger.event()).isEqualTo(TriggerDef.Event.UPDATE);
    assertThat(trigger.body()).containsExactly("SELECT 1");
    assertThat(trigger("CREATE TRIGGER r AFTER DELETE ON t1 BEGIN SELECT 1; END").timing())
        .isEqualTo(TriggerDef.Timing.AFTER);
  }

  @Test
  void parsesEveryClause() {
    TriggerDef trigger = trigger("CREATE TRIGGER IF NOT EXISTS r AFTER UPDATE OF y, x ON t1 FOR EACH ROW"
        + " WHEN new.x > old.x BEGIN INSERT INTO log VALUES (old.x, new.y); DELETE FROM log WHERE a = new.x; END");
    assertThat(trigger.updateColumns()).containsExactly("Y", "X");
    assertThat(trigger.whenSql()).isEqualTo("\"NEW\".\"X\" > \"OLD\".\"X\"");
    assertThat(trigger.body()).hasSize(2);
    assertThat(((DdlCommand.CreateTrigger) convert("CREATE TRIGGER IF NOT EXISTS r INSERT ON t1 BEGIN SELECT 1; END"))
        .ifNotExists()).isTrue();
    assertThat(convert("DROP TRIGGER IF EXISTS r")).isEqualTo(new DdlCommand.DropTrigger("R", true));
    assertThat(convert("DROP TRIGGER r")).isEqualTo(new DdlCommand.DropTrigger("R", false));
  }

  @Test
  void rewritesNewAndOldIntoTypedParametersInTextOrder() {
    TriggerStatements.Bound bound = TriggerStatements.bindStatement(
        "INSERT INTO \"LOG\" VALUES (\"OLD\".\"Y\", \"NEW\".\"X\" + 1, 'NEW.X')", T1, TriggerDef.Event.UPDATE);
    assertThat(bound.sql()).contains("CAST(? AS VARCHAR(8))").contains("CAST(? AS INTEGER)").contains("'NEW.X'");
    assertThat(bound.sql().indexOf("VARCHAR(8)")).isLessThan(bound.sql().indexOf("INTEGER"));
    assertThat(bound.parameters()).containsExactly(new TriggerStatements.Reference(false, 1),
        new TriggerStatements.Reference(true, 0));
    QuaverSqlParser.parse(bound.sql());

    TriggerStatements.Bound update = TriggerStatements.bindStatement(
        "UPDATE \"LOG\" SET \"A\" = \"NEW\".\"Y\" WHERE \"B\" = \"OLD\".\"X\"", T1, TriggerDef.Event.UPDATE);
    assertThat(update.parameters()).containsExactly(new TriggerStatements.Reference(true, 1),
        new TriggerStatements.Reference(false, 0));
    QuaverSqlParser.parse(update.sql());

    TriggerStatements.Bound condition = TriggerStatements.bindCondition("\"NEW\".\"X\" > 0", T1,
        TriggerDef.Event.INSERT);
    assertThat(condition.sql()).startsWith("SELECT CASE WHEN");
    assertThat(condition.parameters()).containsExactly(new TriggerStatements.Reference(true, 0));
  }

  @Test
  void reportsErrorsWithTheirCodes() {
    assertCode("CREATE TRIGGER r INSERT ON nope BEGIN SELECT 1; END", ErrorCode.UNDEFINED_TABLE);
    assertCode("CREATE TRIGGER r INSTEAD OF INSERT ON t1 BEGIN SELECT 1; END", ErrorCode.WRONG_OBJECT_TYPE);
    assertCode("CREATE TRIGGER r INSTEAD OF INSERT ON v BEGIN SELECT 1; END", ErrorCode.FEATURE_NOT_SUPPORTED);
    assertCode("CREATE TRIGGER r AFTER INSERT ON v BEGIN SELECT 1; END", ErrorCode.WRONG_OBJECT_TYPE);
    assertCode("CREATE TRIGGER r UPDATE OF z ON t1 BEGIN SELECT 1; END", ErrorCode.UNDEFINED_COLUMN);
    assertCode("CREATE TRIGGER r INSERT ON t1 BEGIN SELECT old.x; END", ErrorCode.UNDEFINED_COLUMN);
    assertCode("CREATE TRIGGER r DELETE ON t1 BEGIN SELECT new.x; END", ErrorCode.UNDEFINED_COLUMN);
    assertCode("CREATE TRIGGER r DELETE ON t1 WHEN old.z = 1 BEGIN SELECT 1; END", ErrorCode.UNDEFINED_COLUMN);
    assertCode("CREATE TRIGGER r DELETE ON t1 BEGIN CREATE TABLE z (a INT); END", ErrorCode.FEATURE_NOT_SUPPORTED);
    assertCode("CREATE TRIGGER r DELETE ON t1 BEGIN END", ErrorCode.SYNTAX_ERROR);
  }

  private void assertCode(String sql, ErrorCode code) {
    assertThatThrownBy(() -> convert(sql)).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }
}
