package dev.quaver.storage.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triggers in the catalog: codec round trip, format-1 compatibility, persistence and errors. */
class TriggerCatalogTest {
  @TempDir Path directory;

  private static TableDef table(String name) {
    return new TableDef(0, name, List.of(new ColumnDef("X", ColumnType.INTEGER, true, null),
        new ColumnDef("Y", ColumnType.varchar(8), true, null)), List.of(), List.of(), 1, List.of());
  }

  private static TriggerDef trigger(String name, String table) {
    return new TriggerDef(name, table, TriggerDef.Timing.AFTER, TriggerDef.Event.UPDATE,
        List.of("X"), "\"NEW\".\"X\" > 0",
        List.of("INSERT INTO \"LOG\" VALUES (\"OLD\".\"X\", \"NEW\".\"Y\")", "SELECT 1"));
  }

  @Test
  void codecRoundTripsTriggers() {
    CatalogState state = CatalogState.empty().withTrigger(trigger("T1", "A"))
        .withTrigger(new TriggerDef("T0", "B", TriggerDef.Timing.BEFORE, TriggerDef.Event.DELETE,
            List.of(), null, List.of("DELETE FROM \"C\"")));
    CatalogState decoded = CatalogCodec.decode(CatalogCodec.encode(state));
    assertThat(decoded.triggers()).isEqualTo(state.triggers());
    assertThat(decoded.triggers().keySet()).containsExactly("T0", "T1");
    assertThat(decoded.version()).isEqualTo(2);
  }

  @Test
  void formatOneCatalogStillDecodesWithoutTriggers() {
    // Format 1: version 3, nextId 2, no tables, one view V = "SELECT 1" without column names.
    ByteWriter out = new ByteWriter(32);
    out.writeByte(1).writeVarLong(3).writeVarLong(2).writeVarLong(0).writeVarLong(1);
    out.writeLengthPrefixed("V".getBytes()).writeLengthPrefixed("SELECT 1".getBytes()).writeVarLong(0);
    CatalogState decoded = CatalogCodec.decode(out.toByteArray());
    assertThat(decoded.version()).isEqualTo(3);
    assertThat(decoded.views()).containsOnlyKeys("V");
    assertThat(decoded.triggers()).isEmpty();
  }

  @Test
  void triggersSurviveReopenAndAreDroppedWithTheirTable() {
    try (StorageEngine engine = Storage.open(StorageConfig.defaults(directory))) {
      engine.catalog().createTable(table("A"));
      engine.catalog().createTable(table("LOG"));
      engine.catalog().createTrigger(trigger("T1", "A"));
      engine.catalog().createTrigger(trigger("T2", "LOG"));
    }
    try (StorageEngine engine = Storage.open(StorageConfig.defaults(directory))) {
      assertThat(engine.catalog().trigger("T1")).contains(trigger("T1", "A"));
      assertThat(engine.catalog().triggersOn("A")).containsExactly(trigger("T1", "A"));
      engine.catalog().dropTable("A");
      assertThat(engine.catalog().trigger("T1")).isEmpty();
      assertThat(engine.catalog().trigger("T2")).isPresent();
      engine.catalog().dropTrigger("T2");
    }
    try (StorageEngine engine = Storage.open(StorageConfig.defaults(directory))) {
      assertThat(engine.catalog().trigger("T1")).isEmpty();
      assertThat(engine.catalog().trigger("T2")).isEmpty();
      assertThat(engine.catalog().table("LOG")).isPresent();
    }
  }

  @Test
  void ddlErrorsCarryTheirCodes() {
    try (StorageEngine engine = Storage.open(StorageConfig.defaults(directory))) {
      engine.catalog().createTable(table("A"));
      engine.catalog().createTrigger(trigger("T1", "A"));
      assertCode(() -> engine.catalog().createTrigger(trigger("T1", "A")), ErrorCode.DUPLICATE_OBJECT);
      assertCode(() -> engine.catalog().createTrigger(trigger("T9", "NOPE")), ErrorCode.UNDEFINED_TABLE);
      assertCode(() -> engine.catalog().dropTrigger("NOPE"), ErrorCode.UNDEFINED_OBJECT);
      assertThat(((PersistentCatalog) engine.catalog()).state().triggers()).isEqualTo(
          Map.of("T1", trigger("T1", "A")));
    }
  }

  private static void assertCode(Runnable action, ErrorCode code) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }
}
