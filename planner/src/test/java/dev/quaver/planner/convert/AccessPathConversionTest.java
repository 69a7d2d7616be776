package dev.quaver.planner.convert;

import static dev.quaver.planner.convert.PlanFixtures.column;
import static dev.quaver.planner.convert.PlanFixtures.find;
import static dev.quaver.planner.convert.PlanFixtures.numeric;
import static dev.quaver.planner.convert.PlanFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.Planner;
import dev.quaver.planner.SessionSettings;
import dev.quaver.planner.physical.IndexAccess;
import dev.quaver.planner.physical.PhysicalIndexScan;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.ColumnStatistics;
import dev.quaver.storage.stats.TableStatistics;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per access-path decision (issue #7) with given statistics: ORDERS has 10M rows, ID
 * (primary key) over [0, 10M), CUSTOMER (indexed) with 1M distinct values, STATUS (indexed) with
 * 3; LINES (40M rows) has a composite primary key; NOSTATS was never analyzed (1M rows assumed).
 */
class AccessPathConversionTest {
  @TempDir Path directory;
  private StorageEngine engine;
  private Planner planner;

  @BeforeEach
  void open() {
    engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5));
    TableDef orders = table(engine, "ORDERS", List.of(0), List.of(
        column("ID", ColumnType.INTEGER), column("CUSTOMER", ColumnType.INTEGER), column("STATUS", ColumnType.varchar(8)),
        column("AMOUNT", ColumnType.DOUBLE)));
    engine.catalog().createIndex("ORDERS", new IndexDef("ORDERS_CUSTOMER", List.of(1), false));
    engine.catalog().createIndex("ORDERS", new IndexDef("ORDERS_STATUS", List.of(2), false));
    engine.catalog().statistics().put(new TableStatistics(orders.id(), 10_000_000, 40, 0, List.of(
        numeric(10_000_000, 0, 10_000_000), numeric(1_000_000, 0, 1_000_000),
        new ColumnStatistics(0, "closed", "open", 3, null, null, null),
        new ColumnStatistics(0, null, null, 1_000_000, null, null, null))));
    TableDef lines = table(engine, "LINES", List.of(0, 1), List.of(column("ORDER_ID", ColumnType.INTEGER),
        column("LINE", ColumnType.INTEGER), column("QTY", ColumnType.INTEGER)));
    engine.catalog().statistics().put(new TableStatistics(lines.id(), 40_000_000, 12, 0, List.of(
        numeric(10_000_000, 0, 10_000_000), numeric(8, 0, 8), numeric(100, 0, 100))));
    table(engine, "NOSTATS", List.of(0), List.of(column("ID", ColumnType.BIGINT), column("CODE", ColumnType.varchar(8)),
        column("GROUP_ID", ColumnType.INTEGER)));
    engine.catalog().createIndex("NOSTATS", new IndexDef("NOSTATS_CODE", List.of(1), true));
    engine.catalog().createIndex("NOSTATS", new IndexDef("NOSTATS_GROUP", List.of(2), false));
    TableDef codes = table(engine, "CODES", List.of(0), List.of(column("CODE", ColumnType.character(4)),
        column("V", ColumnType.INTEGER)));
    engine.catalog().statistics().put(new TableStatistics(codes.id(), 1_000_000, 12, 0, List.of(
        new ColumnStatistics(0, "aaaa", "zzzz", 1_000_000, null, null, null), numeric(100, 0, 100))));
    planner = new Planner(engine.catalog());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void primaryKeyEqualityIsAPointGet() {
    PhysicalIndexScan scan = indexScan("SELECT amount FROM orders WHERE id = 42", "auto");
    assertThat(scan.access()).isEqualTo(IndexAccess.PRIMARY_KEY_POINT);
    assertThat(scan.index()).isNull();
    assertThat(scan.ranges()).hasSize(1);
    assertThat(scan.cost()).isLessThan(scan.scanCost() / 1000);
    assertThat(indexScan("SELECT amount FROM orders WHERE id = ?", "auto").access())
        .isEqualTo(IndexAccess.PRIMARY_KEY_POINT);
    assertThat(indexScan("SELECT amount FROM orders WHERE id IN (1, 5, 9)", "auto").ranges()).hasSize(3);
  }

  @Test
  void selectivePrimaryKeyRangeIsAKeyRange() {
    PhysicalIndexScan scan = indexScan("SELECT amount FROM orders WHERE id BETWEEN 1000 AND 2000", "auto");
    assertThat(scan.access()).isEqualTo(IndexAccess.PRIMARY_KEY_RANGE);
    assertThat(scan.ranges().get(0).lower()).isNotNull();
    assertThat(scan.ranges().get(0).upper()).isNotNull();
    assertThat(explain("SELECT amount FROM orders WHERE id BETWEEN 1000 AND 2000"))
        .contains("IndexScan(table=ORDERS, access=key range, key=PRIMARY KEY(ID)")
        .contains("ID >= 1000 AND ID <= 2000").contains("key range").contains("chosen over scan");
  }

  @Test
  void unselectivePrimaryKeyRangeIsScanned() {
    assertThat(indexScan("SELECT amount FROM orders WHERE id > 100", "auto")).isNull();
    assertThat(tableScan("SELECT amount FROM orders WHERE id > 100", "auto")).isNotNull();
  }

  @Test
  void selectiveSecondaryIndexIsUsed() {
    PhysicalIndexScan scan = indexScan("SELECT id, amount FROM orders WHERE customer = 77", "auto");
    assertThat(scan.access()).isEqualTo(IndexAccess.SECONDARY_INDEX);
    assertThat(scan.index()).isEqualTo("ORDERS_CUSTOMER");
  }

  @Test
  void unselectiveSecondaryIndexIsScanned() {
    assertThat(indexScan("SELECT id FROM orders WHERE status = 'open'", "auto")).isNull();
  }

  @Test
  void cheapestCandidateWins() {
    PhysicalIndexScan scan = indexScan("SELECT amount FROM orders WHERE status = 'open' AND id = 3", "auto");
    assertThat(scan.access()).isEqualTo(IndexAccess.PRIMARY_KEY_POINT);
    scan = indexScan("SELECT amount FROM orders WHERE status = 'open' AND customer = 3", "auto");
    assertThat(scan.index()).isEqualTo("ORDERS_CUSTOMER");
  }

  @Test
  void compositeKeysUseTheirLeadingColumns() {
    assertThat(indexScan("SELECT qty FROM lines WHERE order_id = 7 AND line = 2", "auto").access())
        .isEqualTo(IndexAccess.PRIMARY_KEY_POINT);
    PhysicalIndexScan prefix = indexScan("SELECT qty FROM lines WHERE order_id = 7 AND line > 2", "auto");
    assertThat(prefix.access()).isEqualTo(IndexAccess.PRIMARY_KEY_RANGE);
    assertThat(prefix.ranges().get(0).equal()).hasSize(1);
    assertThat(prefix.ranges().get(0).lower()).isNotNull();
    assertThat(indexScan("SELECT qty FROM lines WHERE line = 2", "index")).isNull();
  }

  @Test
  void withoutStatisticsPointReadsStillWinButUnknownIndexesDoNot() {
    assertThat(indexScan("SELECT code FROM nostats WHERE id = 5", "auto").access())
        .isEqualTo(IndexAccess.PRIMARY_KEY_POINT);
    assertThat(indexScan("SELECT id FROM nostats WHERE code = 'x'", "auto").index()).isEqualTo("NOSTATS_CODE");
    // unknown is large: no range or non-unique lookup of a table without statistics
    assertThat(indexScan("SELECT id FROM nostats WHERE group_id = 3", "auto")).isNull();
    assertThat(indexScan("SELECT code FROM nostats WHERE id BETWEEN 5 AND 6", "auto")).isNull();
    assertThat(indexScan("SELECT code FROM nostats WHERE id IN (5, 6)", "auto").ranges()).hasSize(2);
  }

  @Test
  void settingForcesEitherPath() {
    assertThat(indexScan("SELECT id FROM orders WHERE status = 'open'", "index").index()).isEqualTo("ORDERS_STATUS");
    assertThat(indexScan("SELECT amount FROM orders WHERE id = 42", "scan")).isNull();
    assertThat(indexScan("SELECT amount FROM orders WHERE id + 1 = 42", "index")).isNull();
    assertThat(indexScan("SELECT amount FROM orders WHERE amount = 1", "index")).isNull();
  }

  @Test
  void orOfRangesOverOneKeyColumnIsOneKeyRangeEach() {
    PhysicalIndexScan scan = indexScan(
        "SELECT amount FROM orders WHERE id < 100 OR id BETWEEN 5000 AND 5100 OR id = 9999", "auto");
    assertThat(scan.access()).isEqualTo(IndexAccess.PRIMARY_KEY_RANGE);
    assertThat(scan.ranges()).hasSize(3);
    assertThat(scan.ranges().get(0).lower()).isNull();
    assertThat(scan.ranges().get(1).lower()).isNotNull();
    assertThat(scan.ranges().get(1).upper()).isNotNull();
    assertThat(explain("SELECT amount FROM orders WHERE id < 100 OR id BETWEEN 5000 AND 5100 OR id = 9999"))
        .contains("access=key range").contains(" OR ");
    // an IN list is still a point get; with a prefix, the OR is on the column after it
    assertThat(indexScan("SELECT amount FROM orders WHERE id = 5 OR id = 7", "auto").access())
        .isEqualTo(IndexAccess.PRIMARY_KEY_POINT);
    PhysicalIndexScan lines = indexScan("SELECT qty FROM lines WHERE order_id = 7 AND (line < 2 OR line > 6)", "auto");
    assertThat(lines.ranges()).hasSize(2);
    assertThat(lines.ranges().get(0).equal()).hasSize(1);
  }

  @Test
  void isNullOnAnIndexColumnReadsItsNullKeys() {
    PhysicalIndexScan scan = indexScan("SELECT id FROM orders WHERE customer IS NULL", "auto");
    assertThat(scan.index()).isEqualTo("ORDERS_CUSTOMER");
    assertThat(dev.quaver.planner.physical.KeyRange.isNull(scan.ranges().get(0).equal().get(0))).isTrue();
    assertThat(explain("SELECT id FROM orders WHERE customer IS NULL")).contains("ranges=[CUSTOMER IS NULL]");
    // a UNIQUE index holds many NULLs: not a point read, so without statistics it is not taken
    assertThat(indexScan("SELECT id FROM nostats WHERE code IS NULL", "auto")).isNull();
    assertThat(indexScan("SELECT id FROM nostats WHERE code IS NULL", "index").index()).isEqualTo("NOSTATS_CODE");
    assertThat(indexScan("SELECT id FROM orders WHERE customer IS NOT NULL", "index")).isNull();
  }

  @Test
  void orAcrossColumnsIsNotAKeyRange() {
    assertThat(indexScan("SELECT amount FROM orders WHERE id = 1 OR customer = 2", "index")).isNull();
    assertThat(indexScan("SELECT amount FROM orders WHERE id = 1 OR (id > 5 AND customer = 2)", "index")).isNull();
  }

  @Test
  void charKeysTakeEqualitiesOnly() {
    PhysicalIndexScan point = indexScan("SELECT v FROM codes WHERE code = 'ab'", "auto");
    assertThat(point.access()).isEqualTo(IndexAccess.PRIMARY_KEY_POINT);
    // the filter compares CAST(code AS VARCHAR(4)): still one row per key above the read
    assertThat(planner.prepare("SELECT v FROM codes WHERE code = 'ab'").root().estimatedRows()).isEqualTo(1);
    assertThat(indexScan("SELECT v FROM codes WHERE code IN ('ab', 'cd  ', ?)", "auto").ranges()).hasSize(3);
    // CHAR comparisons ignore trailing spaces: their order is not the padded keys' order
    assertThat(indexScan("SELECT v FROM codes WHERE code > 'ab'", "index")).isNull();
    assertThat(indexScan("SELECT v FROM codes WHERE code = 'ab' OR code < 'b'", "index")).isNull();
  }

  @Test
  void dmlFindsItsRowsByKey() {
    PhysicalIndexScan scan = indexScan("UPDATE orders SET amount = 0 WHERE id = 9", "auto");
    assertThat(scan.withRowKey()).isTrue();
    assertThat(scan.access()).isEqualTo(IndexAccess.PRIMARY_KEY_POINT);
    assertThat(indexScan("DELETE FROM orders WHERE customer = ?", "auto").index()).isEqualTo("ORDERS_CUSTOMER");
  }

  private PhysicalIndexScan indexScan(String sql, String mode) {
    return find(planner.prepare(sql, SessionSettings.DEFAULTS.set("access_path", mode)).root(), PhysicalIndexScan.class);
  }

  private PhysicalTableScan tableScan(String sql, String mode) {
    return find(planner.prepare(sql, SessionSettings.DEFAULTS.set("access_path", mode)).root(), PhysicalTableScan.class);
  }

  private String explain(String sql) {
    return String.join("\n", planner.prepare("EXPLAIN " + sql, SessionSettings.DEFAULTS).explainLines());
  }
}
