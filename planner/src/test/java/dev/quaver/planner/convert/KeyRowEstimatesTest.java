package dev.quaver.planner.convert;

import static dev.quaver.planner.convert.PlanFixtures.column;
import static dev.quaver.planner.convert.PlanFixtures.find;
import static dev.quaver.planner.convert.PlanFixtures.numeric;
import static dev.quaver.planner.convert.PlanFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quaver.planner.Planner;
import dev.quaver.planner.SessionSettings;
import dev.quaver.planner.physical.PhysicalIndexScan;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.ColumnStatistics;
import dev.quaver.storage.stats.TableStatistics;
import dev.quaver.storage.stats.ValueCount;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row estimates of key reads and of the operators above them (issue #7), with given statistics:
 * a bound unique key gives one row per bound value (statistics or not), an equality with a value
 * known only at execution gives the key's rows per distinct value, a range of literals the
 * histogram's share. ORDERS: 10M rows, ID (primary key) over [0, 10M), STATUS (indexed) with 5
 * values of which 'open' holds 9M rows and 'closed' 900K; LINES: 40M rows, primary key
 * (ORDER_ID 10M values, LINE 8); NOSTATS was never analyzed (1M rows assumed), primary key ID,
 * UNIQUE index on CODE.
 */
class KeyRowEstimatesTest {
  @TempDir Path directory;
  private StorageEngine engine;
  private Planner planner;

  @BeforeEach
  void open() {
    engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5));
    TableDef orders = table(engine, "ORDERS", List.of(0), List.of(column("ID", ColumnType.INTEGER),
        column("CUSTOMER", ColumnType.INTEGER), column("STATUS", ColumnType.varchar(8)),
        column("AMOUNT", ColumnType.DOUBLE)));
    engine.catalog().createIndex("ORDERS", new IndexDef("ORDERS_STATUS", List.of(2), false));
    engine.catalog().statistics().put(new TableStatistics(orders.id(), 10_000_000, 40, 0, List.of(
        numeric(10_000_000, 0, 10_000_000), numeric(1_000_000, 0, 1_000_000),
        new ColumnStatistics(0, "closed", "shipped", 5, null, List.of(),
            List.of(new ValueCount("open", 9_000_000), new ValueCount("closed", 900_000))),
        new ColumnStatistics(0, null, null, 1_000_000, null, null, null))));
    TableDef lines = table(engine, "LINES", List.of(0, 1), List.of(column("ORDER_ID", ColumnType.INTEGER),
        column("LINE", ColumnType.INTEGER), column("QTY", ColumnType.INTEGER)));
    engine.catalog().statistics().put(new TableStatistics(lines.id(), 40_000_000, 12, 0, List.of(
        numeric(10_000_000, 0, 10_000_000), numeric(8, 0, 8), numeric(100, 0, 100))));
    table(engine, "NOSTATS", List.of(0), List.of(column("ID", ColumnType.BIGINT), column("CODE", ColumnType.varchar(8)),
        column("GROUP_ID", ColumnType.INTEGER)));
    engine.catalog().createIndex("NOSTATS", new IndexDef("NOSTATS_CODE", List.of(1), true));
    planner = new Planner(engine.catalog());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void pointGetsOfATableWithoutStatisticsAreOneRowPerKeyAllTheWayUp() {
    // Before: the general guess, a tenth of an assumed million rows, above the point get.
    assertThat(rows("SELECT code, group_id FROM nostats WHERE id = ?")).isEqualTo(1);
    assertThat(rows("SELECT code, group_id FROM nostats WHERE id = 42")).isEqualTo(1);
    assertThat(rows("SELECT code, group_id FROM nostats WHERE id IN (5, 6, 7)")).isEqualTo(3);
    assertThat(rows("SELECT id FROM nostats WHERE code = ?")).isEqualTo(1);
    assertThat(rows("SELECT id FROM nostats WHERE code = 'x' OR code = 'y'")).isEqualTo(2);
    // not a unique key: no bound (unknown is large)
    assertThat(rows("SELECT id FROM nostats WHERE group_id = ?")).isGreaterThan(1000);
  }

  @Test
  void aJoinAboveAPointGetSeesItsOneRow() {
    double rows = rows("SELECT o.amount FROM nostats n JOIN orders o ON o.customer = n.group_id WHERE n.id = ?");
    // 1 row × 10M orders / 1M distinct customers
    assertThat(rows).isCloseTo(10, within(1.0));
  }

  @Test
  void aFullyBoundCompositeKeyIsOneRowPerCombination() {
    assertThat(rows("SELECT qty FROM lines WHERE order_id = ? AND line = ?")).isEqualTo(1);
    // at most 2 × 3 combinations (the statistics' estimate may be lower still)
    assertThat(rows("SELECT qty FROM lines WHERE order_id IN (1, 2) AND line IN (3, 4, 5)")).isBetween(1.0, 6.0);
    assertThat(rows("SELECT code FROM nostats WHERE id IN (1, 2) OR id = 3")).isEqualTo(3);
  }

  @Test
  void aKeyPrefixWithAParameterReadsTheRowsOfAnAverageKey() {
    PhysicalIndexScan scan = indexScan("SELECT qty FROM lines WHERE order_id = ?", "auto");
    assertThat(scan.estimatedRows()).isCloseTo(4, within(0.5)); // 40M rows / 10M orders
  }

  @Test
  void anIndexLookupWithAParameterUsesRowsPerDistinctValueNotTheRareValuesShare() {
    // 10M rows / 5 statuses = 2M rows for an average status: reading them by index costs more
    // than the scan. (The rare-value share, 100K rows over the 3 uncommon statuses, is right only
    // for a literal known not to be common.)
    assertThat(rows("SELECT id FROM orders WHERE status = ?")).isCloseTo(2_000_000, within(1.0));
    assertThat(indexScan("SELECT id FROM orders WHERE status = ?", "auto")).isNull();
    assertThat(indexScan("SELECT id FROM orders WHERE status = ?", "index").estimatedRows())
        .isCloseTo(2_000_000, within(1.0));
    assertThat(rows("SELECT id FROM orders WHERE status = 'pending'")).isCloseTo(33_333, within(1.0));
    assertThat(rows("SELECT id FROM orders WHERE status = 'open'")).isCloseTo(9_000_000, within(1.0));
  }

  @Test
  void aKeyRangeOfLiteralsUsesTheHistogram() {
    PhysicalIndexScan scan = indexScan("SELECT amount FROM orders WHERE id BETWEEN 1000 AND 2000", "auto");
    assertThat(scan.estimatedRows()).isBetween(500.0, 3_000.0);
    assertThat(rows("SELECT amount FROM orders WHERE id >= 9000000")).isCloseTo(1_000_000, within(20_000.0));
  }

  private double rows(String sql) {
    return planner.prepare(sql, SessionSettings.DEFAULTS).root().estimatedRows();
  }

  private PhysicalIndexScan indexScan(String sql, String mode) {
    return find(planner.prepare(sql, SessionSettings.DEFAULTS.set("access_path", mode)).root(), PhysicalIndexScan.class);
  }
}
